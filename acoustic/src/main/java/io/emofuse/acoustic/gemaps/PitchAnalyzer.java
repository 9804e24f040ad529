package io.emofuse.acoustic.gemaps;

/**
 * The 60 ms Gaussian branch for one frame (GEMAPS_NOTES 7.1, 7.2, 7.4): magnitude spectrum,
 * frame RMS for the energy gate, octave-scale spectrum and sub-harmonic-summation pitch candidates.
 */
final class PitchAnalyzer {
    static final int FRAME = 960;
    static final int FFT_SIZE = 1024;
    static final int BINS = FFT_SIZE / 2 + 1;
    static final int CANDIDATES = 6;
    private static final int PAD = (FFT_SIZE - FRAME) / 2;
    private static final double BIN_HZ = 16000.0 / FFT_SIZE;
    private static final int HARMONICS = 15;
    private static final double COMPRESSION = 0.85;
    private static final double FMIN = 55;
    private static final double FMAX = 1000;
    private static final int SCALE_N = 513;

    private final Fft fft = new Fft(FFT_SIZE);
    private final double[] window = new double[FRAME];
    private final double[] frame = new double[FFT_SIZE]; // zero padding stays zero
    private final double[] a = new double[BINS];
    private final int[] isMax = new int[BINS + 4];
    private final int[] maxIdx = new int[SCALE_N];

    // natural cubic spline on the fixed log2 abscissae: decomposition and evaluation coefficients
    private final double[] t = new double[BINS];
    private final double[] splineSig = new double[BINS];
    private final double[] invDt = new double[BINS];
    private final double[] invSpan = new double[BINS];
    private final double[] y2f = new double[BINS];
    private final double[] invP = new double[BINS];
    private final double[] y2 = new double[BINS];
    private final double[] u = new double[BINS];
    private final int[] evalLo = new int[SCALE_N];
    private final double[] evalA = new double[SCALE_N];
    private final double[] evalB = new double[SCALE_N];
    private final double[] evalH2 = new double[SCALE_N];
    private final double[] evalA3 = new double[SCALE_N]; // a^3 - a, b^3 - b of the spline's evaluation
    private final double[] evalB3 = new double[SCALE_N];
    private final double[] audWeight = new double[SCALE_N];
    private final double[] scaled = new double[SCALE_N];
    private final double[] shs = new double[SCALE_N];
    private final double[] shifted = new double[SCALE_N];
    private final double[] shifted2 = new double[SCALE_N];
    private final int[] shift = new int[HARMONICS + 1];
    private final double[] harmWeight = new double[HARMONICS + 1];
    private final double logLo;
    private final double axisStep;

    private final int[] peakIdx = new int[CANDIDATES];
    private final double[] peakVal = new double[CANDIDATES];

    PitchAnalyzer() {
        double half = (FRAME - 1) / 2.0;
        for (int i = 0; i < FRAME; i++) {
            double d = (i - half) / (0.4 * half);
            window[i] = Math.exp(-0.5 * d * d);
        }
        for (int k = 1; k < BINS; k++) {
            t[k] = log2(k * BIN_HZ);
        }
        t[0] = 2 * t[1] - t[2];
        for (int k = 0; k < BINS - 1; k++) {
            invDt[k] = 1.0 / (t[k + 1] - t[k]);
        }
        for (int i = 1; i < BINS - 1; i++) {
            splineSig[i] = (t[i] - t[i - 1]) / (t[i + 1] - t[i - 1]);
            invSpan[i] = 1.0 / (t[i + 1] - t[i - 1]);
            double p = splineSig[i] * y2f[i - 1] + 2;
            y2f[i] = (splineSig[i] - 1) / p;
            invP[i] = 1.0 / p;
        }
        logLo = log2(25);
        double logHi = log2(8000);
        axisStep = (logHi - logLo) / (SCALE_N - 1);
        for (int j = 0; j < SCALE_N; j++) {
            double x = logLo + j * axisStep;
            int lo = 0;
            int hi = BINS - 1;
            while (hi - lo > 1) {
                int mid = (hi + lo) >> 1;
                if (t[mid] > x) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            double h = t[hi] - t[lo];
            evalLo[j] = lo;
            evalA[j] = (t[hi] - x) / h;
            evalB[j] = (x - t[lo]) / h;
            evalH2[j] = h * h / 6.0;
            double aa = evalA[j];
            double bb = evalB[j];
            evalA3[j] = aa * aa * aa - aa;
            evalB3[j] = bb * bb * bb - bb;
        }
        double nOct = log2(8000.0 / 25.0);
        float ppo = (float) (SCALE_N / nOct);
        double s = ppo * log2(65.0 / 50.0) - 1;
        for (int j = 0; j < SCALE_N; j++) {
            audWeight[j] = 0.5 + Math.atan(3 * (j + 1 - s) / ppo) / Math.PI;
        }
        for (int h = 2; h <= HARMONICS; h++) {
            shift[h] = (int) Math.floor(ppo * log2(h));
            harmWeight[h] = Math.pow(COMPRESSION, h - 1);
        }
    }

    static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }

