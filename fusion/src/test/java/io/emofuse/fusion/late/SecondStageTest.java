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
}
