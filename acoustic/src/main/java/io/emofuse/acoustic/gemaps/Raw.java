package io.emofuse.acoustic.gemaps;

/** Column layout of one raw (unsmoothed) GeMAPS frame as stored between analysis and smoothing. */
final class Raw {
    // 20 ms Hamming branch
    static final int LOUDNESS = 0;
    static final int ALPHA = 1;
    static final int HAMMARBERG = 2;
    static final int SLOPE0_500 = 3;
    static final int SLOPE500_1500 = 4;
    static final int FLUX = 5;
    static final int MFCC1 = 6; // .. MFCC4 = 9
    static final int ENERGY = 10; // mean square of the unwindowed frame, for LEq
    static final int F1 = 11; // F1, B1, F2, B2, F3, B3 interleaved
    static final int B1 = 12;
    static final int F2 = 13;
    static final int B2 = 14;
    static final int F3 = 15;
    static final int B3 = 16;
    static final int SHORT_COUNT = 17;
    // 60 ms Gaussian / F0 branch
    static final int F0_HZ = 17; // after Viterbi and energy gate
    static final int JITTER = 18;
    static final int SHIMMER = 19;
    static final int HNR = 20;
    static final int H1H2 = 21;
    static final int H1A3 = 22;
    static final int A1 = 23; // formant amplitudes relative to F0, A1..A3
    static final int A2 = 24;
    static final int A3 = 25;
    static final int COUNT = 26;

    private Raw() {
    }
}
