package io.emofuse.acoustic.shortterm;

/**
 * The frame grid shared by the short-term sets: 25 ms frames every 10 ms at 16 kHz, frame t covering
 * samples [160 t, 160 t + 400) with no padding at either end (pyAudioAnalysis's convention; librosa
 * would centre frames on 160 t with padding, see docs/feature-sets.md).
 */
public final class ShortTermGrid {
    public static final int RATE = 16_000;
    public static final int FRAME = 400;
    public static final int HOP = 160;

    private ShortTermGrid() {
    }

    /** Frames in {@code samples} samples: 0 below one frame, else 1 + (samples - 400) / 160. */
    public static int frames(long samples) {
        return samples < FRAME ? 0 : (int) ((samples - FRAME) / HOP + 1);
    }
}
