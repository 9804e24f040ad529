package io.emofuse.training.eval;

import io.emofuse.fusion.Emotion;
import io.emofuse.training.train.LabelledData;
import java.util.ArrayList;
import java.util.List;

/** Scores predictions against a {@link LabelledData}'s labels. */
public final class Evaluator {

    private Evaluator() {
    }

    public static FoldResult score(String model, String fold, LabelledData data, int[] rows, List<Emotion> pred,
                                   boolean categorical) {
        List<RegressionMetrics> dims = null;
        if (data.vad() != null) {
            dims = new ArrayList<>();
            for (int j = 0; j < 3; j++) {
                double[] t = new double[rows.length];
                double[] p = new double[rows.length];
                for (int k = 0; k < rows.length; k++) {
                    t[k] = data.vad()[rows[k]][j];
                    Emotion e = pred.get(k);
                    p[k] = j == 0 ? e.valence() : j == 1 ? e.arousal() : e.dominance();
                }
                dims.add(RegressionMetrics.of(t, p));
            }
        }
        ClassificationMetrics cls = null;
        if (categorical && data.category() != null) {
            int[] t = new int[rows.length];
            int[] p = new int[rows.length];
            for (int k = 0; k < rows.length; k++) {
                t[k] = data.category()[rows[k]];
                p[k] = data.categories().indexOf(pred.get(k).category());
            }
            cls = ClassificationMetrics.of(data.categories(), t, p);
        }
        return new FoldResult(model, fold, rows.length, dims, cls);
    }

    /** Mean and (sample) standard deviation. */
    public static double[] meanSd(double[] v) {
        double m = 0;
        for (double x : v) {
            m += x;
        }
        m /= v.length;
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return new double[] {m, v.length > 1 ? Math.sqrt(s / (v.length - 1)) : 0};
    }
}
