package io.emofuse.acoustic.audio;

import io.emofuse.testsupport.WavBytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.emofuse.acoustic.Signals;
import io.emofuse.acoustic.audio.augment.AdditiveNoise;
import io.emofuse.acoustic.audio.augment.Augmentation;
import io.emofuse.acoustic.audio.augment.PitchShift;
import io.emofuse.acoustic.audio.augment.SpeedPerturbation;
import io.emofuse.acoustic.audio.augment.TimeStretch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Augmentations (io.emofuse.acoustic.audio.augment) and trimming against known answers: measured SNR, duration ratios, measured frequencies. */
class AugmentationTest {

    private static Audio speech() {
        return Signals.audio(Signals.vowelLike(160, 1.0, 7), "utt.wav");
    }

    /** Frequency of a tone from its rising zero crossings (linearly interpolated) over the middle 80%. */
    private static double dominantHz(float[] x) {
        double first = -1;
        double last = -1;
        int count = 0;
        for (int i = x.length / 10; i < x.length * 9 / 10; i++) {
            if (x[i - 1] < 0 && x[i] >= 0) {
                double t = i - 1 + x[i - 1] / (double) (x[i - 1] - x[i]);
                if (first < 0) {
                    first = t;
                }
                last = t;
                count++;
            }
        }
        return (count - 1) * 16000.0 / (last - first);
    }

    private static double rmsDb(float[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += x[i] * (double) x[i];
        }
        return 10 * Math.log10(s / (to - from));
    }

    /** SNR computed here from the definition: residual against the clean signal. */
    private static double measuredSnr(float[] clean, float[] noisy) {
        double s = 0;
        double n = 0;
        for (int i = 0; i < clean.length; i++) {
            s += clean[i] * (double) clean[i];
            n += (noisy[i] - (double) clean[i]) * (noisy[i] - (double) clean[i]);
        }
        return 10 * Math.log10(s / n);
    }

    @Test
    void whiteNoiseHitsTheTargetSnrAndIsSeeded() {
        Audio clean = speech();
        for (double snr : new double[] {-5, 0, 10, 20, 40}) {
            Audio noisy = AdditiveNoise.white(clean, snr, 1);
            assertEquals(snr, measuredSnr(clean.samples(), noisy.samples()), 0.1, "target " + snr);
            assertEquals(snr, AdditiveNoise.snrDb(clean.samples(), noisy.samples()), 0.1);
        }
        assertArrayEquals(AdditiveNoise.white(clean, 10, 3).samples(), AdditiveNoise.white(clean, 10, 3).samples());
        assertFalse(Arrays.equals(AdditiveNoise.white(clean, 10, 3).samples(), AdditiveNoise.white(clean, 10, 4).samples()));
        Audio silent = Signals.audio(new float[1000], "silent");
        assertArrayEquals(silent.samples(), AdditiveNoise.white(silent, 10, 1).samples(), "no SNR for silence");
    }

    @Test
    void noiseFileIsLoopedAndResampledAndHitsTheSnr(@TempDir Path dir) throws Exception {
        // 0.3 s of 8 kHz noise for a 1 s utterance at 16 kHz: resampled, then looped about 3.3 times
        double[][] pcm = new double[2400][1];
        java.util.Random r = new java.util.Random(5);
        for (double[] frame : pcm) {
            frame[0] = r.nextGaussian() * 0.1;
        }
        Path wav = dir.resolve("babble.wav");
        Files.write(wav, WavBytes.create().fmt(1, 1, 8000, 16).data(WavBytes.pcm(pcm, 16)).bytes());
        Audio clean = speech();
        Audio noisy = AdditiveNoise.fromWav(clean, wav, 5, 9);
        assertEquals(clean.samples().length, noisy.samples().length);
        assertEquals(5, measuredSnr(clean.samples(), noisy.samples()), 0.1);
        float[] residual = new float[clean.samples().length];
        for (int i = 0; i < residual.length; i++) {
            residual[i] = noisy.samples()[i] - clean.samples()[i];
        }
        for (int i = 0; i + 4800 < residual.length; i += 997) {
            assertEquals(residual[i], residual[i + 4800], 1e-4, "loop period is the resampled file length");
        }
        assertArrayEquals(noisy.samples(), AdditiveNoise.fromWav(clean, wav, 5, 9).samples());
    }

    @Test
    void speedFactorDividesDurationAndMultipliesFrequency() {
        Audio tone = Signals.audio(Signals.tone(300, 2.0, 0.5), "tone");
        for (double factor : new double[] {0.9, 1.1, 1.25}) {
            Audio fast = SpeedPerturbation.apply(tone, factor);
            assertEquals(tone.durationSeconds() / factor, fast.durationSeconds(), 1.0 / 16000 + 1e-9, "factor " + factor);
            assertEquals(16000, fast.sampleRate());
            assertEquals(300 * factor, dominantHz(fast.samples()), 1.0, "factor " + factor);
        }
    }

    @Test
    void pitchShiftMovesFrequencyAndKeepsDuration() {
        Audio tone = Signals.audio(Signals.tone(200, 1.5, 0.5), "tone");
        for (double st : new double[] {-2, 3, 12}) {
            Audio shifted = PitchShift.apply(tone, st);
            int n = tone.samples().length;
            assertEquals(n, shifted.samples().length, "duration kept");
            assertEquals(rmsDb(tone.samples(), 0, n), rmsDb(shifted.samples(), n * 3 / 4, n * 19 / 20), 1.0,
                    "signal to the end, not padding");
            double expected = 200 * Math.pow(2, st / 12);
            assertEquals(expected, dominantHz(shifted.samples()), 0.01 * expected, st + " semitones");
        }
    }

    @Test
    void timeStretchChangesDurationAndKeepsFrequency() {
        float[] x = Signals.tone(250, 1.0, 0.5);
        for (double d : new double[] {0.8, 1.25}) {
            float[] y = TimeStretch.wsola(x, 16000, d);
            assertEquals(Math.round(x.length * d), y.length);
            assertEquals(250, dominantHz(y), 1.0, "factor " + d);
        }
    }

    @Test
    void recipeAppliesSpeedPitchAndNoiseDeterministically() throws Exception {
        Audio clean = speech();
        Augmentation recipe = new Augmentation(1.1, 1, 15, null);
        Audio a = recipe.apply(clean, 42);
        assertArrayEquals(a.samples(), recipe.apply(clean, 42).samples());
        assertEquals(Math.round(16000 / 1.1), a.samples().length, 1);
        assertSame(clean, Augmentation.NONE.apply(clean, 1));
    }

    @Test
    void firstSecondsTrimsToRoundedSampleCount() {
        Audio a = Signals.audio(Signals.noise(2.0, 0.1, 1), "utt");
        Audio head = a.firstSeconds(0.7);
        assertEquals(11200, head.samples().length);
        assertArrayEquals(Arrays.copyOf(a.samples(), 11200), head.samples());
        assertEquals("utt", head.source());
        assertSame(a, a.firstSeconds(2.5), "shorter utterances stay whole");
        assertEquals(0, a.firstSeconds(0).samples().length);
    }
}
