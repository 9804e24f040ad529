package io.emofuse.training.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void regressionFigures() {
        double[] t = {1, 2, 3, 4};
        RegressionMetrics perfect = RegressionMetrics.of(t, t);
        assertEquals(1, perfect.ccc(), 1e-12);
        assertEquals(0, perfect.mse(), 1e-12);
        // a constant shift keeps r = 1 but lowers CCC: 2*1.25 / (1.25 + 1.25 + 1) = 0.714...
        RegressionMetrics shifted = RegressionMetrics.of(t, new double[] {2, 3, 4, 5});
        assertEquals(1, shifted.pearson(), 1e-12);
        assertEquals(2.5 / 3.5, shifted.ccc(), 1e-12);
        assertEquals(1, shifted.mse(), 1e-12);
        assertEquals(1, shifted.mae(), 1e-12);
        assertEquals(100 * (1 + 0.5 + 1.0 / 3 + 0.25) / 4, shifted.mape(), 1e-9);
        assertEquals(0, RegressionMetrics.of(t, new double[] {2, 2, 2, 2}).ccc(), 1e-12); // constant prediction
    }

    @Test
    void accuracyUarAndConfusion() {
        // class 0: 3 rows (2 right), class 1: 1 row (right), class 2: never in the truth
        ClassificationMetrics m = ClassificationMetrics.of(List.of("a", "b", "c"), new int[] {0, 0, 0, 1}, new int[] {0, 0, 2, 1});
        assertEquals(0.75, m.accuracy(), 1e-12);
        assertEquals((2.0 / 3 + 1) / 2, m.uar(), 1e-12);
        assertArrayEquals(new int[] {2, 0, 1}, m.confusion()[0]);
        assertArrayEquals(new int[] {0, 1, 0}, m.confusion()[1]);
    }

    @Test
    void meanAndSampleSd() {
        double[] ms = Evaluator.meanSd(new double[] {1, 2, 3});
        assertEquals(2, ms[0], 1e-12);
        assertEquals(1, ms[1], 1e-12);
    }
}
