package io.emofuse.fusion.classical;

import io.emofuse.fusion.Emotion;
import io.emofuse.fusion.FusionModel;
import io.emofuse.fusion.FusionStrategy;
import io.emofuse.fusion.nn.BlockScaling;
import io.emofuse.fusion.nn.Emotions;
import io.emofuse.fusion.nn.Normaliser;
import java.util.List;

/**
 * A {@link Classifier} on the model's input row: the acoustic row, the text row, or for
 * {@code early} both concatenated, each z-scored with the training rows' statistics and (early)
 * weighed by {@link BlockScaling}, as an early-fusion network's input is. It predicts the category
 * and its probabilities; V, A and D are NaN (a classifier learns no dimensions).
 */
public final class ClassicalModel implements FusionModel {

    private final FusionStrategy strategy;
    private final Normaliser acousticNorm;
    private final Normaliser textNorm;
    private final double[] blockScales;
    private final Classifier classifier;
    private final List<String> categories;

    /** {@code blockScales}: the acoustic and text factors of an early input, ignored otherwise (null = 1, 1). */
    public ClassicalModel(FusionStrategy strategy, Normaliser acousticNorm, Normaliser textNorm, double[] blockScales,
                          Classifier classifier, List<String> categories) {
        if (strategy != FusionStrategy.ACOUSTIC && strategy != FusionStrategy.TEXT && strategy != FusionStrategy.EARLY) {
            throw new IllegalArgumentException("a " + classifier.kind() + " takes one input row: strategy acoustic, text or early, not "
                    + strategy.id());
        }
        this.strategy = strategy;
        this.acousticNorm = acousticNorm;
        this.textNorm = textNorm;
        this.blockScales = blockScales == null ? new double[] {1, 1} : blockScales.clone();
        this.classifier = classifier;
        this.categories = List.copyOf(categories);
    }

    /** The classifier's input row: normalised, scaled and concatenated as the model was trained. */
    public static double[] row(FusionStrategy strategy, float[] acoustic, float[] text, Normaliser an, Normaliser tn,
                               double[] blockScales) {
        float[] a = strategy.usesAcoustic() ? an.apply(need(acoustic, "acoustic")) : new float[0];
        float[] t = strategy.usesText() ? tn.apply(need(text, "text")) : new float[0];
        double sa = strategy == FusionStrategy.EARLY ? blockScales[0] : 1;
        double st = strategy == FusionStrategy.EARLY ? blockScales[1] : 1;
        double[] out = new double[a.length + t.length];
        for (int k = 0; k < a.length; k++) {
            out[k] = a[k] * sa;
        }
        for (int k = 0; k < t.length; k++) {
            out[a.length + k] = t[k] * st;
        }
        return out;
    }

    private static float[] need(float[] x, String what) {
        if (x == null) {
            throw new IllegalArgumentException("this model needs " + what + " features");
        }
        return x;
    }

    @Override
    public Emotion predict(float[] acoustic, float[] text) {
        double[] p = classifier.probabilities(row(strategy, acoustic, text, acousticNorm, textNorm, blockScales));
        return Emotions.of(null, p, null, categories);
    }

    public FusionStrategy strategy() {
        return strategy;
    }

    public Normaliser acousticNormaliser() {
        return acousticNorm;
    }

    public Normaliser textNormaliser() {
        return textNorm;
    }

    public double[] blockScales() {
        return blockScales.clone();
    }

    public Classifier classifier() {
        return classifier;
    }

    public List<String> categories() {
        return categories;
    }
}
