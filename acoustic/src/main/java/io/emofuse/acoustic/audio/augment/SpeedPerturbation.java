package io.emofuse.acoustic.audio.augment;

import io.emofuse.acoustic.audio.Audio;
import io.emofuse.acoustic.audio.Resampler;

/**
 * Kaldi-style speed perturbation: the utterance is played {@code factor} times faster, so duration
 * divides and every frequency (pitch and formants) multiplies by the factor. Done by band-limited
 * resampling from rate * factor Hz, rounded to a multiple of 10 Hz, to rate Hz: the factor is realised
 * to within 5 Hz / rate (0.03% at 16 kHz), and the two rates keep a common divisor of at least 10,
 * which bounds the resampler's phase count (an arbitrary rate pair would make it recompute taps per sample).
 */
public final class SpeedPerturbation {
    private SpeedPerturbation() {
    }

    public static Audio apply(Audio audio, double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("speed factor must be positive: " + factor);
        }
        int rate = audio.sampleRate();
        int step = rate % 10 == 0 ? 10 : 1;
        int from = (int) Math.round(rate * factor / step) * step;
        float[] y = Resampler.resample(audio.samples(), from, rate);
        return new Audio(y, rate, audio.source() + String.format(java.util.Locale.ROOT, "+speed%.3f", factor));
    }
}
