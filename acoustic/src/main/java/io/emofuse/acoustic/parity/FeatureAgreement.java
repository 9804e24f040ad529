package io.emofuse.acoustic.parity;

import java.util.Arrays;

/**
 * Agreement of one feature with its reference over many values: the median relative error and
 * Pearson's r.
 *
 * @param feature           feature name
 * @param count             number of value pairs
 * @param medianRelError    median of |ours - ref| / |ref| (0 where both are 0; 1 where only ref is 0)
 * @param pearson           Pearson correlation; 1 when both are constant and equal, NaN when only the reference is constant
 * @param maxAbsError       largest absolute difference
 */
public record FeatureAgreement(String feature, int count, double medianRelError, double pearson, double maxAbsError) {

    public static FeatureAgreement of(String feature, double[] ours, double[] ref) {
        int n = ours.length;
        double[] rel = new double[n];
        double maxAbs = 0;
        for (int i = 0; i < n; i++) {
            double d = Math.abs(ours[i] - ref[i]);
            maxAbs = Math.max(maxAbs, d);
            if (ref[i] == 0) {
                rel[i] = ours[i] == 0 ? 0 : Math.min(1, d);
            } else {
                rel[i] = d / Math.abs(ref[i]);
            }
        }
        Arrays.sort(rel);
        double med = n == 0 ? 0 : (n % 2 == 1 ? rel[n / 2] : (rel[n / 2 - 1] + rel[n / 2]) / 2);
        return new FeatureAgreement(feature, n, med, pearson(ours, ref), maxAbs);
    }

    static double pearson(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        if (syy == 0) {
            return sxx == 0 && Math.abs(mx - my) <= 1e-9 * Math.max(1, Math.abs(my)) ? 1.0 : Double.NaN;
        }
        if (sxx == 0) {
            return 0;
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** Meets the target: median relative error at most 1 % and r at least 0.999. */
    public boolean meetsTarget() {
        return medianRelError <= 0.01 && pearson >= 0.999;
    }
}
