package io.emofuse.acoustic;

import io.emofuse.acoustic.gemaps.EgemapsExtractor;
import io.emofuse.acoustic.gemaps.GemapsExtractor;
import io.emofuse.acoustic.gemaps.GemapsFamilyExtractor;
import io.emofuse.acoustic.gemaps.GemapsVariant;
import io.emofuse.acoustic.gemaps.HsfExtractor;
import java.util.List;

/** The acoustic feature sets by id: {@code egemaps}, {@code gemaps}, {@code hsf1}, {@code hsf2}. */
public final class FeatureSets {
    private static final List<String> IDS = List.of("egemaps", "gemaps", "hsf1", "hsf2");

    private FeatureSets() {
    }

    public static List<String> ids() {
        return IDS;
    }

    /** A new extractor for {@code id}; HSF2 uses alpha 0.3 relative to the mean frame RMS. */
    public static FeatureExtractor create(String id) {
        return family(id);
    }

    /** A new stream for {@code id} keeping {@code windowFrames} 10 ms frames (0 keeps all). */
    public static StreamingExtractor streaming(String id, int windowFrames) {
        return family(id).streaming(windowFrames);
    }

    private static GemapsFamilyExtractor family(String id) {
        if (id == null) {
            throw new IllegalArgumentException("feature set id is null; known: " + IDS);
        }
        return switch (id) {
            case "egemaps" -> new EgemapsExtractor();
            case "gemaps" -> new GemapsExtractor();
            case "hsf1" -> HsfExtractor.hsf1();
            case "hsf2" -> HsfExtractor.hsf2(GemapsVariant.DEFAULT_ALPHA, GemapsVariant.SilenceReference.MEAN);
            default -> throw new IllegalArgumentException("unknown feature set '" + id + "'; known: " + IDS);
        };
    }
}
