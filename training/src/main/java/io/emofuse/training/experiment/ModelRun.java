package io.emofuse.training.experiment;

import io.emofuse.training.eval.FoldResult;
import java.util.List;

/**
 * One model's results over all folds, and the learning curves (training loss and dev score per
 * epoch) of its networks on the first fold.
 */
public record ModelRun(String model, String strategy, List<FoldResult> folds, List<Curve> curves) {

    public record Curve(String network, List<Double> trainLoss, List<Double> devScore, int bestEpoch) {
    }
}
