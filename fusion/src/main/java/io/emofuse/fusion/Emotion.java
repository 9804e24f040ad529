package io.emofuse.fusion;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * A prediction: valence, arousal and dominance on the model's documented scale; where the model
 * has a categorical head, the category with its class probabilities (else null / empty); where it
 * has the binary valence and activation heads, their probabilities under {@link #VALENCE_POSITIVE}
 * and {@link #ACTIVATION_HIGH} in {@code binary} (else empty).
 *
 * @param confidence the category's probability (null without a category)
 * @param uncertain  whether {@code confidence} is below the model's threshold, measured out of fold
 *                   ({@link #markedAgainst}); null when the model states no threshold or there is no category
 */
public record Emotion(double valence, double arousal, double dominance, String category,
                      Map<String, Double> probabilities,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Double> binary,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Double confidence,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Boolean uncertain) {

    public static final String VALENCE_POSITIVE = "valence_positive";
    public static final String ACTIVATION_HIGH = "activation_high";

    public Emotion {
        // Keep the model's category order (Map.copyOf's order changes from one JVM to the next).
        probabilities = probabilities == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(probabilities));
        binary = binary == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(binary));
    }

    /** A prediction, its confidence read from the probabilities, not yet marked against a threshold. */
    public Emotion(double valence, double arousal, double dominance, String category, Map<String, Double> probabilities,
                   Map<String, Double> binary) {
        this(valence, arousal, dominance, category, probabilities, binary,
                category == null || probabilities == null ? null : probabilities.get(category), null);
    }

    /** A prediction without binary heads. */
    public Emotion(double valence, double arousal, double dominance, String category, Map<String, Double> probabilities) {
        this(valence, arousal, dominance, category, probabilities, null);
    }

    /**
     * This prediction with {@code uncertain} set against the model's threshold: true when the
     * category's probability is below it. A NaN threshold (the model states none) leaves it unset.
     */
    public Emotion markedAgainst(double threshold) {
        Boolean mark = confidence == null || Double.isNaN(threshold) ? null : confidence < threshold;
        return new Emotion(valence, arousal, dominance, category, probabilities, binary, confidence, mark);
    }
}
