package io.emofuse.acoustic.gemaps;

import java.util.Arrays;

/** The functionals GeMAPS applies to its contours (GEMAPS_NOTES 12). */
final class Stats {
    static final double T = 0.01;

    private Stats() {
    }

    static double[] nonZero(double[] x, int n) {
        int cnt = 0;
        for (int i = 0; i < n; i++) {
            if (x[i] != 0) {
                cnt++;
            }
        }
        double[] out = new double[cnt];
        int j = 0;
        for (int i = 0; i < n; i++) {
            if (x[i] != 0) {
                out[j++] = x[i];
            }
        }
        return out;
    }

    static double mean(double[] x) {
        if (x.length == 0) {
            return 0;
        }
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Population standard deviation divided by the signed mean (divisor 1 when the mean is 0). */
    static double stddevNorm(double[] x) {
        if (x.length == 0) {
            return 0;
        }
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        double var = s / x.length;
        if (var <= 0) {
            return 0;
        }
        return Math.sqrt(var) / (m == 0 ? 1 : m);
    }

    /** Writes amean, stddevNorm, p20, p50, p80, pctlrange0-2 and the 4 slope statistics. */
    static void tenFunctionals(double[] x, double[] out, int off) {
        if (x.length == 0) {
            Arrays.fill(out, off, off + 10, 0);
            return;
        }
        out[off] = mean(x);
        out[off + 1] = stddevNorm(x);
        double[] s = x.clone();
        Arrays.sort(s);
        double p20 = percentile(s, 0.2);
        double p50 = percentile(s, 0.5);
        double p80 = percentile(s, 0.8);
        out[off + 2] = p20;
        out[off + 3] = p50;
        out[off + 4] = p80;
        out[off + 5] = Math.abs(p80 - p20);
        slopes(x, out, off + 6);
    }

    static double percentile(double[] sorted, double p) {
        int n = sorted.length;
        double q = p * (n - 1);
        int i1 = (int) Math.floor(q);
        int i2 = (int) Math.ceil(q);
        if (i1 == i2) {
            return sorted[i1];
        }
        return sorted[i1] * (i2 - q) + sorted[i2] * (q - i1);
    }

    /** Extremum list after openSMILE's peaks2 pruning: positions; {@code isMax} flags in {@code kinds}. */
    private static int extrema(double[] x, int[] pos, boolean[] isMax) {
        int n = x.length;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double v : x) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double theta = 0.1 * (max - min);
        int cnt = 0;
        for (int i = 2; i < n - 2; i++) {
            if (x[i] > x[i - 1] && x[i] > x[i + 1]) {
                pos[cnt] = i;
                isMax[cnt++] = true;
            } else if (x[i] < x[i - 1] && x[i] < x[i + 1]) {
                pos[cnt] = i;
                isMax[cnt++] = false;
            }
        }
        boolean[] keep = new boolean[cnt];
        Arrays.fill(keep, true);
        // pass A
        double lastVal = x[0];
        double lastMin = x[0];
        double lastMax = x[0];
        int lastMaxIdx = -1;
        boolean lastWasMin = false;
        for (int e = 0; e < cnt; e++) {
            double v = x[pos[e]];
            if (isMax[e]) {
                if (Math.abs(v - lastVal) < theta) {
                    if (v - lastMin < theta) {
                        keep[e] = false;
                    } else if (v > 1.05 * lastMax) {
                        if (lastMaxIdx >= 0) {
                            keep[lastMaxIdx] = false;
                        }
                        lastMax = v;
                        lastMaxIdx = e;
                        lastWasMin = false;
                    } else {
                        if (lastWasMin) {
                            lastMax = v;
                            lastMaxIdx = e;
                        } else {
                            keep[e] = false;
                        }
                        lastWasMin = false;
                    }
                } else {
                    lastMax = v;
                    lastMaxIdx = e;
                    lastWasMin = false;
                }
            } else {
                if (Math.abs(v - lastVal) >= theta) {
                    lastMin = v;
                    lastWasMin = true;
                }
            }
            lastVal = v;
        }
        // pass B
        lastMax = x[0];
        for (int e = 0; e < cnt; e++) {
            if (!keep[e]) {
                continue;
            }
            double v = x[pos[e]];
            if (isMax[e]) {
                lastMax = v;
            } else if (lastMax - v < theta) {
                keep[e] = false;
            }
        }
        // pass C: alternate
        int out = 0;
        for (int e = 0; e < cnt; e++) {
            if (!keep[e]) {
                continue;
            }
            if (out > 0 && isMax[out - 1] == isMax[e]) {
                double prev = x[pos[out - 1]];
                double v = x[pos[e]];
                if (isMax[e] ? v > prev : v < prev) {
                    pos[out - 1] = pos[e];
                }
                continue;
            }
            pos[out] = pos[e];
            isMax[out] = isMax[e];
            out++;
        }
        return out;
    }

    /** Number of maxima left after pruning. */
    static int peakCount(double[] x) {
        if (x.length == 0) {
            return 0;
        }
        int[] pos = new int[x.length];
        boolean[] isMax = new boolean[x.length];
        int cnt = extrema(x, pos, isMax);
        int peaks = 0;
        for (int e = 0; e < cnt; e++) {
            if (isMax[e]) {
                peaks++;
            }
        }
        return peaks;
    }

