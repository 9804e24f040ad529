package io.emofuse.acoustic.audio;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.lang.management.ManagementFactory;

/**
 * Coverage-guided fuzzing of the RIFF/WAVE reader (docs/reliability.md). Regression mode (the
 * default, part of {@code mvn verify}) replays the committed inputs in
 * {@code WavReaderFuzzTestInputs/read/}; {@code JAZZER_FUZZ=1} fuzzes (scripts/fuzz.sh).
 *
 * <p>Any bytes either decode or fail with {@link AudioFormatException}; anything else thrown is a
 * crash. Decoding allocates in proportion to the bytes present, never to what a header claims.
 */
class WavReaderFuzzTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /**
     * Fixed buffers (the float sink, one decode chunk, one frame buffer) plus a few floats per
     * input byte: 8-bit mono is one float per byte, and the sink may double before the final copy.
     */
    static long allocationBound(int inputBytes) {
        return (2L << 20) + 32L * inputBytes;
    }

    @FuzzTest(maxDuration = "10s")
    @DictionaryEntries({"RIFF", "WAVE", "fmt ", "data", "LIST"})
    void read(byte[] data) {
        long allocated = readAndCheck(data);
        if (allocated > allocationBound(data.length)) {
            // The first time a path runs it loads classes; only a warm repeat counts.
            allocated = readAndCheck(data);
            check(allocated <= allocationBound(data.length),
                    "allocated " + allocated + " bytes reading " + data.length + " bytes");
        }
    }

    /** Reads {@code data}, checks the outcome, returns the bytes this thread allocated doing so. */
    private static long readAndCheck(byte[] data) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        try {
            Audio a = WavReader.read(data, "fuzz");
            check(a.sampleRate() > 0 && a.sampleRate() <= 768_000, "sample rate " + a.sampleRate());
            check(a.samples().length <= data.length, a.samples().length + " samples from " + data.length + " bytes");
            for (float s : a.samples()) {
                // Audio's contract: [-1, 1]; integer PCM's most negative code is just below -1.
                check(s >= -1.01f && s <= 1.0f, "sample " + s + " outside [-1, 1]");
            }
        } catch (AudioFormatException expected) {
            // the documented outcome for bytes that are not a supported WAV file
        }
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
