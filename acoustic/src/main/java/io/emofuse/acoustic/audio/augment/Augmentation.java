package io.emofuse.acoustic.audio.augment;

import io.emofuse.acoustic.audio.Audio;
import io.emofuse.acoustic.audio.AudioFormatException;
import java.nio.file.Path;

/**
 * One training-time augmentation recipe, applied speed, then pitch, then noise. Training only:
 * evaluation audio stays clean unless a config asks for "train clean, test noisy".
 *
 * @param speed      speed factor (1 = unchanged)
 * @param semitones  pitch shift in semitones, duration kept (0 = unchanged)
 * @param snrDb      target SNR of the added noise in dB; {@code Double.NaN} adds none
 * @param noiseWav   noise recording, looped; null for white Gaussian noise
 */
public record Augmentation(double speed, double semitones, double snrDb, Path noiseWav) {
    public static final Augmentation NONE = new Augmentation(1, 0, Double.NaN, null);

    public static Augmentation noise(double snrDb) {
        return new Augmentation(1, 0, snrDb, null);
    }

    /** The augmented utterance; {@code seed} picks the noise draw (or the noise file's start). */
    public Audio apply(Audio audio, long seed) throws AudioFormatException {
        Audio a = audio;
        if (speed != 1) {
            a = SpeedPerturbation.apply(a, speed);
        }
        if (semitones != 0) {
            a = PitchShift.apply(a, semitones);
        }
        if (!Double.isNaN(snrDb)) {
            a = noiseWav == null ? AdditiveNoise.white(a, snrDb, seed) : AdditiveNoise.fromWav(a, noiseWav, snrDb, seed);
        }
        return a;
    }
}
