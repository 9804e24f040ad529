package io.emofuse.training.train;

import io.emofuse.fusion.FusionStrategy;
import io.emofuse.fusion.LateFusionModel;
import io.emofuse.fusion.NeuralFusionModel;
import io.emofuse.fusion.bundle.ModelBundle;
import io.emofuse.fusion.late.SecondStage;
import io.emofuse.fusion.late.SpreadMatchedStage;
import io.emofuse.fusion.nn.InputShape;
import io.emofuse.fusion.nn.LabelScaler;
import io.emofuse.fusion.nn.NetworkPredictor;
import io.emofuse.fusion.nn.NetworkSpec;
import io.emofuse.fusion.nn.Normaliser;
import io.emofuse.fusion.nn.RawPrediction;
import io.emofuse.training.config.TrainConfig;
import io.emofuse.training.importers.BinaryAffect;
import io.emofuse.training.split.Fold;
import io.emofuse.training.split.SplitSpec;
import io.emofuse.training.split.Splitter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains the model a {@link TrainConfig} describes on some rows of a {@link LabelledData}:
 * one network for the unimodal and the early/concat/hierarchical strategies; for {@code late},
 * an acoustic and a text network whose out-of-fold predictions on the training rows (inner folds,
 * grouped by speaker where there are speakers) train the second stage, then both networks again
 * on all training rows.
 */
public final class ModelTrainer {

    private final TrainConfig config;
    private final EpochListener listener;

    public ModelTrainer(TrainConfig config, EpochListener listener) {
        this.config = config;
        this.listener = listener == null ? EpochListener.NONE : listener;
    }

    /**
     * @param train rows to learn from
     * @param dev   rows for early stopping; empty → held out of {@code train} (whole speakers where possible)
     */
    public TrainedModel train(LabelledData data, int[] train, int[] dev) {
        if (data.vad() == null && !config.model.categoryHead) {
            throw new IllegalArgumentException("the data has no V, A, D labels; set model.category_head: true to learn its "
                    + data.categories().size() + " categories");
        }
        if (config.model.binaryHeads) {
            data.categories().forEach(BinaryAffect::of); // an unmapped category fails here, before any training
        }
        if (config.classical()) {
            return TrainedModel.classical(ClassicalTrainer.train(config, data, train, dev));
        }
        LabelScaler scaler = data.vad() == null ? null : LabelScaler.fit(pick(data.vad(), train));
        FusionStrategy s = config.strategyValue();
        if (s != FusionStrategy.LATE) {
            // An ensemble's members differ by seed: initial weights, batch order and the dev speakers held out.
            Map<String, NetworkPredictor> nets = new LinkedHashMap<>();
            Map<String, TrainedNetwork> curves = new LinkedHashMap<>();
            for (int m = 1; m <= config.training.ensemble; m++) {
                TrainedNetwork net = trainNetwork(spec(s, data), data, scaler, train, dev, config.training.seed + m - 1);
                nets.put(ModelBundle.ensembleMember(m), net.predictor());
                curves.put(ModelBundle.ensembleMember(m), net);
            }
            return new TrainedModel(new NeuralFusionModel(List.copyOf(nets.values()), scaler, data.categories()), nets, null,
                    scaler, data.categories(), curves);
        }
        String stageKind = config.model.late.stage;
        SecondStage stage;
        if (stageKind.equals("mean")) {
            stage = SecondStage.fit("mean", null, null);
        } else {
            double[][] oof = outOfFold(data, scaler, train);
            double[][] y = new double[train.length][];
            for (int k = 0; k < train.length; k++) {
                y[k] = scaler.toUnit(data.vad()[train[k]]);
            }
            stage = SecondStage.fit(stageKind, oof, y);
            if (config.model.late.matchSpread) {
                stage = SpreadMatchedStage.fit(stage, oof, y);
            }
        }
        TrainedNetwork a = trainNetwork(spec(FusionStrategy.ACOUSTIC, data), data, scaler, train, dev, config.training.seed);
        TrainedNetwork t = trainNetwork(spec(FusionStrategy.TEXT, data), data, scaler, train, dev, config.training.seed);
        Map<String, NetworkPredictor> nets = new LinkedHashMap<>();
        nets.put("acoustic", a.predictor());
        nets.put("text", t.predictor());
        Map<String, TrainedNetwork> curves = new LinkedHashMap<>();
        curves.put("acoustic", a);
        curves.put("text", t);
        return new TrainedModel(new LateFusionModel(a.predictor(), t.predictor(), stage, scaler, data.categories()), nets,
                stage, scaler, data.categories(), curves);
    }

