package io.emofuse.fusion.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.emofuse.fusion.input.InputEncoding;
import org.junit.jupiter.api.Test;

class ScalingTest {

    @Test
    void labelsMapToMinusOneOneAndBack() {
        LabelScaler s = LabelScaler.fit(new double[][] {{1, 2, 3}, {5, 4, 3}, {3, 3, 3}});
        assertArrayEquals(new double[] {-1, -1, 0}, s.toUnit(new double[] {1, 2, 3}), 1e-12);
        assertArrayEquals(new double[] {1, 1, 0}, s.toUnit(new double[] {5, 4, 3}), 1e-12);
        assertArrayEquals(new double[] {2.2, 3.7, 3}, s.fromUnit(s.toUnit(new double[] {2.2, 3.7, 3})), 1e-12);
    }

    @Test
    void normaliserUsesTrainingStatsPerFeatureAcrossSteps() {
        // two rows, 2 steps x 2 features: feature 0 takes 1,3,5,7 ; feature 1 is constant 4
        float[][] rows = {{1, 4, 3, 4}, {5, 4, 7, 4}};
        Normaliser n = Normaliser.fit(rows, 2);
        assertEquals(4, n.mean()[0], 1e-9);
        assertEquals(Math.sqrt(5), n.sd()[0], 1e-9);
        assertEquals(1, n.sd()[1], 1e-9); // constant feature: sd 1, not a division by zero
        assertArrayEquals(new float[] {(float) (-3 / Math.sqrt(5)), 0}, n.apply(new float[] {1, 4}), 1e-6f);
        assertThrows(IllegalArgumentException.class, () -> n.apply(new float[] {1, 2, 3}));
    }

    @Test
    void segmentMeansAndPadding() {
        double[][] frames = {{1, 10}, {3, 30}, {5, 50}, {7, 70}};
        assertArrayEquals(new float[] {2, 20, 6, 60}, InputEncoding.segmentMeans(frames, 2, 2), 1e-6f);
        float[][] tokens = {{1, 2}, {3, 4}, {5, 6}};
        assertArrayEquals(new float[] {1, 2, 3, 4}, InputEncoding.padded(tokens, 2, 2));
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 0, 0}, InputEncoding.padded(tokens, 4, 2));
    }
}
