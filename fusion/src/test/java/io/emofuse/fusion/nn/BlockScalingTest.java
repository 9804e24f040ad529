package io.emofuse.fusion.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.emofuse.fusion.FusionStrategy;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BlockScalingTest {

    @Test
    void equalVarianceFactorsHaveAKnownAnswer() {
        // D = 4 features in B = 2 blocks of 1 and 3: sqrt(4 / (2 * 1)) and sqrt(4 / (2 * 3))
        assertArrayEquals(new double[] {Math.sqrt(2), Math.sqrt(2.0 / 3)}, BlockScaling.scales("equal_variance", 1, 3), 1e-12);
        // 88 eGeMAPS functionals and a 384-d MiniLM vector: sqrt(472 / 176) and sqrt(472 / 768)
        assertArrayEquals(new double[] {1.637626, 0.783953}, BlockScaling.scales("equal_variance", 88, 384), 1e-6);
        // equal blocks are left as they are
        assertArrayEquals(new double[] {1, 1}, BlockScaling.scales("equal_variance", 50, 50), 1e-12);
        assertArrayEquals(new double[] {1, 1}, BlockScaling.scales("none", 88, 384), 0);
    }

    @Test
    void eachZScoredBlockThenBringsTheSameTotalVariance() {
        int da = 6;
        int dt = 30;
        Random r = new Random(4);
        float[][] a = new float[2000][da];
        float[][] t = new float[2000][dt];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < da; k++) {
                a[i][k] = (float) (r.nextGaussian() * 40 + 100);
            }
            for (int k = 0; k < dt; k++) {
                t[i][k] = (float) (r.nextGaussian() * 0.05);
            }
        }
        float[][] za = Normaliser.fit(a, da).applyAll(a);
        float[][] zt = Normaliser.fit(t, dt).applyAll(t);
        double[] s = BlockScaling.scales("equal_variance", da, dt);
        double va = totalVariance(za) * s[0] * s[0];
        double vt = totalVariance(zt) * s[1] * s[1];
        assertEquals(6, totalVariance(za), 1e-6); // as z-scored: 6 against 30
        assertEquals(30, totalVariance(zt), 1e-6);
        assertEquals(18, va, 1e-6); // scaled: D / B = 36 / 2 each, total D kept
        assertEquals(18, vt, 1e-6);
    }

    private static double totalVariance(float[][] x) {
        double total = 0;
        for (int k = 0; k < x[0].length; k++) {
            double m = 0;
            double q = 0;
            for (float[] row : x) {
                m += row[k];
                q += (double) row[k] * row[k];
            }
            m /= x.length;
            total += q / x.length - m * m;
        }
        return total;
    }

    @Test
    void modeIsCheckedAndAMissingOneIsNone() {
        assertEquals("none", BlockScaling.mode(null));
        assertEquals("equal_variance", BlockScaling.mode(" Equal_Variance "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BlockScaling.mode("pca"));
        assertEquals("unknown early-fusion scaling 'pca'; expected one of [none, equal_variance]", e.getMessage());
    }

    @Test
    void onlyAnEarlySpecCarriesTheMode() {
        NetworkSpec early = new NetworkSpec(FusionStrategy.EARLY, InputShape.vector(1), InputShape.vector(3), BranchSpec.dense(4),
                BranchSpec.dense(4), List.of(4), List.of(), 0, null, false, "equal_variance");
        assertArrayEquals(new double[] {Math.sqrt(2), Math.sqrt(2.0 / 3)}, early.earlyBlockScales(), 1e-12);
        NetworkSpec old = new NetworkSpec(FusionStrategy.EARLY, InputShape.vector(1), InputShape.vector(3), BranchSpec.dense(4),
                BranchSpec.dense(4), List.of(4), List.of(), 0);
        assertEquals("none", old.earlyScaling());
        NetworkSpec concat = new NetworkSpec(FusionStrategy.CONCAT, InputShape.vector(1), InputShape.vector(3), BranchSpec.dense(4),
                BranchSpec.dense(4), List.of(4), List.of(), 0, null, false, "equal_variance");
        assertNull(concat.earlyScaling());
        assertThrows(IllegalStateException.class, concat::earlyBlockScales);
    }
}
