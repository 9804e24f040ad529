package io.emofuse.acoustic.audio.augment;

/**
 * WSOLA time-scale modification (Verhelst and Roelands 1993): 40 ms Hann frames overlap-added every
 * 20 ms of output, each taken from near its nominal input position at the offset (within +-10 ms)
 * whose waveform best continues the previous frame, so periodic signals keep their period.
 */
public final class TimeStretch {
    private TimeStretch() {
    }

    /** {@code x} made {@code durationFactor} times as long (2 = twice as long, same pitch). */
    public static float[] wsola(float[] x, int rate, double durationFactor) {
        int frame = Math.max(4, (int) Math.round(0.040 * rate)) & ~1;
        int synthesisHop = frame / 2;
        double analysisHop = synthesisHop / durationFactor;
        int tolerance = (int) Math.round(0.010 * rate);
        int outLen = (int) Math.round(x.length * durationFactor);
        double[] y = new double[outLen + frame];
        double[] norm = new double[outLen + frame];
        double[] w = new double[frame];
        for (int i = 0; i < frame; i++) {
            w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / frame);
        }
        int prevStart = 0;
        for (int k = 0; k * synthesisHop < outLen; k++) {
            int nominal = (int) Math.round(k * analysisHop);
            int start = nominal;
            if (k > 0) {
                // the input that naturally followed the previous frame: its next half-frame
                int natural = prevStart + synthesisHop;
                double best = Double.NEGATIVE_INFINITY;
                for (int d = -tolerance; d <= tolerance; d++) {
                    int c = nominal + d;
                    if (c < 0) {
                        continue;
                    }
                    double score = 0;
                    for (int i = 0; i < frame; i += 4) { // every 4th sample: plenty below 2 kHz, 4x faster
                        score += sample(x, c + i) * sample(x, natural + i);
                    }
                    if (score > best) {
                        best = score;
                        start = c;
                    }
                }
            }
            int out = k * synthesisHop;
            for (int i = 0; i < frame; i++) {
                y[out + i] += w[i] * sample(x, start + i);
                norm[out + i] += w[i];
            }
            prevStart = start;
        }
        float[] result = new float[outLen];
        for (int i = 0; i < outLen; i++) {
            result[i] = (float) (norm[i] > 1e-9 ? y[i] / norm[i] : 0);
        }
        return result;
    }

    private static double sample(float[] x, int i) {
        return i >= 0 && i < x.length ? x[i] : 0;
    }
}
