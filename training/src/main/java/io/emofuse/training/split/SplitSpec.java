package io.emofuse.training.split;

import java.util.List;
import java.util.Locale;

/**
 * How to partition a manifest: {@code random} (one split, {@code testFraction} held out),
 * {@code kfold}, {@code speaker} (k folds grouped by speaker; folds = 0 → leave one speaker out),
 * {@code session} (leave one session out) or {@code manifest} (the {@code split} column:
 * train/dev/test).
 */
public record SplitSpec(String kind, int folds, double testFraction, long seed) {
    public static final List<String> KINDS = List.of("random", "kfold", "speaker", "session", "manifest");

    public SplitSpec {
        kind = kind == null ? "speaker" : kind.toLowerCase(Locale.ROOT);
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("unknown split '" + kind + "'; expected one of " + KINDS);
        }
        if (folds < 0 || folds == 1) {
            throw new IllegalArgumentException("folds must be >= 2 (or 0 for one group per fold), got " + folds);
        }
        testFraction = testFraction <= 0 ? 0.2 : testFraction;
        if (testFraction >= 1) {
            throw new IllegalArgumentException("test fraction must be < 1, got " + testFraction);
        }
    }
}
