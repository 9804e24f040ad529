package io.emofuse.acoustic.gemaps;

/** openSMILE's 3-frame smoothers and the semitone scale (GEMAPS_NOTES 7.5, 11). */
final class Contours {
    private Contours() {
    }

    /** Moving average over 3 frames, borders padded with copies of the end frames. */
    static double[] sma3(double[] x) {
        int n = x.length;
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            double l = x[t > 0 ? t - 1 : 0];
            double r = x[t < n - 1 ? t + 1 : n - 1];
            y[t] = (float) ((l + x[t] + r) / 3.0);
        }
        return y;
    }

    /** Zero-excluding 3-frame average: zeros stay zero and do not count as neighbours. */
    static double[] sma3nz(double[] x) {
        int n = x.length;
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = sma3nzAt(x[t > 0 ? t - 1 : 0], x[t], x[t < n - 1 ? t + 1 : n - 1]);
        }
        return y;
    }

    static double sma3nzAt(double l, double c, double r) {
        if (c == 0) {
            return 0;
        }
        double sum = c;
        int cnt = 1;
        if (l != 0) {
            sum += l;
            cnt++;
        }
        if (r != 0) {
            sum += r;
            cnt++;
        }
        return (float) (sum / cnt);
    }

    static double sma3At(double l, double c, double r) {
        return (float) ((l + c + r) / 3.0);
    }

    /** F0 in Hz to semitones above 27.5 Hz, openSMILE's clipping (1 for 0 < F0 <= 29.136 Hz). */
    static double semitone(double f0) {
        if (f0 > 29.136) {
            return (float) (12.0 * Math.log(f0 / 27.5) / Math.log(2));
        }
        return f0 > 0 ? 1.0 : 0.0;
    }
}