    /**
     * Analyses {@code x[off .. off+960)}. Writes the 6 candidate frequencies and voicings, and the
     * unmodified magnitude spectrum into {@code mag}; returns whether the windowed frame's RMS
     * exceeds {@code rmsGate} (openSMILE's energy gate on F0).
     */
    boolean analyze(float[] x, int off, double[] mag, double[] freq, double[] voicing, double rmsGate) {
        double[] frame = this.frame;
        double[] window = this.window;
        double[] a = this.a;
        // the gate's four partial sums of squares in the same pass (FRAME is a multiple of 4)
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (int i = 0; i < FRAME; i += 4) {
            double v0 = (float) (x[off + i] * window[i]);
            double v1 = (float) (x[off + i + 1] * window[i + 1]);
            double v2 = (float) (x[off + i + 2] * window[i + 2]);
            double v3 = (float) (x[off + i + 3] * window[i + 3]);
            frame[PAD + i] = v0;
            frame[PAD + i + 1] = v1;
            frame[PAD + i + 2] = v2;
            frame[PAD + i + 3] = v3;
            s0 += v0 * v0;
            s1 += v1 * v1;
            s2 += v2 * v2;
            s3 += v3 * v3;
        }
        boolean aboveGate = aboveGate((s0 + s1) + (s2 + s3), rmsGate);
        double[] p = fft.realForwardPacked(frame);
        double dc = p[0];
        double nyquist = p[1];
        a[0] = mag[0] = (float) Math.sqrt(dc * dc); // DC and Nyquist bins are real
        a[BINS - 1] = mag[BINS - 1] = (float) Math.sqrt(nyquist * nyquist);
        for (int k = 1; k < BINS - 1; k++) {
            double r = p[2 * k];
            double i = p[2 * k + 1];
            float m = (float) Math.sqrt(r * r + i * i);
            mag[k] = m;
            a[k] = m;
        }
        enhancePeaks();
        smooth();
        spline();
        candidates(freq, voicing);
        return aboveGate;
    }

    /**
     * sqrt(sum v^2 / 960) > gate, decided exactly as with the sum taken in sample order. That sum is one
     * chain of 960 dependent additions; four interleaved partial sums (non-negative terms, so within
     * ~1e-13 relative of it; {@code fast}, summed in the windowing pass) decide every frame not within
     * 1e-9 of the gate, and only those few are summed again in order.
     */
    private boolean aboveGate(double fast, double gate) {
        double threshold = gate * gate * FRAME;
        if (Math.abs(fast - threshold) > 1e-9 * threshold) {
            return fast > threshold;
        }
        double sumSq = 0;
        for (int i = PAD; i < PAD + FRAME; i++) {
            sumSq += frame[i] * frame[i];
        }
        return Math.sqrt(sumSq / FRAME) > gate;
    }

