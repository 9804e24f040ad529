package io.emofuse.analysis.stream;

import io.emofuse.acoustic.audio.Audio;
import io.emofuse.acoustic.audio.StreamingResampler;

/**
 * Turns a stream of s16le PCM at any rate into 16 kHz float samples, chunk by chunk with state
 * carried across chunks (an odd trailing byte, the resampler's filter history), so chunk
 * boundaries change nothing: the output equals the whole-file resampler's, sample for sample,
 * once {@link #flush()} has given the last few milliseconds.
 */
final class PcmToMono16k {

    static final int TARGET = 16_000;

    private final StreamingResampler resampler;
    private int oddByte = -1;

    PcmToMono16k(int rate) {
        this.resampler = rate == TARGET ? null : new StreamingResampler(rate, TARGET);
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
        return resampler == null ? in : resampler.accept(in);
    }

    /** True when the input is at 16 kHz already and goes through unchanged. */
    boolean passesThrough() {
        return resampler == null;
    }

    /** At the end of the stream: the samples still held back for the filter's last taps. */
    float[] flush() {
        return resampler == null ? new float[0] : resampler.flush();
    }
}
