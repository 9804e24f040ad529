package io.emofuse.acoustic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Synthetic signals whose eGeMAPS values are known in advance. */
class GemapsKnownAnswerTest {
    private final FeatureExtractor egemaps = FeatureSets.create("egemaps");
    private final List<String> names = egemaps.functionalNames();

    private double f(double[] v, String name) {
        int i = names.indexOf(name);
        assertTrue(i >= 0, name);
        return v[i];
    }

    private static double semitones(double hz) {
        return 12 * Math.log(hz / 27.5) / Math.log(2);
    }

    @Test
    void toneOf220HzHasF0Of220Hz() {
        double[] v = egemaps.functionals(Signals.audio(Signals.tone(220, 2, 0.5), "tone"));
        assertEquals(semitones(220), f(v, "F0semitoneFrom27.5Hz_sma3nz_amean"), 0.1); // 36 st
        assertEquals(semitones(220), f(v, "F0semitoneFrom27.5Hz_sma3nz_percentile50.0"), 0.1);
        assertEquals(0, f(v, "alphaRatioUV_sma3nz_amean"), 0.0, "no unvoiced frame");
        assertEquals(0.5, f(v, "VoicedSegmentsPerSec"), 0.05, "one voiced segment over ~2 s");
    }

    @Test
    void tonesAnOctaveApartDifferByTwelveSemitones() {
        double lo = f(egemaps.functionals(Signals.audio(Signals.tone(150, 1, 0.3), "150")), "F0semitoneFrom27.5Hz_sma3nz_amean");
        double hi = f(egemaps.functionals(Signals.audio(Signals.tone(300, 1, 0.3), "300")), "F0semitoneFrom27.5Hz_sma3nz_amean");
        assertEquals(12, hi - lo, 0.2);
    }

    @Test
    void harmonicSignalF0FollowsItsFundamental() {
        double[][] lld = egemaps.lld(Signals.audio(Signals.vowelLike(120, 1.5, 5), "vowel"));
        int f0Col = egemaps.lldNames().indexOf("F0semitoneFrom27.5Hz_sma3nz");
        int voiced = 0;
        for (double[] row : lld) {
            if (row[f0Col] > 0) {
                voiced++;
                // vibrato of +-8 % around 120 Hz: within about 1.5 semitones of 120 Hz
                assertEquals(semitones(120), row[f0Col], 1.6);
            }
        }
        assertTrue(voiced > lld.length / 2, "most frames voiced: " + voiced + "/" + lld.length);
    }

    @Test
    void silenceHasNoVoicedFrameAndFloorLevels() {
        double[] v = egemaps.functionals(Signals.audio(new float[32000], "silence"));
        assertEquals(0, f(v, "F0semitoneFrom27.5Hz_sma3nz_amean"), 0.0);
        assertEquals(0, f(v, "VoicedSegmentsPerSec"), 0.0);
        assertEquals(-201, f(v, "F1amplitudeLogRelF0_sma3nz_amean"), 0.0, "unvoiced formant amplitudes stay at -201");
        assertEquals(-120, f(v, "equivalentSoundLevel_dBp"), 0.0, "LEq floor");
        assertTrue(f(v, "loudness_sma3_amean") < 0.01, "silence is quiet");
        // one unvoiced segment spanning the file, one frame short (openSMILE's convention)
        assertEquals(((32000 - 960) / 160 + 1 - 1 - 1) * 0.01, f(v, "MeanUnvoicedSegmentLength"), 1e-9);
    }

    @Test
    void whiteNoiseIsUnvoiced() {
        double[] v = egemaps.functionals(Signals.audio(Signals.noise(2, 0.3, 7), "noise"));
        assertEquals(0, f(v, "VoicedSegmentsPerSec"), 0.0);
        assertEquals(0, f(v, "HNRdBACF_sma3nz_amean"), 0.0);
        // flat spectrum: about as much energy 1-5 kHz as below 1 kHz x 4 -> alpha ratio ~ +6 dB
        assertEquals(10 * Math.log10(4), f(v, "alphaRatioUV_sma3nz_amean"), 1.0);
    }

