package io.emofuse.fusion.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class MultitaskLossTest {

    static {
        Devices.choose("cpu");
    }

    /** CCC by the textbook formula, population moments. */
    static double ccc(double[] x, double[] y) {
        int n = x.length;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double vx = 0, vy = 0, c = 0;
        for (int i = 0; i < n; i++) {
            vx += (x[i] - mx) * (x[i] - mx) / n;
            vy += (y[i] - my) * (y[i] - my) / n;
            c += (x[i] - mx) * (y[i] - my) / n;
        }
        return 2 * c / (vx + vy + (mx - my) * (mx - my));
    }

    @Test
    void cccMatchesTheFormulaPerColumn() {
        double[][] p = {{0.1, 0.5, -0.2}, {0.4, 0.1, 0.3}, {-0.3, 0.9, 0.0}, {0.8, -0.4, 0.6}, {0.0, 0.2, -0.7}};
        double[][] t = {{0.0, 0.4, -0.1}, {0.5, 0.3, 0.2}, {-0.2, 0.7, 0.4}, {0.6, -0.5, 0.5}, {0.2, 0.0, -0.9}};
        try (NDManager m = NDManager.newBaseManager()) {
            float[] ccc = MultitaskLoss.ccc(matrix(m, p), matrix(m, t)).toFloatArray();
            for (int j = 0; j < 3; j++) {
                int jj = j;
                double expected = ccc(java.util.Arrays.stream(p).mapToDouble(r -> r[jj]).toArray(),
                        java.util.Arrays.stream(t).mapToDouble(r -> r[jj]).toArray());
                assertEquals(expected, ccc[j], 1e-5);
            }
        }
    }

    @Test
    void weightedCccLossIsZeroForPerfectAndWeighsDimensions() {
        double[][] t = {{0.1, 0.2, 0.3}, {0.5, -0.2, 0.0}, {-0.4, 0.6, 0.9}, {0.3, 0.1, -0.5}};
        double[][] shifted = new double[4][];
        for (int i = 0; i < 4; i++) {
            shifted[i] = new double[] {t[i][0], t[i][1] + 0.5, t[i][2]}; // only A is off (a shift)
        }
        try (NDManager m = NDManager.newBaseManager()) {
            MultitaskLoss loss = new MultitaskLoss(new LossSpec("ccc", 0.7, 0.3, 0.6, 1), true);
            assertEquals(0, loss.evaluate(new NDList(matrix(m, t)), new NDList(matrix(m, t))).getFloat(), 1e-5);
            double cccA = ccc(col(shifted, 1), col(t, 1));
            assertEquals(0.3 * (1 - cccA), loss.evaluate(new NDList(matrix(m, t)), new NDList(matrix(m, shifted))).getFloat(), 1e-5);
        }
    }

    @Test
    void twoParameterFormSetsGamma() {
        assertEquals(0.2, new LossSpec("ccc", 0.5, 0.3, null, 1).weights()[2], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new LossSpec("ccc", 0.8, 0.5, null, 1));
        assertThrows(IllegalArgumentException.class, () -> new LossSpec("huber", 1, 1, 1.0, 1));
    }

    @Test
    void mseAndMaeAndCrossEntropy() {
        double[][] t = {{0, 0, 0}, {1, 1, 1}};
        double[][] p = {{0.5, 0, 0}, {1, 1, 0}};
        try (NDManager m = NDManager.newBaseManager()) {
            NDList y = new NDList(matrix(m, t));
            NDList x = new NDList(matrix(m, p));
            // MSE per dim: V 0.125, A 0, D 0.5; weights 1, 2, 3
            assertEquals(0.125 + 1.5, new MultitaskLoss(new LossSpec("mse", 1, 2, 3.0, 1), true).evaluate(y, x).getFloat(), 1e-6);
            assertEquals(0.25 + 1.5, new MultitaskLoss(new LossSpec("mae", 1, 2, 3.0, 1), true).evaluate(y, x).getFloat(), 1e-6);
            // cross-entropy of uniform logits over 4 classes = ln 4, weighted by 2, no regression
            NDArray logits = m.zeros(new Shape(2, 4));
            NDList labels = new NDList(matrix(m, t), m.create(new int[] {1, 3}));
            float ce = new MultitaskLoss(new LossSpec("ccc", 1, 1, 1.0, 2), false).evaluate(labels, new NDList(x.get(0), logits)).getFloat();
            assertEquals(2 * Math.log(4), ce, 1e-5);
        }
    }

    static double[] col(double[][] m, int j) {
        return java.util.Arrays.stream(m).mapToDouble(r -> r[j]).toArray();
    }

    static NDArray matrix(NDManager m, double[][] rows) {
        float[] f = new float[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < rows[0].length; j++) {
                f[i * rows[0].length + j] = (float) rows[i][j];
            }
        }
        return m.create(f, new Shape(rows.length, rows[0].length));
    }

    /** Category + binary valence + binary activation: (1-a-b)·J1 + a·J2 + b·J3 with the CNN paper's form. */
    @Test
    void binaryHeadsAddTheirWeightedCrossEntropies() {
        float[][] cat = {{2, 0, -1}, {0, 1, 0}};
        float[][] val = {{0.5f, -0.5f}, {1, 2}};
        float[][] act = {{0, 0}, {3, -1}};
        int[] yc = {0, 2};
        int[] yv = {1, 1};
        int[] ya = {0, 1};
        double j1 = (ce(cat[0], yc[0]) + ce(cat[1], yc[1])) / 2;
        double j2 = (ce(val[0], yv[0]) + ce(val[1], yv[1])) / 2;
        double j3 = (ce(act[0], ya[0]) + ce(act[1], ya[1])) / 2;
        try (NDManager m = NDManager.newBaseManager()) {
            NDList pred = new NDList(m.zeros(new Shape(2, 3)), m.create(cat), m.create(val), m.create(act));
            NDList labels = new NDList(m.zeros(new Shape(2, 3)), m.create(yc), m.create(yv), m.create(ya));
            float loss = new MultitaskLoss(new LossSpec("ccc", 1, 1, 1.0, 0.6, 0.3, 0.1), false).evaluate(labels, pred).getFloat();
            assertEquals(0.6 * j1 + 0.3 * j2 + 0.1 * j3, loss, 1e-5);
            // Labels without the binary classes: the category alone, as before.
            float only = new MultitaskLoss(new LossSpec("ccc", 1, 1, 1.0, 0.6, 0.3, 0.1), false)
                    .evaluate(new NDList(labels.get(0), labels.get(1)), pred).getFloat();
            assertEquals(0.6 * j1, only, 1e-5);
        }
    }

    static double ce(float[] logits, int k) {
        double z = 0;
        for (float l : logits) {
            z += Math.exp(l);
        }
        return -(logits[k] - Math.log(z));
    }
}
