package io.emofuse.acoustic.gemaps;

/**
 * The 20 ms Hamming branch of GeMAPS for one frame: loudness, alpha ratio, Hammarberg index,
 * spectral slopes, spectral flux, MFCC 1-4 and frame energy (GEMAPS_NOTES 3-6), and the low
 * spectrum its LPC formants come from (GEMAPS_NOTES 9; {@link Formants}, computed once the frame's
 * voicing is known). Stateful only through the previous magnitude spectrum (flux); not thread-safe.
 */
final class ShortFrameAnalyzer {
    static final int FRAME = 320;
    private static final int FFT_SIZE = OouraRdft512.N;
    private static final int PAD = (FFT_SIZE - FRAME) / 2;
    private static final int BINS = FFT_SIZE / 2 + 1;
    private static final double BIN_HZ = 16000.0 / FFT_SIZE;
    private static final int MEL_BANDS = 26;
    private static final double POWER_FLOOR = 1e-14;
    private static final double DB_FLOOR = -140;
    private static final int FLUX_BINS = 160;
    private static final double PCM_SCALE_SQ = 32767.0 * 32767.0;

    private final float[] window = new float[FRAME]; // float, as openSMILE's windower multiplies
    // openSMILE's float FFT (its rounding matters for the formants, see Formants), in place
    private final float[] spectrum = new float[FFT_SIZE];
    private final double[] mag = new double[BINS];
    private final double[] power = new double[BINS];
    private final double[] prevMag = new double[FLUX_BINS];
    private boolean hasPrev;

    // Mel filterbank: for bins 2..255 the band on whose falling slope (lowBand) it lies and the weight.
    private final int[] melBand = new int[BINS];
    private final double[] melWeight = new double[BINS];
    private final double[] loudWeight = new double[MEL_BANDS];
    private final double[] bands = new double[MEL_BANDS];
    private final double[][] dct = new double[4][MEL_BANDS];

    ShortFrameAnalyzer() {
        for (int i = 0; i < FRAME; i++) {
            window[i] = (float) (0.54 - 0.46 * Math.cos(2 * Math.PI * i / (FRAME - 1)));
        }
        double melLo = mel(20);
        double melHi = mel(8000);
        double[] edges = new double[MEL_BANDS + 2];
        for (int j = 0; j < edges.length; j++) {
            edges[j] = melLo + j * (melHi - melLo) / (MEL_BANDS + 1);
        }
        int nLo = (int) Math.round(20 / BIN_HZ);
        int nHi = (int) Math.round(8000 / BIN_HZ);
        java.util.Arrays.fill(melBand, Integer.MIN_VALUE);
        for (int k = nLo + 1; k < nHi; k++) {
            double m = mel(k * BIN_HZ);
            int j = -1;
            for (int e = 0; e < edges.length - 1; e++) {
                if (edges[e] < m && m <= edges[e + 1]) {
                    j = e;
                    break;
                }
            }
            if (j < 0) {
                continue;
            }
            melBand[k] = j;
            melWeight[k] = (edges[j + 1] - m) / (edges[j + 1] - edges[j]);
        }
        for (int b = 0; b < MEL_BANDS; b++) {
            loudWeight[b] = equalLoudness(700 * (Math.exp(edges[b + 1] / 1127) - 1));
        }
        for (int i = 1; i <= 4; i++) {
            double lifter = 1 + 11 * Math.sin(Math.PI * i / 22);
            for (int m = 0; m < MEL_BANDS; m++) {
                dct[i - 1][m] = Math.sqrt(2.0 / MEL_BANDS) * Math.cos(Math.PI * i * (m + 0.5) / MEL_BANDS) * lifter;
            }
        }
    }

    static double mel(double f) {
        return 1127 * Math.log(1 + f / 700);
    }

    /** Hermansky-style equal-loudness weight as openSMILE codes it (omega^7 in the last factor). */
    static double equalLoudness(double f) {
        double w = 2 * Math.PI * f;
        double w2 = w * w;
        double c = w2 + 6.3e6;
        return 1e32 * (w2 + 56.8e6) * w2 * w2 / (c * c * (w2 + 0.38e9) * (w2 * w2 * w2 * w + 1.7e31));
    }

    void reset() {
        hasPrev = false;
    }

