package io.emofuse.fusion;

import java.util.Map;

/**
 * A prediction: valence, arousal and dominance on the model's documented scale, and where the
 * model has a categorical head, the category with its class probabilities (else null / empty).
 */
public record Emotion(double valence, double arousal, double dominance, String category,
                      Map<String, Double> probabilities) {
    public Emotion {
        // Keep the model's category order (Map.copyOf's order changes from one JVM to the next).
        probabilities = probabilities == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(probabilities));
    }
}
