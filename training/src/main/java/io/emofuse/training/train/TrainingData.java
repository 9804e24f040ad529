package io.emofuse.training.train;

/**
 * Rows as a network trains on them: raw (un-normalised) acoustic and text inputs (null when a
 * modality is absent), V, A, D on the [−1, 1] scale (null without regression labels), and
 * category indices (null without a categorical head).
 */
public record TrainingData(float[][] acoustic, float[][] text, double[][] vad, int[] category) {

    public int size() {
        if (acoustic != null) {
            return acoustic.length;
        }
        if (text != null) {
            return text.length;
        }
        return vad != null ? vad.length : category.length;
    }

    public TrainingData subset(int[] rows) {
        return new TrainingData(pick(acoustic, rows), pick(text, rows), pick(vad, rows), pick(category, rows));
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
