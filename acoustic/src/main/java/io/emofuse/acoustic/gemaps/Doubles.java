package io.emofuse.acoustic.gemaps;

/**
 * Small double helpers for the per-frame loops, which run C1-compiled in short jobs (the launcher's
 * choice below 20 MiB of audio): C1 neither intrinsifies nor inlines {@code Math.max(double, double)},
 * so every call there is a real call.
 */
final class Doubles {
    private Doubles() {
    }

    /** {@code Math.max(a, b)} for operands that are not -0.0 (NaN propagates as there). */
    static double max(double a, double b) {
        return a >= b || a != a ? a : b;
    }
}
