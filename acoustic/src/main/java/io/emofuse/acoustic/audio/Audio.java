package io.emofuse.acoustic.audio;

/**
 * Mono audio as float samples in [-1, 1] at a known sample rate.
 *
 * @param samples    mono samples (channels already averaged)
 * @param sampleRate samples per second
 * @param source     where the audio came from (a file path or a stream id), for messages
 */
public record Audio(float[] samples, int sampleRate, String source) {

    /**
     * Full scale of 16-bit PCM as floats: int16 / 32767, openSMILE's scaling, so features match
     * its references value for value. Every conversion between int16 and float uses this.
     */
    public static final float PCM16_SCALE = 32767f;

    /** The rate every extractor and recogniser in emofuse works at. */
    public static final int TARGET_RATE = 16_000;

    public double durationSeconds() {
        return samples.length / (double) sampleRate;
    }

    /**
     * The first {@code seconds} of this utterance (all of it when shorter), for evaluating on a fixed
     * signal length (the CNN paper's experiment 2); the cut is at round(seconds * rate) samples
     * (rounded, so 0.7 s at 16 kHz is 11200 samples despite 0.7 * 16000 = 11199.999...).
     */
    public Audio firstSeconds(double seconds) {
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("seconds must be >= 0: " + seconds);
        }
        long n = Math.round(seconds * sampleRate);
        if (n >= samples.length) {
            return this;
        }
        return new Audio(java.util.Arrays.copyOf(samples, (int) n), sampleRate, source);
    }
}
