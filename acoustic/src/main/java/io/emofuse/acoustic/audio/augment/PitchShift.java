package io.emofuse.acoustic.audio.augment;

import io.emofuse.acoustic.audio.Audio;
import java.util.Arrays;

/**
 * Pitch perturbation that keeps the duration: speed perturbation by p = 2^(semitones / 12) (all
 * frequencies times p, duration / p) followed by a WSOLA time-stretch back to the original length
 * (duration times p, frequencies kept). Formants move with the pitch, as with resampling-based methods.
 */
public final class PitchShift {
    private PitchShift() {
    }

    public static Audio apply(Audio audio, double semitones) {
        double p = Math.pow(2, semitones / 12);
        Audio faster = SpeedPerturbation.apply(audio, p);
        float[] stretched = TimeStretch.wsola(faster.samples(), audio.sampleRate(), p);
        float[] y = Arrays.copyOf(stretched, audio.samples().length);
        return new Audio(y, audio.sampleRate(), audio.source() + String.format(java.util.Locale.ROOT, "+pitch%+.2fst", semitones));
    }
}
