package io.emofuse.fusion.nn;

import java.util.List;
import java.util.Locale;

/**
 * How an early fusion weighs the modality blocks of its concatenated input. Every input feature is
 * z-scored ({@link Normaliser}), so a block of d features brings a total variance of d: 384 MiniLM
 * values against 88 eGeMAPS functionals give the words 81 % of the first layer's input variance
 * whatever they carry (with Xavier initialisation a unit's pre-activation variance is that share,
 * and with Adam a block's weights move its pre-activations in proportion to the block's scale).
 *
 * <ul>
 *   <li>{@code none}: the blocks as z-scored (bundles written before this option existed);</li>
 *   <li>{@code equal_variance}: block b of d_b features is multiplied by
 *       {@code sqrt(D / (B * d_b))} (D = all features, B = blocks), so each block contributes the same
 *       total variance D / B and the whole vector keeps its total variance D.</li>
 * </ul>
 * The factor is part of the network ({@link NetworkSpec#earlyScaling()}, recorded in the bundle), so
 * training and serving apply the same one.
 */
public final class BlockScaling {

    public static final String NONE = "none";
    public static final String EQUAL_VARIANCE = "equal_variance";
    public static final List<String> MODES = List.of(NONE, EQUAL_VARIANCE);

    private BlockScaling() {
    }

    /** The mode, checked and in lower case; null (an old bundle) is {@code none}. */
    public static String mode(String mode) {
        if (mode == null) {
            return NONE;
        }
        String m = mode.trim().toLowerCase(Locale.ROOT);
        if (!MODES.contains(m)) {
            throw new IllegalArgumentException("unknown early-fusion scaling '" + mode + "'; expected one of " + MODES);
        }
        return m;
    }

    /** The factor of each block, whose widths (features, all steps) are {@code dims}. */
    public static double[] scales(String mode, int... dims) {
        double[] s = new double[dims.length];
        if (mode(mode).equals(NONE)) {
            java.util.Arrays.fill(s, 1.0);
            return s;
        }
        long total = 0;
        for (int d : dims) {
            if (d < 1) {
                throw new IllegalArgumentException("a block needs at least one feature, got " + d);
            }
            total += d;
        }
        for (int b = 0; b < dims.length; b++) {
            s[b] = Math.sqrt((double) total / ((double) dims.length * dims[b]));
        }
        return s;
    }
}
