package io.emofuse.training.eval;

import java.util.List;

/**
 * One model's scores on one fold's test rows: per dimension V, A, D (null without labels) and
 * the categorical figures (null without a categorical head).
 */
public record FoldResult(String model, String fold, int testRows, List<RegressionMetrics> dimensions,
                         ClassificationMetrics classification) {

    public double meanCcc() {
        return dimensions == null ? Double.NaN
                : dimensions.stream().mapToDouble(RegressionMetrics::ccc).average().orElse(Double.NaN);
    }
}
