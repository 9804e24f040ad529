package io.emofuse.acoustic.gemaps;

/**
 * cHarmonics as configured in GeMAPS (GEMAPS_NOTES 10): HNR from the spectral ACF, "H1-H2" and
 * "H1-A3" (0-based harmonic indices, as openSMILE really computes them) and the formant
 * amplitudes relative to the fundamental, from the 60 ms Gaussian magnitude spectrum.
 */
final class Harmonics {
    private static final int N_HARM = 100;
    private static final int BINS = PitchAnalyzer.BINS;
    private static final double BIN_HZ = 16000.0 / PitchAnalyzer.FFT_SIZE;
    private static final double UNVOICED_FLOOR = -201.0;

    private final Fft fft = new Fft(PitchAnalyzer.FFT_SIZE);
    private final double[] power = new double[PitchAnalyzer.FFT_SIZE];
    private final double[] acf = new double[BINS];
    private final double[] frq = new double[BINS];
    private final int[] hBin = new int[N_HARM];
    private final double[] hMag = new double[N_HARM];
    private final double[] hMagInterp = new double[N_HARM];
    private final double[] hFreqInterp = new double[N_HARM];
    private final boolean[] duplicate = new boolean[N_HARM];
    private boolean logRel;
    private float logMagF0;
    private final Parabola parabola = new Parabola();

    Harmonics() {
        for (int k = 0; k < BINS; k++) {
            frq[k] = k * BIN_HZ;
        }
    }

    /** Fills HNR, H1H2, H1A3, A1..A3 of {@code out} for a frame with gated F0 {@code f0} (Hz). */
    void analyze(double[] mag, float f0, double[] out) {
        out[Raw.HNR] = hnr(mag, f0);
        if (!(f0 > 0)) {
            out[Raw.H1H2] = 0;
            out[Raw.H1A3] = 0;
            out[Raw.A1] = UNVOICED_FLOOR;
            out[Raw.A2] = UNVOICED_FLOOR;
            out[Raw.A3] = UNVOICED_FLOOR;
            return;
        }
        findPeaks(mag, f0);
        postProcess();
        int a1 = formantHarmonic(out[Raw.F1]);
        int a2 = formantHarmonic(out[Raw.F2]);
        int a3 = formantHarmonic(out[Raw.F3]);
        double h1 = level(1);
        out[Raw.H1H2] = clip201((float) (h1 - level(2)));
        out[Raw.H1A3] = a3 >= 0 ? clip201((float) (h1 - level(a3))) : clip201((float) (h1 - 201.0f));
        out[Raw.A1] = a1 >= 0 ? level(a1) : 0;
        out[Raw.A2] = a2 >= 0 ? level(a2) : 0;
        out[Raw.A3] = a3 >= 0 ? level(a3) : 0;
    }

    private static double clip201(double v) {
        return Math.max(-201.0, Math.min(201.0, v));
    }

    private double hnr(double[] mag, float f0) {
        if (!(f0 > 0)) {
            return 0;
        }
        int n = PitchAnalyzer.FFT_SIZE;
        for (int k = 0; k < BINS; k++) {
            double p = (float) (mag[k] * mag[k]);
            power[k] = p;
            if (k > 0 && k < BINS - 1) {
                power[n - k] = p;
            }
        }
        // the spectrum is real and symmetric, so its transform is real: the ACF (up to scale)
        double[] p = fft.realForwardPacked(power);
        acf[0] = (float) (Math.abs(p[0]) / BINS);
        acf[BINS - 1] = (float) (Math.abs(p[1]) / BINS);
        for (int i = 1; i < BINS - 1; i++) {
            acf[i] = (float) (Math.abs(p[2 * i]) / BINS);
        }
        int lag = (int) Math.floor(frq[BINS - 1] * 2.0 / f0);
        if (lag <= 0) {
            return 0;
        }
        int peak = closestPeak(acf, BINS, lag);
        if (peak <= 0) {
            return 0;
        }
        double den = acf[0] - acf[peak];
        double ratio = den == 0.0 ? 10e10 : acf[peak] / den;
        double db;
        if (ratio > 10e10) {
            db = 10.0 * Math.log10(10e10);
        } else if (ratio < 10e-10) {
            db = 10.0 * Math.log10(10e-10);
        } else {
            db = 10.0 * Math.log10(ratio);
        }
        return (float) db;
    }

    private static boolean isPeak(double[] x, int n, int i) {
        if (i >= n || i < 0) {
            return false;
        }
        if (i + 1 < n) {
            if (i > 0) {
                return x[i] > x[i - 1] && x[i] > x[i + 1];
            }
            return x[0] > x[1];
        }
        return i > 0 && x[i] > x[i - 1];
    }

