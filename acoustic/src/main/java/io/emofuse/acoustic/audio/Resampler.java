package io.emofuse.acoustic.audio;

/**
 * Band-limited rational resampler: a Kaiser-windowed sinc low-pass (cut-off just below the lower
 * Nyquist frequency) evaluated in polyphase form, so downsampling never aliases.
 */
public final class Resampler {

    /** Taps per side at the lower of the two rates; 32 gives > 80 dB stop-band with beta 8.6. */
    static final int HALF_TAPS = 32;
    private static final double KAISER_BETA = 8.6;
    /** Pass-band edge as a fraction of the lower Nyquist frequency. */
    static final double ROLLOFF = 0.94;
    private static final int CHUNK = 1 << 16;

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
        // Fed in chunks so the resampler's own buffer stays small next to x and y (long files).
        StreamingResampler r = new StreamingResampler(from, to);
        float[] y = new float[Math.toIntExact(r.outputLength(x.length))];
        int n = 0;
        for (int off = 0; off < x.length; off += CHUNK) {
            float[] part = r.accept(x, off, Math.min(CHUNK, x.length - off));
            System.arraycopy(part, 0, y, n, part.length);
            n += part.length;
        }
        float[] tail = r.flush();
        System.arraycopy(tail, 0, y, n, tail.length);
        return y;
    }

    /** Filter taps for input samples center-half+1 .. center+half, output at center + frac. */
    static double[] taps(double frac, int half, double cutoff) {
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
}