    /**
     * openSMILE's peak enhancement: between consecutive local maxima, bins more than two bins from
     * both are zeroed. Stated per bin (zeroed iff no maximum within +-2, between the first and the
     * last maximum), it runs without data-dependent branches: on noisy spectra the maxima fall at
     * random and the per-gap loops of the direct form mispredicted at every gap.
     */
    private void enhancePeaks() {
        int n = BINS;
        double[] a = this.a;
        int[] mx = isMax; // bin i at mx[i + 2]; two zero guards each side
        mx[2] = a[0] > a[1] ? 1 : 0;
        int count = mx[2];
        // maximum at i: a[i] > a[i-1] and not a[i] < a[i+1]; each comparison done once
        int rising = less(a[0], a[1]);
        for (int i = 1; i < n - 1; i++) {
            int next = less(a[i], a[i + 1]);
            int m = rising & (1 - next);
            mx[i + 2] = m;
            count += m;
            rising = next;
        }
        mx[n + 1] = rising; // a[n-1] > a[n-2]
        count += rising;
        if (count == 0) {
            return;
        }
        if (count == 1) {
            // openSMILE reads a zero second slot: everything from bin 3 on is cleared.
            for (int i = 3; i < n; i++) {
                a[i] = 0;
            }
            return;
        }
        int first = 0;
        while (mx[first + 2] == 0) {
            first++;
        }
        int last = n - 1;
        while (mx[last + 2] == 0) {
            last--;
        }
        for (int i = first + 3; i <= last - 3; i++) {
            int near = mx[i] | mx[i + 1] | mx[i + 2] | mx[i + 3] | mx[i + 4];
            a[i] *= near; // 0 or 1; a[i] >= +0, so the product is a[i] or +0
        }
    }

    /**
     * 1 if {@code x < y}, else 0, for {@code x, y >= +0} (not NaN, not -0.0, as magnitudes are): the
     * sign of {@code x - y}, which for such operands is never -0.0. Without a branch: C1 compiles a
     * comparison to a jump, which mispredicts on spectra, where the maxima fall at random.
     */
    private static int less(double x, double y) {
        return (int) (Double.doubleToRawLongBits(x - y) >>> 63);
    }

    private void smooth() {
        double[] a = this.a;
        double prev = 0;
        double cur = a[0];
        for (int i = 0; i < BINS - 1; i++) {
            double next = a[i + 1];
            a[i] = (prev + 2 * cur + next) / 4;
            prev = cur;
            cur = next;
        }
    }

    /** Natural cubic spline from the linear bin axis to the log2 axis, auditory weighting. */
    private void spline() {
        int n = BINS;
        double[] a = this.a;
        double[] u = this.u;
        double[] y2 = this.y2;
        u[0] = 0;
        // The tridiagonal elimination factors depend on the abscissae only (precomputed). Both
        // recurrences carry their last value in a local (not through memory), and each slope
        // (a[i+1] - a[i]) / dt is computed once: the same operations on the same values.
        double uPrev = 0;
        double slopePrev = (a[1] - a[0]) * invDt[0];
        for (int i = 1; i < n - 1; i++) {
            double slope = (a[i + 1] - a[i]) * invDt[i];
            double uu = slope - slopePrev;
            slopePrev = slope;
            uPrev = (6 * uu * invSpan[i] - splineSig[i] * uPrev) * invP[i];
            u[i] = uPrev;
        }
        y2[n - 1] = 0;
        double y2Next = 0;
        for (int k = n - 2; k >= 0; k--) {
            y2Next = y2f[k] * y2Next + u[k];
            y2[k] = y2Next;
        }
        for (int j = 0; j < SCALE_N; j++) {
            int lo = evalLo[j];
            double v = evalA[j] * a[lo] + evalB[j] * a[lo + 1]
                    + (evalA3[j] * y2[lo] + evalB3[j] * y2[lo + 1]) * evalH2[j];
            // max(v, +0) without a branch (v <= 0, -0.0 included, becomes +0, as "v > 0 ? v : 0")
            long bits = Double.doubleToRawLongBits((float) v);
            double positive = Double.longBitsToDouble(bits & ~(bits >> 63));
            scaled[j] = (float) (positive * audWeight[j]);
        }
    }

