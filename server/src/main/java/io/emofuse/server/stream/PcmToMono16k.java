package io.emofuse.server.stream;

import io.emofuse.audio.Audio;

/**
 * Turns a stream of s16le PCM at any rate into 16 kHz float samples, chunk by chunk with state
 * carried across chunks (an odd trailing byte, the interpolation position, the low-pass history),
 * so chunk boundaries leave no clicks. Downsampling low-passes with a moving average over one
 * output period before linear interpolation: crude next to a sinc filter, but enough for speech
 * recognition, and O(1) per sample for a live stream.
 */
final class PcmToMono16k {

    static final int TARGET = 16_000;

    private final int rate;
    private final double step;
    private final int smooth;
    private final float[] history;
    private int historyFill;
    private int historyPos;
    private double historySum;
    private int oddByte = -1;
    private boolean started;
    private float last;
    private double pos;

    PcmToMono16k(int rate) {
        this.rate = rate;
        this.step = rate / (double) TARGET;
        this.smooth = rate > TARGET ? (int) Math.round(step) : 1;
        this.history = new float[smooth];
    }

    /** The 16 kHz samples this chunk completes. */
    float[] accept(byte[] pcm, int len) {
        int total = len + (oddByte >= 0 ? 1 : 0);
        float[] in = new float[total / 2];
        int i = 0;
        int b = 0;
        if (oddByte >= 0 && total >= 2) {
            in[i++] = (short) ((oddByte & 0xFF) | (pcm[0] << 8)) / Audio.PCM16_SCALE;
            b = 1;
            oddByte = -1;
        }
        for (; b + 1 < len; b += 2) {
            in[i++] = (short) ((pcm[b] & 0xFF) | (pcm[b + 1] << 8)) / Audio.PCM16_SCALE;
        }
        if (b < len) {
            oddByte = pcm[b] & 0xFF;
        }
        return rate == TARGET ? in : resample(lowPass(in));
    }

    private float[] lowPass(float[] x) {
        if (smooth <= 1) {
            return x;
        }
        float[] y = new float[x.length];
        for (int n = 0; n < x.length; n++) {
            historySum += x[n] - history[historyPos];
            history[historyPos] = x[n];
            historyPos = (historyPos + 1) % smooth;
            historyFill = Math.min(historyFill + 1, smooth);
            y[n] = (float) (historySum / historyFill);
        }
        return y;
    }

    /** Linear interpolation; index -1 is the last sample of the previous chunk. */
    private float[] resample(float[] x) {
        if (x.length == 0) {
            return x;
        }
        if (!started) {
            started = true;
            last = x[0];
        }
        int max = (int) ((x.length - pos) / step) + 2;
        float[] out = new float[max];
        int n = 0;
        // pos is measured from the previous chunk's last sample (index -1 here).
        while (pos <= x.length) {
            int i = (int) Math.floor(pos) - 1;
            double frac = pos - Math.floor(pos);
            float a = i < 0 ? last : x[i];
            float c = i + 1 < x.length ? x[i + 1] : a;
            if (i + 1 >= x.length && frac > 0) {
                break; // needs the next chunk
            }
            out[n++] = (float) (a + (c - a) * frac);
            pos += step;
        }
        pos -= x.length;
        last = x[x.length - 1];
        return java.util.Arrays.copyOf(out, n);
    }
}
