package io.emofuse.training.train;

/**
 * Rows as a network trains on them: raw (un-normalised) acoustic and text inputs (null when a
 * modality is absent), V, A, D on the [−1, 1] scale (null without regression labels), category
 * indices (null without a categorical head), and binary valence / activation class indices
 * (null without binary heads; {@link io.emofuse.training.importers.BinaryAffect}).
 */
public record TrainingData(float[][] acoustic, float[][] text, double[][] vad, int[] category, int[] valenceClass,
                           int[] activationClass) {

    public TrainingData(float[][] acoustic, float[][] text, double[][] vad, int[] category) {
        this(acoustic, text, vad, category, null, null);
    }

    public int size() {
        if (acoustic != null) {
            return acoustic.length;
        }
        if (text != null) {
            return text.length;
        }
        return vad != null ? vad.length : category.length;
    }

    /** These rows followed by {@code more}'s (same modalities and labels present). */
    public TrainingData concat(TrainingData more) {
        return new TrainingData(cat(acoustic, more.acoustic), cat(text, more.text), cat(vad, more.vad),
                cat(category, more.category), cat(valenceClass, more.valenceClass), cat(activationClass, more.activationClass));
    }

    private static <T> T[] cat(T[] a, T[] b) {
        if (a == null) {
            return null;
        }
        T[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int[] cat(int[] a, int[] b) {
        if (a == null) {
            return null;
        }
        int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    public TrainingData subset(int[] rows) {
        return new TrainingData(pick(acoustic, rows), pick(text, rows), pick(vad, rows), pick(category, rows),
                pick(valenceClass, rows), pick(activationClass, rows));
    }

    private static float[][] pick(float[][] m, int[] rows) {
        if (m == null) {
            return null;
        }
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = m[rows[i]];
        }
        return out;
    }

    private static double[][] pick(double[][] m, int[] rows) {
        if (m == null) {
            return null;
        }
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = m[rows[i]];
        }
        return out;
    }

    private static int[] pick(int[] m, int[] rows) {
        if (m == null) {
            return null;
        }
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = m[rows[i]];
        }
        return out;
    }
}
