package io.emofuse.fusion;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a model uses the two modalities. {@code ACOUSTIC} and {@code TEXT} are the unimodal
 * baselines; the other four are the fusions described in docs/fusion.md.
 */
public enum FusionStrategy {
    /** Voice only. */
    ACOUSTIC,
    /** Words only. */
    TEXT,
    /** Feature level: both feature vectors concatenated into one network. */
    EARLY,
    /** Network concatenation: one branch per modality, hidden layers concatenated, shared layers. */
    CONCAT,
    /** Modalities joined in two stages (docs/fusion.md). */
    HIERARCHICAL,
    /** Decision level: unimodal networks, then a second stage on their out-of-fold predictions. */
    LATE;

    public boolean usesAcoustic() {
        return this != TEXT;
    }

    public boolean usesText() {
        return this != ACOUSTIC;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a config value, naming the allowed ones when it is not one of them. */
    public static FusionStrategy fromId(String id) {
        for (FusionStrategy s : values()) {
            if (s.id().equalsIgnoreCase(id.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown fusion strategy '" + id + "'; expected one of "
                + Arrays.stream(values()).map(FusionStrategy::id).collect(Collectors.joining(", ")));
    }
}
