package io.emofuse.acoustic;

import java.util.List;

/**
 * Incremental feature extraction over a 16 kHz mono stream: push samples as they arrive,
 * poll the LLD frames that became ready, ask for functionals over any window of kept frames.
 * Memory is bounded by the window given at construction, not by the stream's length.
 * Not thread-safe: one instance per stream (reuse it for the next one after {@link #reset()}).
 */
public interface StreamingExtractor {

    /** Names of the LLD columns of {@link #pollFrames()}. */
    List<String> lldNames();

    /** Names of the values {@link #functionals()} returns. */
    List<String> functionalNames();

    /** Pushes float samples at 16 kHz (int16 PCM maps to value / 32767, openSMILE's scaling). */
    void push(float[] samples, int offset, int length);

    default void push(float[] samples) {
        push(samples, 0, samples.length);
    }

    /** Pushes raw signed 16-bit little-endian mono PCM at 16 kHz; an odd trailing byte is kept for the next call. */
    void pushPcm16(byte[] data, int offset, int length);

    /** Ends the stream: the last frames (including openSMILE's extra end frame) become ready. */
    void finish();

    /** The LLD frames completed since the last call (frames x {@link #lldNames()}), possibly none. */
    double[][] pollFrames();

    /** Number of LLD frames produced so far (the index of the next frame). */
    long frameCount();

    /** Oldest LLD frame index still kept (and usable in {@link #functionals(long, long)}). */
    long firstKeptFrame();

    /**
     * Functionals over LLD frames [fromFrame, toFrame), clipped to the kept window; null when
     * that range holds too few frames (less than one complete 60 ms frame).
     */
    double[] functionals(long fromFrame, long toFrame);

    /** Functionals over every kept frame; after {@link #finish()} on an unbounded window these equal the batch values. */
    default double[] functionals() {
        return functionals(0, Long.MAX_VALUE);
    }

    /** Forgets the stream so the instance can serve the next one. */
    void reset();
}
