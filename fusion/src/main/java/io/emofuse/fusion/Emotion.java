package io.emofuse.fusion;

import java.util.Map;

/**
 * A prediction: valence, arousal and dominance on the model's documented scale, and where the
 * model has a categorical head, the category with its class probabilities (else null / empty).
 */
public record Emotion(double valence, double arousal, double dominance, String category,
                      Map<String, Double> probabilities) {
    public Emotion {
        probabilities = probabilities == null ? Map.of() : Map.copyOf(probabilities);
    }
}
