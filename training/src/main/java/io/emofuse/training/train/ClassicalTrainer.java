package io.emofuse.training.train;

import io.emofuse.fusion.FusionStrategy;
import io.emofuse.fusion.classical.ClassicalModel;
import io.emofuse.fusion.classical.Classifier;
import io.emofuse.fusion.classical.ForestClassifier;
import io.emofuse.fusion.classical.SvmClassifier;
import io.emofuse.fusion.nn.BlockScaling;
import io.emofuse.fusion.nn.Normaliser;
import io.emofuse.training.config.TrainConfig;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Trains a classical category classifier ({@code model.type: svm | random_forest}) on the
 * training rows (and the dev rows, when given: there is no early stopping to hold them for). The
 * input row is what {@link ClassicalModel} builds at prediction time: each modality z-scored with
 * these rows' statistics, for {@code early} both concatenated with the {@link BlockScaling}
 * factors of {@code model.early_scaling}.
 */
final class ClassicalTrainer {

    private ClassicalTrainer() {
    }

    static ClassicalModel train(TrainConfig config, LabelledData data, int[] train, int[] dev) {
        if (data.category() == null) {
            throw new IllegalArgumentException("model.type " + config.model.type + " learns categories; the data has none");
        }
        int[] rows = IntStream.concat(Arrays.stream(train), Arrays.stream(dev)).distinct().toArray();
        FusionStrategy s = config.strategyValue();
        float[][] a = s.usesAcoustic() ? ModelTrainer.pick(data.acoustic(), rows) : null;
        float[][] t = s.usesText() ? ModelTrainer.pick(data.text(), rows) : null;
        Normaliser an = a == null ? null : Normaliser.fit(a, a[0].length);
        Normaliser tn = t == null ? null : Normaliser.fit(t, t[0].length);
        double[] scales = s == FusionStrategy.EARLY
                ? BlockScaling.scales(config.model.earlyScaling, a[0].length, t[0].length) : new double[] {1, 1};
        double[][] x = new double[rows.length][];
        int[] y = new int[rows.length];
        for (int k = 0; k < rows.length; k++) {
            x[k] = ClassicalModel.row(s, a == null ? null : a[k], t == null ? null : t[k], an, tn, scales);
            y[k] = data.category()[rows[k]];
        }
        long seed = config.training.seed;
        Classifier c = switch (config.model.type) {
            case "svm" -> SvmClassifier.fit(x, y, data.categories().size(), config.model.svm.c, config.model.svm.gamma, seed);
            case "random_forest" -> ForestClassifier.fit(x, y, data.categories(), config.model.forest.trees,
                    config.model.forest.maxDepth, config.model.forest.featureFraction, seed);
            default -> throw new IllegalArgumentException("not a classical model type: " + config.model.type);
        };
        return new ClassicalModel(s, an, tn, scales, c, data.categories());
    }
}
