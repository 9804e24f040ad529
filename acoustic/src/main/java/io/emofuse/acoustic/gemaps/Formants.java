package io.emofuse.acoustic.gemaps;

/**
 * Formants F1-F3 (frequency, bandwidth) of the 20 ms branch (GEMAPS_NOTES 9): the spectrum of the
 * padded Hamming frame (openSMILE's float FFT, {@link OouraRdft512}) is resampled to an 11 kHz, 220-sample frame by a truncated inverse DFT, analysed by order-11
 * autocorrelation LPC, and the roots of the negated-coefficient polynomial become formants.
 *
 * <p>The root finder warm-starts from the previous frame's roots, so results depend (in the last
 * bits) on which frames went before. Voiced and unvoiced frames therefore keep separate chains:
 * eGeMAPS functionals use formants of voiced frames only, and an extractor that skips the unvoiced
 * ones ({@link GemapsEngine}) gives exactly the same functionals as one that computes every frame.
 */
final class Formants {
    /** Spectrum bins the resampling keeps. */
    private static final int KEEP_BINS = 110;
    /** What {@link #analyze} takes: the first {@code 2 * KEEP_BINS} values of {@link OouraRdft512}'s output. */
    static final int SPECTRUM = 2 * KEEP_BINS;
    private static final int OUT_LEN = 220;
    private static final int ORDER = 11;
    private static final double LPC_RATE = 11000;
    private static final double MIN_HZ = 50;
    private static final double MAX_HZ = 5450;

    private final float[][] cosTab = new float[KEEP_BINS][OUT_LEN];
    private final float[][] sinTab = new float[KEEP_BINS][OUT_LEN];
    private final float[] y = new float[OUT_LEN];
    private final float[] r = new float[ORDER + 1];
    private final float[] a = new float[ORDER + 1];
    private final double[] coeffs = new double[ORDER];
    private final PolynomialRoots voicedRoots = new PolynomialRoots(ORDER);
    private final PolynomialRoots unvoicedRoots = new PolynomialRoots(ORDER);
    private final double[] freq = new double[5];
    private final double[] bw = new double[5];

    void reset() {
        voicedRoots.reset();
        unvoicedRoots.reset();
    }

    Formants() {
        for (int i = 0; i < OUT_LEN; i++) {
            for (int k = 1; k < KEEP_BINS; k++) {
                cosTab[k][i] = (float) Math.cos(2 * Math.PI * (double) (k * i) / 352.0);
                sinTab[k][i] = (float) Math.sin(2 * Math.PI * (double) (k * i) / 352.0);
            }
        }
    }

    /**
     * {@code spectrum}: the padded Hamming frame's float FFT in Ooura's layout ({@link #SPECTRUM}
     * values, kept by {@link ShortFrameAnalyzer#analyze}); {@code voiced} picks the warm-start chain.
     */
    void analyze(float[] spectrum, boolean voiced, double[] out) {
        // openSMILE works in float here (FFT, irdft, autocorrelation, Durbin): emulate it operation
        // for operation, because the roots of these near-singular LPC polynomials (nothing above
        // 3.4 kHz of 5.5) move with the last bit of the input.
        // Outputs are independent, so loop over bins outside: each y[i] still accumulates in
        // openSMILE's order (DC, then re/im of bin 1, 2, ...), and the inner loop vectorises.
        // Four bins per pass over y: each y[i] still adds bin k's two terms before bin k+1's (the same
        // float additions in the same order) with a quarter of the loads, stores and loop overhead.
        float[] y = this.y;
        java.util.Arrays.fill(y, spectrum[0]);
        int k = 1;
        for (; k + 3 < KEEP_BINS; k += 4) {
            float r1 = spectrum[2 * k], i1 = spectrum[2 * k + 1];
            float r2 = spectrum[2 * k + 2], i2 = spectrum[2 * k + 3];
            float r3 = spectrum[2 * k + 4], i3 = spectrum[2 * k + 5];
            float r4 = spectrum[2 * k + 6], i4 = spectrum[2 * k + 7];
            float[] c1 = cosTab[k], s1 = sinTab[k];
            float[] c2 = cosTab[k + 1], s2 = sinTab[k + 1];
            float[] c3 = cosTab[k + 2], s3 = sinTab[k + 2];
            float[] c4 = cosTab[k + 3], s4 = sinTab[k + 3];
            for (int i = 0; i < OUT_LEN; i++) {
                float v = (y[i] + r1 * c1[i]) + i1 * s1[i];
                v = (v + r2 * c2[i]) + i2 * s2[i];
                v = (v + r3 * c3[i]) + i3 * s3[i];
                y[i] = (v + r4 * c4[i]) + i4 * s4[i];
            }
        }
        for (; k < KEEP_BINS; k++) {
            float rk = spectrum[2 * k];
            float ik = spectrum[2 * k + 1];
            float[] c = cosTab[k];
            float[] sn = sinTab[k];
            for (int i = 0; i < OUT_LEN; i++) {
                y[i] = (y[i] + rk * c[i]) + ik * sn[i];
            }
        }
        for (int i = 0; i < OUT_LEN; i++) {
            y[i] = y[i] / 256f;
        }
        autocorrelation();
        int found = 0;
        if (r[0] != 0 && levinson()) {
            for (int i = 0; i < ORDER; i++) {
                coeffs[i] = -a[i]; // z^11 - a1 z^10 - ... - a11 (openSMILE's sign)
            }
            PolynomialRoots roots = voiced ? voicedRoots : unvoicedRoots;
            int nr = roots.solve(coeffs);
            double[] wr = roots.real();
            double[] wi = roots.imag();
            for (int i = 0; i < nr && found < 5; i++) {
                double zr = wr[i];
                double zi = wi[i];
                double mod2 = zr * zr + zi * zi;
                if (mod2 > 1) { // reflect into the unit circle: 1 / conj(z)
                    zr = zr / mod2;
                    zi = zi / mod2;
                    mod2 = zr * zr + zi * zi;
                }
                if (zi < 0) {
                    continue;
                }
                double f = Math.abs(Math.atan2(zi, zr)) * LPC_RATE / (2 * Math.PI);
                if (f < MIN_HZ || f > MAX_HZ) {
                    continue;
                }
                freq[found] = f;
                bw[found] = -Math.log(Math.sqrt(mod2)) * LPC_RATE / Math.PI;
                found++;
            }
            // insertion sort by frequency
            for (int i = 1; i < found; i++) {
                double f = freq[i];
                double b = bw[i];
                int j = i - 1;
                while (j >= 0 && freq[j] > f) {
                    freq[j + 1] = freq[j];
                    bw[j + 1] = bw[j];
                    j--;
                }
                freq[j + 1] = f;
                bw[j + 1] = b;
            }
        }
        for (int i = 0; i < 3; i++) {
            out[Raw.F1 + 2 * i] = i < found ? freq[i] : 0;
            out[Raw.B1 + 2 * i] = i < found ? bw[i] : 0;
        }
    }