    /** Unimodal predictions (acoustic V,A,D, text V,A,D; training scale) for each training row, from models that did not see it. */
    private double[][] outOfFold(LabelledData data, LabelScaler scaler, int[] train) {
        if (data.vad() == null) {
            throw new IllegalArgumentException("a late fusion with an svr or linear stage needs V, A, D labels");
        }
        var sub = new ArrayList<io.emofuse.training.manifest.ManifestRow>();
        for (int i : train) {
            sub.add(data.rows().get(i));
        }
        boolean speakers = sub.stream().allMatch(r -> r.speaker() != null)
                && sub.stream().map(r -> r.speaker()).distinct().count() >= config.model.late.innerFolds;
        SplitSpec inner = new SplitSpec(speakers ? "speaker" : "kfold", config.model.late.innerFolds, 0.2, config.training.seed);
        double[][] oof = new double[train.length][];
        for (Fold f : Splitter.split(inner, sub)) {
            int[] tr = map(train, f.train());
            int[] te = map(train, f.test());
            try (NetworkPredictor a = trainNetwork(spec(FusionStrategy.ACOUSTIC, data), data, scaler, tr, new int[0],
                         config.training.seed).predictor();
                 NetworkPredictor t = trainNetwork(spec(FusionStrategy.TEXT, data), data, scaler, tr, new int[0],
                         config.training.seed).predictor()) {
                RawPrediction pa = a.predict(pick(data.acoustic(), te), null);
                RawPrediction pt = t.predict(null, pick(data.text(), te));
                for (int k = 0; k < f.test().length; k++) {
                    oof[f.test()[k]] = LateFusionModel.stack(pa.vad()[k], pt.vad()[k]);
                }
            }
        }
        return oof;
    }

    private static int[] map(int[] base, int[] local) {
        int[] out = new int[local.length];
        for (int k = 0; k < local.length; k++) {
            out[k] = base[local[k]];
        }
        return out;
    }

    private TrainedNetwork trainNetwork(NetworkSpec spec, LabelledData data, LabelScaler scaler, int[] train, int[] dev, long seed) {
        int[] tr = train;
        int[] dv = dev;
        if (dv.length == 0 && config.training.patience > 0) {
            int[][] parts = Splitter.holdOutDev(train, data.rows(), config.training.devFraction, seed);
            tr = parts[0];
            dv = parts[1];
        }
        NetworkTrainer trainer = new NetworkTrainer(config.training.settings().withSeed(seed), config.loss.spec(), listener);
        TrainingData learn = subset(data, scaler, tr);
        if (spec.strategy().usesAcoustic()) {
            // Augmented copies of the rows learnt from (never of dev or test rows), same labels.
            for (float[][] copy : data.augmented()) {
                learn = learn.concat(subset(data.withAcoustic(copy), scaler, tr));
            }
            int copies = config.features.speakerAdaptedCopies;
            if (copies > 0) {
                List<float[][]> tables = new ArrayList<>();
                tables.add(data.acoustic());
                tables.addAll(data.augmented());
                Normaliser population = Normaliser.fit(pick(data.acoustic(), tr), data.acoustic()[0].length);
                for (float[][] table : tables) {
                    for (int c = 0; c < copies; c++) {
                        float[][] adapted = OnlineAdaptation.adapt(table, data.rows(), tr, population, seed + 7919L * (c + 1));
                        learn = learn.concat(subset(data.withAcoustic(adapted), scaler, tr));
                    }
                }
            }
        }
        return trainer.train(spec, learn, dv.length == 0 ? null : subset(data, scaler, dv));
    }

    private NetworkSpec spec(FusionStrategy s, LabelledData data) {
        InputShape a = null;
        InputShape t = null;
        if (s.usesAcoustic()) {
            int steps = config.acousticInput().steps();
            a = new InputShape(steps, data.acoustic()[0].length / steps);
        }
        if (s.usesText()) {
            int steps = config.textInput().steps();
            t = new InputShape(steps, data.text()[0].length / steps);
        }
        int categories = config.model.categoryHead ? data.categories().size() : 0;
        return new NetworkSpec(s, a, t, config.model.acoustic.spec(), config.model.text.spec(), config.model.fusion,
                config.model.shared, categories, config.model.architectureSpec(), config.model.binaryHeads,
                config.model.earlyScaling);
    }

    private TrainingData subset(LabelledData d, LabelScaler scaler, int[] rows) {
        double[][] vad = null;
        if (d.vad() != null) {
            vad = new double[rows.length][];
            for (int k = 0; k < rows.length; k++) {
                vad[k] = scaler.toUnit(d.vad()[rows[k]]);
            }
        }
        int[] cat = null;
        if (config.model.categoryHead && d.category() != null) {
            cat = new int[rows.length];
            for (int k = 0; k < rows.length; k++) {
                cat[k] = d.category()[rows[k]];
            }
        }
        int[] valence = null;
        int[] activation = null;
        if (cat != null && config.model.binaryHeads) {
            valence = new int[rows.length];
            activation = new int[rows.length];
            for (int k = 0; k < rows.length; k++) {
                BinaryAffect b = BinaryAffect.of(d.categories().get(cat[k]));
                valence[k] = b.valenceIndex();
                activation[k] = b.activationIndex();
            }
        }
        return new TrainingData(pick(d.acoustic(), rows), pick(d.text(), rows), vad, cat, valence, activation);
    }

    static float[][] pick(float[][] m, int[] rows) {
        if (m == null) {
            return null;
        }
        float[][] out = new float[rows.length][];
        for (int k = 0; k < rows.length; k++) {
            out[k] = m[rows[k]];
        }
        return out;
    }

    static double[][] pick(double[][] m, int[] rows) {
        double[][] out = new double[rows.length][];
        for (int k = 0; k < rows.length; k++) {
            out[k] = m[rows[k]];
        }
        return out;
    }
}
