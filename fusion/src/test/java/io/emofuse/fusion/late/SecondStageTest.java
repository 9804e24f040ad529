package io.emofuse.fusion.late;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecondStageTest {

    /** y_V = text V, y_A = acoustic A, y_D = mean of both D: what a late fusion should learn (each from its own dimension). */
    static double[][][] data(int n, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][6];
        double[][] y = new double[n][3];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 6; k++) {
                x[i][k] = r.nextDouble() * 2 - 1;
            }
            y[i] = new double[] {x[i][3], x[i][1], 0.5 * x[i][2] + 0.5 * x[i][5]};
        }
        return new double[][][] {x, y};
    }

    @Test
    void linearRecoversTheMapping() {
        double[][][] d = data(200, 1);
        SecondStage s = SecondStage.fit("linear", d[0], d[1]);
        assertArrayEquals(new double[] {0.3, -0.2, 0.05}, s.combine(new double[] {0.9, -0.2, 0.1, 0.3, 0.7, 0.0}), 0.01);
    }

    @Test
    void svrWithTheSeedsParametersFitsAndRoundTrips(@TempDir Path dir) throws Exception {
        double[][][] train = data(200, 2);
        double[][][] test = data(50, 3);
        SecondStage s = SecondStage.fit("svr", train[0], train[1]);
        double err = 0;
        for (int i = 0; i < 50; i++) {
            double[] p = s.combine(test[0][i]);
            for (int j = 0; j < 3; j++) {
                err += Math.abs(p[j] - test[1][i][j]) / 150;
            }
        }
        assertTrue(err < 0.05, "mean abs error " + err);
        s.save(dir);
        SecondStage back = SecondStage.load("svr", dir);
        assertArrayEquals(s.combine(test[0][0]), back.combine(test[0][0]), 1e-12);
    }

    @Test
    void meanAverages() {
        assertArrayEquals(new double[] {0.5, 0, 1}, new MeanStage().combine(new double[] {0, 1, 1, 1, -1, 1}), 1e-12);
        assertEquals("mean", SecondStage.fit("mean", null, null).kind());
    }

    /**
     * A weak predictor (r = 0.3 with the target): least squares shrinks its output to about 0.3 of
     * the target's spread; matched, the output has the target's mean and spread, the same ranking, and
     * a higher CCC. Survives a save and load.
     */
    @Test
    void spreadMatchingUndoesTheShrinkageOfAWeakPredictor(@TempDir Path dir) throws Exception {
        Random r = new Random(4);
        int n = 2000;
        double[][] x = new double[n][6];
        double[][] y = new double[n][3];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                y[i][j] = 0.2 + 0.5 * r.nextGaussian();
                x[i][j] = 0.3 * (y[i][j] - 0.2) / 0.5 + Math.sqrt(1 - 0.09) * r.nextGaussian();
                x[i][3 + j] = r.nextGaussian(); // the other modality knows nothing
            }
        }
        SecondStage plain = SecondStage.fit("linear", x, y);
        SecondStage matched = SpreadMatchedStage.fit(plain, x, y);
        double[][] p = new double[n][];
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            p[i] = plain.combine(x[i]);
            m[i] = matched.combine(x[i]);
        }
        for (int j = 0; j < 3; j++) {
            double[] yj = column(y, j);
            double[] pj = column(p, j);
            double[] mj = column(m, j);
            assertEquals(0.3 * 0.5, sd(pj), 0.03, "least squares shrinks");
            assertEquals(sd(yj), sd(mj), 1e-9);
            assertEquals(mean(yj), mean(mj), 1e-9);
            assertEquals(pearson(pj, yj), pearson(mj, yj), 1e-9);
            assertTrue(ccc(mj, yj) > ccc(pj, yj) + 0.1, "CCC " + ccc(mj, yj) + " against " + ccc(pj, yj));
        }
        assertEquals("linear", matched.kind());
        matched.save(dir);
        assertArrayEquals(matched.combine(x[0]), SecondStage.load("linear", dir).combine(x[0]), 1e-12);
    }

    private static double[] column(double[][] v, int j) {
        double[] c = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            c[i] = v[i][j];
        }
        return c;
    }

    private static double mean(double[] v) {
        return java.util.Arrays.stream(v).average().orElseThrow();
    }

    private static double cov(double[] a, double[] b) {
        double ma = mean(a);
        double mb = mean(b);
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - ma) * (b[i] - mb);
        }
        return s / a.length;
    }

    private static double sd(double[] v) {
        return Math.sqrt(cov(v, v));
    }

    private static double pearson(double[] a, double[] b) {
        return cov(a, b) / (sd(a) * sd(b));
    }

    private static double ccc(double[] a, double[] b) {
        double d = mean(a) - mean(b);
        return 2 * cov(a, b) / (cov(a, a) + cov(b, b) + d * d);
    }
}
