package io.emofuse.training.eval;

/**
 * The seeds' per-dimension regression figures: CCC, Pearson's r, MSE, MAE and MAPE (percent,
 * over rows whose true value is not 0). Population moments throughout.
 */
public record RegressionMetrics(double ccc, double pearson, double mse, double mae, double mape) {

    public static RegressionMetrics of(double[] truth, double[] pred) {
        if (truth.length != pred.length || truth.length == 0) {
            throw new IllegalArgumentException("need equally many (>0) true and predicted values, got "
                    + truth.length + " and " + pred.length);
        }
        int n = truth.length;
        double mt = 0;
        double mp = 0;
        for (int i = 0; i < n; i++) {
            mt += truth[i];
            mp += pred[i];
        }
        mt /= n;
        mp /= n;
        double vt = 0;
        double vp = 0;
        double cov = 0;
        double se = 0;
        double ae = 0;
        double ape = 0;
        int apeN = 0;
        for (int i = 0; i < n; i++) {
            double dt = truth[i] - mt;
            double dp = pred[i] - mp;
            vt += dt * dt;
            vp += dp * dp;
            cov += dt * dp;
            double e = pred[i] - truth[i];
            se += e * e;
            ae += Math.abs(e);
            if (truth[i] != 0) {
                ape += Math.abs(e / truth[i]);
                apeN++;
            }
        }
        vt /= n;
        vp /= n;
        cov /= n;
        double denom = vt + vp + (mt - mp) * (mt - mp);
        double ccc = denom > 0 ? 2 * cov / denom : 0;
        double r = vt > 0 && vp > 0 ? cov / Math.sqrt(vt * vp) : 0;
        return new RegressionMetrics(ccc, r, se / n, ae / n, apeN == 0 ? Double.NaN : 100 * ape / apeN);
    }

    /** CCC of one column of two n x 3 matrices. */
    public static double ccc(double[][] truth, double[][] pred, int column) {
        return of(column(truth, column), column(pred, column)).ccc();
    }

    public static double[] column(double[][] m, int j) {
        double[] c = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i][j];
        }
        return c;
    }
}
