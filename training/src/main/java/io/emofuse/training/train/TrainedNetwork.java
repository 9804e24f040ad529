package io.emofuse.training.train;

import io.emofuse.fusion.nn.NetworkPredictor;
import java.util.List;

/**
 * A trained network (its parameters those of the best dev epoch) and its learning curve:
 * per-epoch training loss and dev score (mean CCC over V, A, D, or UAR without V/A/D labels).
 */
public record TrainedNetwork(NetworkPredictor predictor, List<Double> trainLoss, List<Double> devScore, int bestEpoch) {
}
