package io.emofuse.fusion.nn;

/**
 * A network's output for a batch: V, A, D on the [−1, 1] training scale (rows x 3) and, with a
 * categorical head, class probabilities (rows x categories; else null).
 */
public record RawPrediction(double[][] vad, double[][] probabilities) {
}
