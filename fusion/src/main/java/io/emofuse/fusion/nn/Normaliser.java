package io.emofuse.fusion.nn;

/**
 * Z-score with training statistics, per feature (the last axis of a sequence input: every
 * frame's feature j shares mean[j] and sd[j]). A feature constant in training gets sd 1.
 */
public record Normaliser(double[] mean, double[] sd) {

    /** Statistics over all rows (flattened steps x dim). */
    public static Normaliser fit(float[][] rows, int dim) {
        double[] sum = new double[dim];
        double[] sq = new double[dim];
        long n = 0;
        for (float[] r : rows) {
            for (int k = 0; k < r.length; k++) {
                sum[k % dim] += r[k];
                sq[k % dim] += (double) r[k] * r[k];
            }
            n += r.length / dim;
        }
        double[] mean = new double[dim];
        double[] sd = new double[dim];
        for (int j = 0; j < dim; j++) {
            mean[j] = sum[j] / Math.max(1, n);
            double var = sq[j] / Math.max(1, n) - mean[j] * mean[j];
            sd[j] = var > 1e-12 ? Math.sqrt(var) : 1.0;
        }
        return new Normaliser(mean, sd);
    }

    public float[] apply(float[] row) {
        int dim = mean.length;
        if (row.length % dim != 0) {
            throw new IllegalArgumentException("input has " + row.length + " values, not a multiple of the "
                    + dim + " features the model was trained on");
        }
        float[] out = new float[row.length];
        for (int k = 0; k < row.length; k++) {
            out[k] = (float) ((row[k] - mean[k % dim]) / sd[k % dim]);
        }
        return out;
    }

    public float[][] applyAll(float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = apply(rows[i]);
        }
        return out;
    }
}
