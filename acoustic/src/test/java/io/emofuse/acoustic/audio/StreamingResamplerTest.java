package io.emofuse.acoustic.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StreamingResamplerTest {

    private static final int[][] PAIRS = {{44_100, 16_000}, {48_000, 16_000}, {22_050, 16_000}, {8_000, 16_000},
        {11_025, 16_000}, {16_000, 8_000}};

    private static float[] noise(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (0.3 * r.nextGaussian() + 0.4 * Math.sin(i * 0.01));
        }
        return x;
    }

    /** The filter written out directly over the whole signal: y[n] = sum_k x[c-half+1+k] h_phase[k]. */
    private static float[] direct(float[] x, int from, int to) {
        int g = gcd(from, to);
        int up = to / g;
        int down = from / g;
        double scale = Math.min(1.0, (double) to / from);
        int half = (int) Math.ceil(Resampler.HALF_TAPS / scale);
        float[] y = new float[(int) ((long) x.length * up / down)];
        for (int n = 0; n < y.length; n++) {
            long num = (long) n * down;
            double[] h = Resampler.taps((num % up) / (double) up, half, Resampler.ROLLOFF * scale);
            long start = num / up - half + 1;
            double acc = 0;
            for (int k = 0; k < h.length; k++) {
                long idx = start + k;
                if (idx >= 0 && idx < x.length) {
                    acc += x[(int) idx] * h[k];
                }
            }
            y[n] = (float) acc;
        }
        return y;
    }

    private static float[] chunked(float[] x, int from, int to, int chunk) {
        StreamingResampler r = new StreamingResampler(from, to);
        float[] out = new float[0];
        for (int off = 0; off <= x.length; off += chunk) {
            out = concat(out, r.accept(x, off, Math.min(chunk, x.length - off)));
        }
        return concat(out, r.flush());
    }

    private static float[] concat(float[] a, float[] b) {
        float[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    @Test
    void anyChunkingGivesTheWholeSignalFilterSampleForSample() {
        for (int[] p : PAIRS) {
            float[] x = noise(p[0] / 3 + 17, p[0]);
            float[] expected = direct(x, p[0], p[1]);
            assertArrayEquals(expected, Resampler.resample(x, p[0], p[1]), 0f, p[0] + " -> " + p[1] + " whole");
            for (int chunk : new int[] {1, 7, 160, 441, 4097, x.length}) {
                assertArrayEquals(expected, chunked(x, p[0], p[1], chunk), 0f, p[0] + " -> " + p[1] + " in " + chunk);
            }
        }
    }

    @Test
    void outputWaitsOnlyForTheFilterTaps() {
        // 48 kHz -> 16 kHz: 96 input taps per side, so after 10 ms of input all but ~2 ms is out.
        StreamingResampler r = new StreamingResampler(48_000, 16_000);
        float[] out = r.accept(noise(480, 1));
        assertEquals(160 - 32, out.length, 1);
        assertEquals(160 - out.length, r.flush().length);
    }

    @Test
    void refusesInputAfterFlushAndBadRates() {
        StreamingResampler r = new StreamingResampler(8_000, 16_000);
        r.flush();
        assertThrows(IllegalStateException.class, () -> r.accept(new float[4]));
        assertThrows(IllegalArgumentException.class, () -> new StreamingResampler(0, 16_000));
    }
}
