package io.emofuse.fusion.input;

import java.util.Locale;

/**
 * What a model's acoustic input is: the feature set id (as {@code FeatureSets.create} takes it),
 * {@code functionals} (one vector) or {@code lld} (frame descriptors averaged into {@code steps}
 * equal segments), and whether features are z-scored within each speaker before the model's own
 * normaliser (needs the speaker column at prediction time; see docs/fusion.md), and
 * {@code maxSeconds}: features of the first that many seconds of each utterance only (0 = all; the
 * CNN paper's signal-length experiment).
 */
public record AcousticInput(String featureSet, String kind, int steps, boolean speakerNormalised, double maxSeconds) {

    /** The whole utterance. */
    public AcousticInput(String featureSet, String kind, int steps, boolean speakerNormalised) {
        this(featureSet, kind, steps, speakerNormalised, 0);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public AcousticInput {
        if (featureSet == null || featureSet.isBlank()) {
            throw new IllegalArgumentException("acoustic input needs a feature set, e.g. egemaps");
        }
        kind = kind == null ? "functionals" : kind.toLowerCase(Locale.ROOT);
        if (!kind.equals("functionals") && !kind.equals("lld")) {
            throw new IllegalArgumentException("acoustic input kind must be functionals or lld, got '" + kind + "'");
        }
        steps = kind.equals("functionals") ? 1 : (steps <= 0 ? 50 : steps);
        if (!(maxSeconds >= 0)) {
            throw new IllegalArgumentException("max seconds must be >= 0 (0 = the whole utterance), got " + maxSeconds);
        }
    }

    /** The same input computed on the first {@code seconds} of each utterance (0 = all of it). */
    public AcousticInput withMaxSeconds(double seconds) {
        return new AcousticInput(featureSet, kind, steps, speakerNormalised, seconds);
    }

    /** Cache key of the settings: a truncated clip's features differ from the whole one's. */
    public String cacheKey() {
        return featureSet + "/" + kind + (kind.equals("lld") ? "/" + steps : "") + (maxSeconds > 0 ? "/first" + maxSeconds + "s" : "");
    }
}