    /** meanRisingSlope, stddevRisingSlope, meanFallingSlope, stddevFallingSlope. */
    static void slopes(double[] x, double[] out, int off) {
        int n = x.length;
        int[] pos = new int[n];
        boolean[] isMax = new boolean[n];
        int cnt = extrema(x, pos, isMax);
        double[] rise = new double[cnt + 1];
        double[] fall = new double[cnt + 1];
        int nr = 0;
        int nf = 0;
        double lastMax = x[0];
        double lastMin = x[0];
        int lastMaxPos = 0;
        int lastMinPos = 0;
        int lastKind = 0; // 1 rising, -1 falling
        for (int e = 0; e < cnt; e++) {
            int p = pos[e];
            double v = x[p];
            if (isMax[e]) {
                if (p - lastMinPos > 0) {
                    rise[nr++] = (v - lastMin) / ((p - lastMinPos) * T);
                    lastKind = 1;
                }
                lastMax = v;
                lastMaxPos = p;
            } else {
                if (p - lastMaxPos > 0) {
                    fall[nf++] = (lastMax - v) / ((p - lastMaxPos) * T);
                    lastKind = -1;
                }
                lastMin = v;
                lastMinPos = p;
            }
        }
        int walkRise = nr;
        int walkFall = nf;
        if (lastKind == 1) {
            if (n - 1 - lastMaxPos > 0) {
                fall[nf++] = (x[n - 1] - lastMax) / ((n - 1 - lastMaxPos) * T);
            }
        } else if (lastKind == -1) {
            if (n - 1 - lastMinPos > 0) {
                rise[nr++] = (x[n - 1] - lastMin) / ((n - 1 - lastMinPos) * T);
            }
        } else {
            double s = (x[n - 1] - x[0]) / n;
            if (s > 0) {
                rise[nr++] = s;
            } else if (s < 0) {
                fall[nf++] = s;
            }
        }
        out[off] = meanOf(rise, nr);
        out[off + 1] = slopeStd(rise, nr, walkRise);
        out[off + 2] = meanOf(fall, nf);
        out[off + 3] = slopeStd(fall, nf, walkFall);
    }

    private static double meanOf(double[] v, int n) {
        if (n == 0) {
            return 0;
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += v[i];
        }
        return s / n;
    }

    /** The end-of-contour slope counts in n and the mean but not in the sum of squares. */
    private static double slopeStd(double[] v, int n, int walked) {
        if (n == 0) {
            return 0;
        }
        double m = meanOf(v, n);
        double s = 0;
        for (int i = 0; i < walked; i++) {
            s += (v[i] - m) * (v[i] - m);
        }
        if (n > 1) {
            s /= n;
        }
        return Math.sqrt(s);
    }

    /** Segment lengths (in frames, openSMILE's one-short convention) where in(x) holds. */
    static int segments(double[] x, boolean voiced, int[] lengths) {
        int n = x.length;
        int count = 0;
        int state = 0; // 0 idle, 1 candidate, 2 segment
        int s = 0;
        int in = 0;
        int out = 0;
        boolean lastIn = false;
        for (int i = 0; i < n; i++) {
            boolean isIn = voiced ? x[i] != 0 : x[i] == 0;
            lastIn = isIn;
            switch (state) {
                case 0 -> {
                    if (isIn) {
                        s = i;
                        in = 1;
                        out = 0;
                        state = 1;
                        if (in >= 3) {
                            state = 2;
                        }
                    }
                }
                case 1 -> {
                    if (isIn) {
                        in++;
                        out = 0;
                        if (in >= 3) {
                            state = 2;
                        }
                    } else {
                        out++;
                        if (out >= 2) {
                            state = 0;
                        }
                    }
                }
                default -> {
                    if (isIn) {
                        out = 0;
                    } else {
                        out++;
                        if (out >= 2) {
                            lengths[count++] = (i - 2) - s;
                            state = 0;
                        }
                    }
                }
            }
        }
        if (state == 2) {
            lengths[count++] = lastIn ? n - 1 - s : n - 2 - s;
        }
        return count;
    }

    /** segments per second, mean length (s), stddev length (s). */
    static void segmentStats(double[] x, boolean voiced, double[] out, int off, boolean withRate) {
        int[] lengths = new int[x.length + 1];
        int cnt = segments(x, voiced, lengths);
        int o = off;
        if (withRate) {
            out[o++] = x.length == 0 ? 0 : cnt / (x.length * T);
        }
        if (cnt == 0) {
            out[o] = 0;
            out[o + 1] = 0;
            return;
        }
        double m = 0;
        for (int i = 0; i < cnt; i++) {
            m += lengths[i];
        }
        m /= cnt;
        double v = 0;
        for (int i = 0; i < cnt; i++) {
            v += (lengths[i] - m) * (lengths[i] - m);
        }
        out[o] = m * T;
        out[o + 1] = cnt < 2 ? 0 : Math.sqrt(v / cnt) * T;
    }
}
