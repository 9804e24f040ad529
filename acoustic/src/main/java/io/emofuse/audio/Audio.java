package io.emofuse.audio;

/**
 * Mono audio as float samples in [-1, 1] at a known sample rate.
 *
 * @param samples    mono samples (channels already averaged)
 * @param sampleRate samples per second
 * @param source     where the audio came from (a file path or a stream id), for messages
 */
public record Audio(float[] samples, int sampleRate, String source) {

    /** The rate every extractor and recogniser in emofuse works at. */
    public static final int TARGET_RATE = 16_000;

    public double durationSeconds() {
        return samples.length / (double) sampleRate;
    }
}