    /**
     * Analyses samples {@code x[off .. off+320)} into {@code out[0 .. Raw.F1)}, and keeps the
     * spectrum for {@link Formants#analyze} in {@code formantSpectrum} ({@link Formants#SPECTRUM} values).
     */
    void analyze(float[] x, int off, double[] out, float[] formantSpectrum) {
        float[] spectrum = this.spectrum;
        float[] window = this.window;
        double[] mag = this.mag;
        double[] power = this.power;
        double energy = 0;
        java.util.Arrays.fill(spectrum, 0, PAD, 0);
        java.util.Arrays.fill(spectrum, PAD + FRAME, FFT_SIZE, 0);
        for (int i = 0; i < FRAME; i++) {
            double v = x[off + i];
            energy += v * v;
            spectrum[PAD + i] = x[off + i] * window[i];
        }
        out[Raw.ENERGY] = energy / FRAME;
        OouraRdft512.forward(spectrum);
        float[] p = spectrum;
        double dc = p[0];
        double nyquist = p[1];
        float m0 = (float) Math.sqrt(dc * dc); // DC and Nyquist bins are real
        mag[0] = m0;
        power[0] = m0 * m0;
        float mN = (float) Math.sqrt(nyquist * nyquist);
        mag[BINS - 1] = mN;
        power[BINS - 1] = mN * mN;
        for (int k = 1; k < BINS - 1; k++) {
            double r = p[2 * k];
            double i = p[2 * k + 1];
            float m = (float) Math.sqrt(r * r + i * i);
            mag[k] = m;
            power[k] = m * m;
        }
        loudnessAndMfcc(out);
        alphaHammarberg(out);
        out[Raw.SLOPE0_500] = slope(0, 16);
        out[Raw.SLOPE500_1500] = slope(16, 48);
        flux(out);
        System.arraycopy(spectrum, 0, formantSpectrum, 0, Formants.SPECTRUM);
    }

    private void loudnessAndMfcc(double[] out) {
        java.util.Arrays.fill(bands, 0);
        for (int k = 0; k < BINS; k++) {
            int j = melBand[k];
            if (j == Integer.MIN_VALUE) {
                continue;
            }
            double a = melWeight[k];
            if (j - 1 >= 0) {
                bands[j - 1] += a * power[k];
            }
            if (j < MEL_BANDS) {
                bands[j] += (1 - a) * power[k];
            }
        }
        double loud = 0;
        double c1 = 0, c2 = 0, c3 = 0, c4 = 0;
        for (int b = 0; b < MEL_BANDS; b++) {
            double p = bands[b];
            loud += Math.pow(Doubles.max(p, 9.3e-10) * loudWeight[b], 0.33);
            double lm = Math.log(Doubles.max(p * PCM_SCALE_SQ, 1.0));
            c1 += dct[0][b] * lm;
            c2 += dct[1][b] * lm;
            c3 += dct[2][b] * lm;
            c4 += dct[3][b] * lm;
        }
        out[Raw.LOUDNESS] = loud / MEL_BANDS;
        out[Raw.MFCC1] = c1;
        out[Raw.MFCC1 + 1] = c2;
        out[Raw.MFCC1 + 2] = c3;
        out[Raw.MFCC1 + 3] = c4;
    }

    private void alphaHammarberg(double[] out) {
        double sLow = 0;
        double sHigh = 0;
        double mLow = 0;
        double mHigh = 0;
        double[] power = this.power;
        // bins below 1 kHz (k < 32), 1-2 kHz (k < 64) and 2-5 kHz (k <= 160), each sum in bin order
        for (int k = 0; k < 32; k++) {
            double p = power[k];
            sLow += p;
            mLow = Doubles.max(mLow, p);
        }
        for (int k = 32; k < 64; k++) {
            double p = power[k];
            sHigh += p;
            mLow = Doubles.max(mLow, p);
        }
        for (int k = 64; k <= 160; k++) {
            double p = power[k];
            sHigh += p;
            mHigh = Doubles.max(mHigh, p);
        }
        double alpha;
        if (sLow == 0) {
            alpha = 0;
        } else if (sHigh <= POWER_FLOOR) {
            alpha = 10 * Math.log10(POWER_FLOOR / sLow);
        } else {
            alpha = 10 * Math.log10(sHigh / sLow);
        }
        double hamm;
        if (mHigh == 0) {
            hamm = 0;
        } else if (mLow <= POWER_FLOOR) {
            hamm = 10 * Math.log10(POWER_FLOOR / mHigh);
        } else {
            hamm = 10 * Math.log10(mLow / mHigh);
        }
        out[Raw.ALPHA] = alpha;
        out[Raw.HAMMARBERG] = hamm;
    }

    /** Least-squares slope of dB over Hz on bins lo..hi with openSMILE's n = hi - lo. */
    private double slope(int lo, int hi) {
        double sx = 0, sy = 0, sxy = 0, sxx = 0;
        for (int k = lo; k <= hi; k++) {
            double p = power[k];
            double y = p <= POWER_FLOOR ? DB_FLOOR : 10 * Math.log10(p);
            double f = k * BIN_HZ;
            sx += f;
            sy += y;
            sxy += f * y;
            sxx += f * f;
        }
        double n = hi - lo;
        double den = n * sxx - sx * sx;
        return den == 0 ? 0 : (n * sxy - sx * sy) / den;
    }

    private void flux(double[] out) {
        double sum = 0;
        if (hasPrev) {
            for (int k = 0; k < FLUX_BINS; k++) {
                double d = mag[k] - prevMag[k];
                sum += d * d;
            }
        }
        out[Raw.FLUX] = hasPrev ? Math.sqrt(sum / FLUX_BINS) : 0;
        System.arraycopy(mag, 0, prevMag, 0, FLUX_BINS);
        hasPrev = true;
    }
}