    private void candidates(double[] freq, double[] voicing) {
        int n = SCALE_N;
        double[] scaled = this.scaled;
        double[] shs = this.shs;
        double[] shiftedA = this.shifted;
        double[] shiftedB = this.shifted2;
        System.arraycopy(scaled, 0, shs, 0, n);
        // C2 does not vectorise shs[j] += scaled[j + sh] * w (a shifted read of another array of the
        // same type); shifted copies first make all reads index j: ~3x faster, same sums. Two
        // harmonics per pass, h's term added before h+1's as one at a time would; the higher one's
        // copy is zero beyond its length, and adding +0 to shs[j] (>= +0) leaves it unchanged.
        for (int h = 2; h < HARMONICS; h += 2) {
            int lenA = n - shift[h];
            int lenB = n - shift[h + 1];
            double wA = harmWeight[h];
            double wB = harmWeight[h + 1];
            System.arraycopy(scaled, shift[h], shiftedA, 0, lenA);
            System.arraycopy(scaled, shift[h + 1], shiftedB, 0, lenB);
            java.util.Arrays.fill(shiftedB, lenB, lenA, 0);
            for (int j = 0; j < lenA; j++) {
                shs[j] = (shs[j] + shiftedA[j] * wA) + shiftedB[j] * wB;
            }
        }
        // the mean's additions in bin order, as openSMILE's
        double mean = 0;
        for (int j = 0; j < n; j++) {
            double v = shs[j] / HARMONICS;
            double s = v < 0 ? 0 : (float) v;
            shs[j] = s;
            mean += s;
        }
        mean /= n;
        int nPeaks = 0;
        java.util.Arrays.fill(peakVal, 0);
        java.util.Arrays.fill(peakIdx, 0);
        // local maxima first, branch-free (they fall at random: a branch per bin mispredicts at each),
        // then the six largest in openSMILE's insertion order; the list is sorted (largest first, empty
        // slots 0 at the end), so a maximum not above a full list's last entry cannot enter it
        int nMax = 0;
        for (int i = 1; i < n - 1; i++) {
            maxIdx[nMax] = i;
            nMax += less(shs[i - 1], shs[i]) & less(shs[i + 1], shs[i]);
        }
        for (int q = 0; q < nMax; q++) {
            int i = maxIdx[q];
            double v = shs[i];
            double lastVal = peakVal[CANDIDATES - 1];
            if (lastVal > 0 && lastVal >= v) {
                continue;
            }
            int pos = -1;
            for (int c = 0; c < CANDIDATES; c++) {
                if (peakVal[c] <= 0 || peakVal[c] < v) {
                    pos = c;
                    break;
                }
            }
            if (pos >= 0) {
                for (int c = CANDIDATES - 1; c > pos; c--) {
                    peakVal[c] = peakVal[c - 1];
                    peakIdx[c] = peakIdx[c - 1];
                }
                peakVal[pos] = v;
                peakIdx[pos] = i;
                nPeaks = Math.min(nPeaks + 1, CANDIDATES);
            }
        }
        int out = 0;
        java.util.Arrays.fill(freq, 0);
        java.util.Arrays.fill(voicing, 0);
        double bestScore = -1;
        int best = -1;
        double[] scores = this.scoreTmp;
        for (int c = 0; c < nPeaks; c++) {
            int i = peakIdx[c];
            double y1 = shs[i - 1];
            double yc = shs[i];
            double y3 = shs[i + 1];
            double x2 = logLo + i * axisStep;
            double xs;
            double ys;
            double den = y1 - 2 * yc + y3;
            if (den == 0) {
                xs = x2;
                ys = yc;
            } else {
                double p = 0.5 * (y1 - y3) / den;
                xs = x2 + p * axisStep;
                ys = yc - 0.25 * (y1 - y3) * p;
            }
            double f = Math.pow(2, xs);
            if (f < FMIN || f > FMAX) {
                continue;
            }
            freq[out] = f;
            voicing[out] = ys > 0 && ys > mean ? 1 - mean / ys : 0;
            scores[out] = ys;
            if (ys > bestScore) {
                bestScore = ys;
                best = out;
            }
            out++;
        }
        if (best > 0) {
            double tf = freq[0];
            double tv = voicing[0];
            freq[0] = freq[best];
            voicing[0] = voicing[best];
            freq[best] = tf;
            voicing[best] = tv;
        }
    }

    private final double[] scoreTmp = new double[CANDIDATES];
}
