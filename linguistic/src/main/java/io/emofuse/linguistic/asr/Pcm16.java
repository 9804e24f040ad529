package io.emofuse.linguistic.asr;

import io.emofuse.acoustic.audio.Audio;

/** Float samples to the 16-bit little-endian PCM that Vosk (and {@link StreamingRecognizer}) take. */
public final class Pcm16 {

    private Pcm16() {
    }

    /**
     * Samples in [-1, 1] to s16le, scaled by {@link Audio#PCM16_SCALE} and rounded, clipped to the
     * 16-bit range: the exact inverse of how {@code WavReader} reads 16-bit PCM, so Vosk gets the
     * file's own samples.
     */
    public static byte[] encode(float[] samples) {
        byte[] out = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            int v = Math.round(samples[i] * Audio.PCM16_SCALE);
            v = Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
            out[2 * i] = (byte) v;
            out[2 * i + 1] = (byte) (v >> 8);
        }
        return out;
    }
}
