package io.emofuse.acoustic.shortterm;

import java.util.List;

/**
 * Turns one 25 ms frame (400 samples at 16 kHz) into a row of low-level descriptors. May keep state
 * from the previous frame (spectral flux, deltas), hence {@link #reset()}; one instance per stream.
 */
public interface FrameAnalyzer {

    /** Names of the row's columns. */
    List<String> names();

    /** Analyses {@code frame[0 .. ShortTermGrid.FRAME)} into {@code out[0 .. names().size())}. */
    void analyze(double[] frame, double[] out);

    /** Forgets the previous frame. */
    void reset();
}
