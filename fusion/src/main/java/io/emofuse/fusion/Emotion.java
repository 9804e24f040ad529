package io.emofuse.fusion;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * A prediction: valence, arousal and dominance on the model's documented scale; where the model
 * has a categorical head, the category with its class probabilities (else null / empty); where it
 * has the binary valence and activation heads, their probabilities under {@link #VALENCE_POSITIVE}
 * and {@link #ACTIVATION_HIGH} in {@code binary} (else empty).
 */
public record Emotion(double valence, double arousal, double dominance, String category,
                      Map<String, Double> probabilities,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Double> binary) {

    public static final String VALENCE_POSITIVE = "valence_positive";
    public static final String ACTIVATION_HIGH = "activation_high";

    public Emotion {
        // Keep the model's category order (Map.copyOf's order changes from one JVM to the next).
        probabilities = probabilities == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(probabilities));
        binary = binary == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(binary));
    }

    /** A prediction without binary heads. */
    public Emotion(double valence, double arousal, double dominance, String category, Map<String, Double> probabilities) {
        this(valence, arousal, dominance, category, probabilities, null);
    }
}
