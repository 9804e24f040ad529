package io.emofuse.fusion.nn;

/**
 * A network's output for a batch: V, A, D on the [−1, 1] training scale (rows x 3); with a
 * categorical head, class probabilities (rows x categories; else null); with the binary heads,
 * P(valence positive) and P(activation high) (rows x 2; else null).
 */
public record RawPrediction(double[][] vad, double[][] probabilities, double[][] binary) {

    public RawPrediction(double[][] vad, double[][] probabilities) {
        this(vad, probabilities, null);
    }
}
