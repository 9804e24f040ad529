package io.emofuse.training.eval;

import java.util.List;

/**
 * Accuracy, unweighted average recall (mean of per-class recalls over classes present in the
 * truth) and the confusion matrix ({@code confusion[true][predicted]}).
 */
public record ClassificationMetrics(List<String> classes, double accuracy, double uar, int[][] confusion) {

    public static ClassificationMetrics of(List<String> classes, int[] truth, int[] pred) {
        int k = classes.size();
        int[][] cm = new int[k][k];
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            cm[truth[i]][pred[i]]++;
            if (truth[i] == pred[i]) {
                correct++;
            }
        }
        double recallSum = 0;
        int present = 0;
        for (int c = 0; c < k; c++) {
            int total = 0;
            for (int p = 0; p < k; p++) {
                total += cm[c][p];
            }
            if (total > 0) {
                recallSum += (double) cm[c][c] / total;
                present++;
            }
        }
        return new ClassificationMetrics(List.copyOf(classes), truth.length == 0 ? 0 : (double) correct / truth.length,
                present == 0 ? 0 : recallSum / present, cm);
    }
}
