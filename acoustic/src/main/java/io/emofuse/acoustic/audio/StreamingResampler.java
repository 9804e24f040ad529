package io.emofuse.acoustic.audio;

import java.util.Arrays;

/**
 * {@link Resampler}'s band-limited polyphase resampler fed chunk by chunk, for live streams: each
 * output sample is computed as soon as all its filter taps have arrived (a delay of
 * {@code HALF_TAPS} samples at the lower rate, 2 ms at 16 kHz), and {@link #flush()} emits the tail
 * with the same zero padding as the whole-signal form. Any chunking gives the very samples that
 * {@link Resampler#resample} gives for the whole signal; that form is this class fed once.
 */
public final class StreamingResampler {

    private final int up;
    private final int down;
    private final int half;
    private final double cutoff;
    private final double[][] table;
    private float[] buf = new float[1024];
    private int bufLen;
    /** Absolute input index of {@code buf[0]}. */
    private long bufStart;
    private long received;
    /** Absolute index of the next output sample. */
    private long next;
    private boolean flushed;

    public StreamingResampler(int from, int to) {
        if (from <= 0 || to <= 0) {
            throw new IllegalArgumentException("sample rates must be positive: " + from + " -> " + to);
        }
        int g = gcd(from, to);
        this.up = to / g;
        this.down = from / g;
        double scale = Math.min(1.0, (double) to / from);
        this.cutoff = Resampler.ROLLOFF * scale; // relative to the input Nyquist
        this.half = (int) Math.ceil(Resampler.HALF_TAPS / scale);
        // One filter per output phase (fractional input position p/up), built on first use.
        this.table = up <= 4096 ? new double[up][] : null;
    }

    /** The output samples that {@code x[off .. off+len)} completes. */
    public float[] accept(float[] x, int off, int len) {
        if (flushed) {
            throw new IllegalStateException("accept after flush");
        }
        if (bufLen + len > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, bufLen + len));
        }
        System.arraycopy(x, off, buf, bufLen, len);
        bufLen += len;
        received += len;
        // Output n needs inputs up to center(n) + half; only emit those whose taps are all here.
        long ready = Math.max(0, received - half);
        long limit = ceilDiv(ready * up, down); // n with n*down/up < ready
        return drain(Math.min(limit, outputLength(received)));
    }

    public float[] accept(float[] x) {
        return accept(x, 0, x.length);
    }

    /** How many samples {@code inputLength} input samples give in all. */
    public long outputLength(long inputLength) {
        return inputLength * up / down;
    }

    /** The remaining output, the input's end padded with zeros; the resampler is done after it. */
    public float[] flush() {
        flushed = true;
        return drain(outputLength(received));
    }

    private float[] drain(long limit) {
        if (limit <= next) {
            return new float[0];
        }
        float[] y = new float[(int) (limit - next)];
        for (int i = 0; i < y.length; i++, next++) {
            long num = next * down;
            long center = num / up;
            int phase = (int) (num % up);
            double[] h = taps(phase);
            double acc = 0;
            long start = center - half + 1;
            for (int k = 0; k < h.length; k++) {
                long idx = start + k;
                if (idx >= 0 && idx < received) {
                    acc += buf[(int) (idx - bufStart)] * h[k];
                }
            }
            y[i] = (float) acc;
        }
        compact();
        return y;
    }

    /** Drops the inputs no future output reaches. */
    private void compact() {
        long keepFrom = Math.max(bufStart, next * down / up - half + 1);
        int drop = (int) Math.min(bufLen, keepFrom - bufStart);
        if (drop > 0) {
            System.arraycopy(buf, drop, buf, 0, bufLen - drop);
            bufLen -= drop;
            bufStart += drop;
        }
    }

    private double[] taps(int phase) {
        if (table == null) {
            return Resampler.taps(phase / (double) up, half, cutoff);
        }
        double[] h = table[phase];
        if (h == null) {
            h = table[phase] = Resampler.taps(phase / (double) up, half, cutoff);
        }
        return h;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
