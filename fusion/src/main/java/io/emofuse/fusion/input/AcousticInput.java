package io.emofuse.fusion.input;

import java.util.Locale;

/**
 * What a model's acoustic input is: the feature set id (as {@code FeatureSets.create} takes it),
 * {@code functionals} (one vector) or {@code lld} (frame descriptors averaged into {@code steps}
 * equal segments), and whether features are z-scored within each speaker before the model's own
 * normaliser (needs the speaker column at prediction time; see docs/fusion.md).
 */
public record AcousticInput(String featureSet, String kind, int steps, boolean speakerNormalised) {
    public AcousticInput {
        if (featureSet == null || featureSet.isBlank()) {
            throw new IllegalArgumentException("acoustic input needs a feature set, e.g. egemaps");
        }
        kind = kind == null ? "functionals" : kind.toLowerCase(Locale.ROOT);
        if (!kind.equals("functionals") && !kind.equals("lld")) {
            throw new IllegalArgumentException("acoustic input kind must be functionals or lld, got '" + kind + "'");
        }
        steps = kind.equals("functionals") ? 1 : (steps <= 0 ? 50 : steps);
    }

    public String cacheKey() {
        return featureSet + "/" + kind + (kind.equals("lld") ? "/" + steps : "");
    }
}
