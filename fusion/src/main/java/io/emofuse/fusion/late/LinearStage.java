package io.emofuse.fusion.late;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One linear model per output on the six unimodal predictions plus a bias, fitted by least
 * squares with a small ridge term so that two near-identical inputs do not blow up.
 * {@code coefficients[j]} = 6 weights then the bias, for output j.
 */
public record LinearStage(double[][] coefficients) implements SecondStage {

    static final String FILE = "linear-stage.json";

    static LinearStage fit(double[][] x, double[][] y, double ridge) {
        int p = x[0].length + 1;
        double[][] coef = new double[3][];
        for (int j = 0; j < 3; j++) {
            double[][] a = new double[p][p + 1];
            for (int i = 0; i < x.length; i++) {
                double[] r = withBias(x[i]);
                for (int u = 0; u < p; u++) {
                    for (int v = 0; v < p; v++) {
                        a[u][v] += r[u] * r[v];
                    }
                    a[u][p] += r[u] * y[i][j];
                }
            }
            for (int u = 0; u < p - 1; u++) {
                a[u][u] += ridge * x.length; // the bias is not shrunk
            }
            coef[j] = solve(a);
        }
        return new LinearStage(coef);
    }

    private static double[] withBias(double[] x) {
        double[] r = java.util.Arrays.copyOf(x, x.length + 1);
        r[x.length] = 1;
        return r;
    }

    /** Gauss-Jordan with partial pivoting on an augmented p x (p+1) matrix. */
    private static double[] solve(double[][] a) {
        int p = a.length;
        for (int c = 0; c < p; c++) {
            int piv = c;
            for (int r = c + 1; r < p; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
                    piv = r;
                }
            }
            double[] t = a[c];
            a[c] = a[piv];
            a[piv] = t;
            double d = a[c][c];
            if (Math.abs(d) < 1e-12) {
                continue; // singular direction: leave its weight at zero
            }
            for (int k = c; k <= p; k++) {
                a[c][k] /= d;
            }
            for (int r = 0; r < p; r++) {
                if (r != c && a[r][c] != 0) {
                    double f = a[r][c];
                    for (int k = c; k <= p; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        double[] w = new double[p];
        for (int r = 0; r < p; r++) {
            w[r] = Math.abs(a[r][r]) < 1e-12 ? 0 : a[r][p];
        }
        return w;
    }

    @Override
    public String kind() {
        return "linear";
    }

    @Override
    public double[] combine(double[] u) {
        double[] out = new double[3];
        double[] r = withBias(u);
        for (int j = 0; j < 3; j++) {
            for (int k = 0; k < r.length; k++) {
                out[j] += coefficients[j][k] * r[k];
            }
        }
        return out;
    }

    @Override
    public void save(Path dir) throws IOException {
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(dir.resolve(FILE).toFile(), this);
    }

    static LinearStage load(Path dir) throws IOException {
        return new ObjectMapper().readValue(dir.resolve(FILE).toFile(), LinearStage.class);
    }
}