    /**
     * r[m] = sum over n = m..219 of y[n] y[n-m], each lag summed in float in ascending n (openSMILE's
     * order). One lag at a time, every addition waits for the previous one (~4 cycles each, 2,640 of
     * them); here the 12 lags run as 12 independent chains side by side, each in the same order, so
     * the sums are bit-identical and the loop is throughput- instead of latency-bound.
     */
    private void autocorrelation() {
        float[] v = y;
        java.util.Arrays.fill(r, 0);
        // n < ORDER: lag m only from n = m on, as in the one-lag-at-a-time loop
        for (int n = 0; n < ORDER; n++) {
            for (int m = 0; m <= n; m++) {
                r[m] += v[n] * v[n - m];
            }
        }
        float r0 = r[0], r1 = r[1], r2 = r[2], r3 = r[3], r4 = r[4], r5 = r[5];
        float r6 = r[6], r7 = r[7], r8 = r[8], r9 = r[9], r10 = r[10], r11 = r[11];
        for (int n = ORDER; n < OUT_LEN; n++) {
            float x = v[n];
            r0 += x * v[n];
            r1 += x * v[n - 1];
            r2 += x * v[n - 2];
            r3 += x * v[n - 3];
            r4 += x * v[n - 4];
            r5 += x * v[n - 5];
            r6 += x * v[n - 6];
            r7 += x * v[n - 7];
            r8 += x * v[n - 8];
            r9 += x * v[n - 9];
            r10 += x * v[n - 10];
            r11 += x * v[n - 11];
        }
        r[0] = r0; r[1] = r1; r[2] = r2; r[3] = r3; r[4] = r4; r[5] = r5;
        r[6] = r6; r[7] = r7; r[8] = r8; r[9] = r9; r[10] = r10; r[11] = r11;
    }

    /** openSMILE's Durbin recursion in float: a[0..p) are a1..ap of A(z) = 1 + a1 z^-1 + ... */
    private boolean levinson() {
        java.util.Arrays.fill(a, 0);
        float e = r[0];
        if (e == 0) {
            return false;
        }
        for (int m = 1; m <= ORDER; m++) {
            float sum = 1.0f * r[m];
            for (int i = 1; i < m; i++) {
                sum += a[i - 1] * r[m - i];
            }
            float km = (-1.0f / e) * sum;
            a[m - 1] = km;
            for (int i = 1; i <= m / 2; i++) {
                float x = a[i - 1];
                a[i - 1] += km * a[m - i - 1];
                if (i < m / 2 || (m & 1) == 1) {
                    a[m - i - 1] += km * x;
                }
            }
            e *= 1.0f - km * km;
            if (e == 0) {
                for (int i = m; i < ORDER; i++) {
                    a[i] = 0;
                }
                break;
            }
        }
        return true;
    }
}
