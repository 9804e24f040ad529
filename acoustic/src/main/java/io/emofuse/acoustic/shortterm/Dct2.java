package io.emofuse.acoustic.shortterm;

/**
 * The first {@code outputs} coefficients of the orthonormal DCT-II of an n-vector (scipy's
 * {@code dct(type=2, norm='ortho')}): y_k = s_k sum_j x_j cos(pi k (2j + 1) / 2n), s_0 = sqrt(1/n), s_k = sqrt(2/n).
 */
public final class Dct2 {
    private final double[][] basis;

    public Dct2(int n, int outputs) {
        basis = new double[outputs][n];
        for (int k = 0; k < outputs; k++) {
            double s = Math.sqrt((k == 0 ? 1.0 : 2.0) / n);
            for (int j = 0; j < n; j++) {
                basis[k][j] = s * Math.cos(Math.PI * k * (2 * j + 1) / (2.0 * n));
            }
        }
    }

    /** Writes the coefficients of {@code x} into {@code out[off .. off+outputs)}. */
    public void apply(double[] x, double[] out, int off) {
        for (int k = 0; k < basis.length; k++) {
            double s = 0;
            double[] row = basis[k];
            for (int j = 0; j < row.length; j++) {
                s += row[j] * x[j];
            }
            out[off + k] = s;
        }
    }
}
