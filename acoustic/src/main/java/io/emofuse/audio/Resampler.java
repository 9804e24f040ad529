package io.emofuse.audio;

/**
 * Band-limited rational resampler: a Kaiser-windowed sinc low-pass (cut-off just below the lower
 * Nyquist frequency) evaluated in polyphase form, so downsampling never aliases.
 */
public final class Resampler {

    /** Taps per side at the lower of the two rates; 32 gives > 80 dB stop-band with beta 8.6. */
    private static final int HALF_TAPS = 32;
    private static final double KAISER_BETA = 8.6;
    /** Pass-band edge as a fraction of the lower Nyquist frequency. */
    private static final double ROLLOFF = 0.94;

    private Resampler() {
    }

    /** Returns {@code audio} at {@code targetRate}; the same object when the rate already matches. */
    public static Audio toRate(Audio audio, int targetRate) {
        if (audio.sampleRate() == targetRate) {
            return audio;
        }
        return new Audio(resample(audio.samples(), audio.sampleRate(), targetRate), targetRate, audio.source());
    }

    public static float[] resample(float[] x, int from, int to) {
        if (from == to) {
            return x.clone();
        }
        int g = gcd(from, to);
        int up = to / g;
        int down = from / g;
        double scale = Math.min(1.0, (double) to / from);
        double cutoff = ROLLOFF * scale; // relative to the input Nyquist
        int half = (int) Math.ceil(HALF_TAPS / scale);
        long outLen = ((long) x.length * up) / down;
        float[] y = new float[(int) outLen];
        // One filter per output phase (fractional input position p/up), 2*half taps each.
        int phases = up;
        double[][] table = up <= 4096 ? new double[phases][] : null;
        for (int n = 0; n < y.length; n++) {
            long num = (long) n * down;
            int center = (int) (num / up);
            int phase = (int) (num % up);
            double[] h;
            if (table != null) {
                h = table[phase];
                if (h == null) {
                    h = table[phase] = taps(phase / (double) up, half, cutoff);
                }
            } else {
                h = taps(phase / (double) up, half, cutoff);
            }
            double acc = 0;
            int start = center - half + 1;
            for (int k = 0; k < h.length; k++) {
                int idx = start + k;
                if (idx >= 0 && idx < x.length) {
                    acc += x[idx] * h[k];
                }
            }
            y[n] = (float) acc;
        }
        return y;
    }

    /** Filter taps for input samples center-half+1 .. center+half, output at center + frac. */
    private static double[] taps(double frac, int half, double cutoff) {
        double[] h = new double[2 * half];
        for (int k = 0; k < h.length; k++) {
            double t = (k - half + 1) - frac; // distance in input samples
            double sinc = t == 0 ? 1.0 : Math.sin(Math.PI * cutoff * t) / (Math.PI * cutoff * t);
            double r = t / half;
            double w = Math.abs(r) >= 1 ? 0 : bessel0(KAISER_BETA * Math.sqrt(1 - r * r)) / bessel0(KAISER_BETA);
            h[k] = cutoff * sinc * w;
        }
        return h;
    }

    private static double bessel0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 50; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
            if (term < 1e-12 * sum) {
                break;
            }
        }
        return sum;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