    private static int closestPeak(double[] x, int n, int idx) {
        if (isPeak(x, n, idx)) {
            return idx;
        }
        int o = 1;
        while (idx - o > 0 || idx + o < n - 1) {
            if (idx - o > 0 && isPeak(x, n, idx - o)) {
                return idx - o;
            }
            if (idx + o < n - 1 && isPeak(x, n, idx + o)) {
                return idx + o;
            }
            o++;
        }
        if (x[0] > x[idx] && x[n - 1] <= x[idx]) {
            return 0;
        } else if (x[0] <= x[idx] && x[n - 1] > x[idx]) {
            return n - 1;
        } else if (x[0] > x[idx] && x[n - 1] > x[idx]) {
            return idx < n / 2 ? 0 : n - 1;
        }
        return idx;
    }

    /** openSMILE's linear scan from {@code start}, with the scan's starting point computed directly. */
    private int freqToBin(float freq, int start) {
        // truncation, not Math.floor (a library call under C1): they differ only below 0, clamped to 0 below
        int guess = (int) (freq / BIN_HZ) - 1;
        for (int b = Math.max(start, Math.max(guess, 0)); b < BINS; b++) {
            if (frq[b] > freq) {
                if (frq[b] - freq > freq - frq[b - 1]) {
                    return b - 1;
                }
                return b;
            }
        }
        return 0;
    }

    private void findPeaks(double[] mag, float f0) {
        int lastBin = freqToBin(0.5f * f0, 1);
        int firstBin = freqToBin(0.5f * f0, lastBin);
        for (int i = 0; i < N_HARM; i++) {
            int cand = freqToBin((float) (i + 1) * f0, lastBin);
            int peak = -1;
            if (cand >= BINS) {
                hBin[i] = -1;
                hMag[i] = 0;
                hMagInterp[i] = 0;
                hFreqInterp[i] = 0;
                continue;
            }
            if (isPeak(mag, BINS, cand)) {
                peak = cand;
            } else {
                int l = cand - 1;
                int r = cand + 1;
                int lower = freqToBin(((float) i + 0.5f) * f0, lastBin);
                int upper = freqToBin(((float) i + 1.5f) * f0, cand);
                while ((l >= lower || r <= upper) && peak == -1) {
                    if (r <= upper) {
                        if (isPeak(mag, BINS, r)) {
                            peak = r;
                            break;
                        }
                        r++;
                    }
                    if (l >= lower) {
                        if (isPeak(mag, BINS, l)) {
                            peak = l;
                            break;
                        }
                        l--;
                    }
                }
            }
            if (peak >= firstBin && peak < BINS - 1) {
                hBin[i] = peak;
                hMag[i] = mag[peak];
                parabola.fit(frq[peak - 1], mag[peak - 1], frq[peak], mag[peak], frq[peak + 1], mag[peak + 1]);
                hFreqInterp[i] = (float) parabola.x;
                hMagInterp[i] = (float) parabola.y;
            } else {
                hBin[i] = cand;
                hMag[i] = 0;
                hMagInterp[i] = 0;
                hFreqInterp[i] = 0;
            }
            lastBin = cand;
        }
    }

    /**
     * openSMILE's post-processing: a harmonic that found the same bin as the one below it is cleared.
     * The levels (dB relative to the fundamental) are only read for five harmonics, so they are
     * computed on demand ({@link #level}) instead of taking 99 logarithms per frame.
     */
    private void postProcess() {
        float magF0 = (float) hMag[0];
        logRel = magF0 != 0.0f;
        logMagF0 = logRel ? (float) Math.log10(magF0) : 0;
        for (int i = 1; i < N_HARM; i++) {
            duplicate[i] = hBin[i] == hBin[i - 1];
            if (duplicate[i]) {
                hBin[i] = 0;
                hFreqInterp[i] = 0;
                hMag[i] = 0;
                hMagInterp[i] = 0;
            }
        }
    }

    /** Level of harmonic {@code i} as openSMILE's loop over all harmonics computes it. */
    private double level(int i) {
        if (i == 0) {
            return 0;
        }
        if (duplicate[i] || !logRel) {
            return -201.0;
        }
        if (hMagInterp[i] > 0.0) {
            double tmp = Math.log10(hMagInterp[i]);
            float lv = (float) (20.0 * (tmp - logMagF0));
            return lv < -200.0f ? -200.0 : lv;
        }
        return -200.0;
    }

    private int formantHarmonic(double centre) {
        float left = 0.8f * (float) centre;
        float right = 1.2f * (float) centre;
        int maxIdx = -1;
        float maxMag = 0;
        for (int h = 0; h < N_HARM; h++) {
            if (hFreqInterp[h] >= left && hFreqInterp[h] <= right && hMag[h] > maxMag) {
                maxIdx = h;
                maxMag = (float) hMag[h];
            }
        }
        return maxIdx;
    }
}