    @Test
    void louderSignalHasHigherLoudnessAndSoundLevel() {
        double[] quiet = egemaps.functionals(Signals.audio(Signals.vowelLike(150, 1, 3), "q"));
        float[] x = Signals.vowelLike(150, 1, 3);
        for (int i = 0; i < x.length; i++) {
            x[i] *= 2;
        }
        double[] loud = egemaps.functionals(Signals.audio(x, "l"));
        assertTrue(f(loud, "loudness_sma3_amean") > f(quiet, "loudness_sma3_amean"));
        // LEq is a mean-square level: doubling the amplitude adds 6.02 dB
        assertEquals(20 * Math.log10(2), f(loud, "equivalentSoundLevel_dBp") - f(quiet, "equivalentSoundLevel_dBp"), 1e-3);
    }

    @Test
    void hsf2SilenceRatioCountsQuietFrames() {
        FeatureExtractor hsf2 = FeatureSets.create("hsf2");
        float[] x = Signals.concat(new float[16000], Signals.tone(200, 1, 0.5));
        double[] v = hsf2.functionals(Signals.audio(x, "half"));
        assertEquals("silenceRatio", hsf2.functionalNames().get(hsf2.functionalNames().size() - 1));
        assertEquals(0.5, v[v.length - 1], 0.02);
        FeatureExtractor hsf1 = FeatureSets.create("hsf1");
        assertEquals(2 * hsf1.lldNames().size(), hsf1.functionalNames().size());
    }

    @Test
    void hsf1IsMeanAndStddevOfTheLlds() {
        FeatureExtractor hsf1 = FeatureSets.create("hsf1");
        var a = Signals.audio(Signals.vowelLike(170, 1.2, 11), "v");
        double[][] lld = hsf1.lld(a);
        double[] v = hsf1.functionals(a);
        for (int c = 0; c < lld[0].length; c++) {
            double m = 0;
            for (double[] r : lld) {
                m += r[c];
            }
            m /= lld.length;
            double s = 0;
            for (double[] r : lld) {
                s += (r[c] - m) * (r[c] - m);
            }
            assertEquals(m, v[2 * c], 1e-6 * Math.max(1, Math.abs(m)), hsf1.functionalNames().get(2 * c));
            assertEquals(Math.sqrt(s / lld.length), v[2 * c + 1], 1e-5 * Math.max(1, Math.abs(m)));
        }
    }

    @Test
    void featureSetsKnowTheirIds() {
        assertEquals(List.of("egemaps", "gemaps", "hsf1", "hsf2", "mfcc", "logmel", "pyaa", "pyaa_d", "ser170", "ser169",
                "ser128", "rnn31", "pyaa_hsf", "pyaa_d_hsf", "ser170_hsf", "ser169_hsf"), FeatureSets.ids());
        for (String id : FeatureSets.ids()) {
            assertEquals(id, FeatureSets.create(id).id());
        }
        assertEquals(88, FeatureSets.create("egemaps").functionalNames().size());
        assertEquals(62, FeatureSets.create("gemaps").functionalNames().size());
        assertEquals(25, FeatureSets.create("egemaps").lldNames().size());
        assertEquals(18, FeatureSets.create("gemaps").lldNames().size());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> FeatureSets.create("mfcc13"));
        assertTrue(e.getMessage().contains("mfcc13"));
        int[] functionals = {80, 256, 68, 136, 170, 169, 128, 62, 68, 136, 340, 338};
        List<String> shortTerm = FeatureSets.ids().subList(4, FeatureSets.ids().size());
        for (int i = 0; i < shortTerm.size(); i++) {
            assertEquals(functionals[i], FeatureSets.create(shortTerm.get(i)).functionalNames().size(), shortTerm.get(i));
        }
    }
}
