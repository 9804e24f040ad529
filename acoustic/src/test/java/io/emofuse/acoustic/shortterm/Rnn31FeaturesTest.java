package io.emofuse.acoustic.shortterm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emofuse.acoustic.FeatureExtractor;
import io.emofuse.acoustic.FeatureSets;
import io.emofuse.acoustic.Signals;
import org.junit.jupiter.api.Test;

/** rnn31's F0 and harmonic columns on signals with known pitch and harmonic amplitudes. */
class Rnn31FeaturesTest {
    private static final int F0 = 21;

    /** Harmonics 1..12 of f0 with amplitude 0.2 / h. */
    private static float[] harmonicComplex(double f0, double seconds) {
        float[] x = new float[(int) (seconds * 16000)];
        for (int i = 0; i < x.length; i++) {
            double v = 0;
            for (int h = 1; h <= 12 && h * f0 < 8000; h++) {
                v += 0.2 / h * Math.sin(2 * Math.PI * h * f0 * i / 16000 + 0.1 * h);
            }
            x[i] = (float) v;
        }
        return x;
    }

    @Test
    void harmonicComplexGivesItsF0AndHarmonicLevels() {
        FeatureExtractor ex = FeatureSets.create("rnn31");
        assertEquals(31, ex.lldNames().size());
        assertEquals(62, ex.functionals(Signals.audio(harmonicComplex(150, 0.3), "h")).length);
        for (double f0 : new double[] {110, 150, 230, 400}) {
            double[][] lld = ex.lld(Signals.audio(harmonicComplex(f0, 0.3), "h" + f0));
            double[] row = lld[lld.length / 2];
            assertEquals(f0, row[F0], 0.01 * f0, "f0 " + f0);
            assertEquals(12 * Math.log(row[F0] / 27.5) / Math.log(2), row[F0 + 1], 1e-9, "semitones re 27.5 Hz");
            assertEquals(0, row[F0 + 2], 0.01 * f0, "steady pitch");
            assertTrue(row[F0 + 3] > 0.9, "voicing " + row[F0 + 3]);
            assertEquals(1, row[F0 + 4], 0);
            for (int h = 1; h <= 5 && f0 >= 150; h++) {
                assertEquals(20 * Math.log10(0.2 / h), row[F0 + 4 + h], 0.5, "harmonic " + h + " of " + f0);
            }
        }
    }

    @Test
    void pureToneLevelIsItsAmplitudeInDb() {
        float[] x = Signals.tone(200, 0.2, 0.5);
        double[] row = FeatureSets.create("rnn31").lld(Signals.audio(x, "tone"))[4];
        assertEquals(200, row[F0], 0.5);
        assertEquals(20 * Math.log10(0.5), row[F0 + 5], 0.05);
        assertTrue(row[F0 + 6] < -40, "no second harmonic: " + row[F0 + 6]);
    }

    @Test
    void noiseAndSilenceAreUnvoicedWithZeroF0Columns() {
        for (float[] x : new float[][] {Signals.noise(0.3, 0.3, 8), new float[4800]}) {
            double[][] lld = FeatureSets.create("rnn31").lld(Signals.audio(x, "n"));
            int voiced = 0;
            for (double[] row : lld) {
                if (row[F0 + 4] == 1) {
                    voiced++;
                } else {
                    assertEquals(0, row[F0], 0);
                    assertEquals(0, row[F0 + 5], 0);
                }
            }
            assertTrue(voiced <= lld.length / 10, voiced + " of " + lld.length + " noise frames voiced");
        }
    }
}
