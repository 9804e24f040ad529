package io.emofuse.acoustic.shortterm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.emofuse.acoustic.FeatureExtractor;
import io.emofuse.acoustic.FeatureSets;
import io.emofuse.acoustic.Signals;
import io.emofuse.acoustic.audio.Audio;
import org.junit.jupiter.api.Test;

/** pyAudioAnalysis's definitions: known answers on bin-aligned tones, MFCCs against a direct DFT. */
class PyaaFeaturesTest {
    private static final int N = 400;

    /** A tone with a whole number of cycles per 400-sample frame, so its DFT is one bin. */
    private static double[] tone(double hz, double amplitude, double phase) {
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = amplitude * Math.sin(2 * Math.PI * hz * i / 16000 + phase);
        }
        return x;
    }

    private static double[] analyze(PyaaAnalyzer a, double[] frame) {
        double[] out = new double[a.names().size()];
        a.analyze(frame, out);
        return out;
    }

    @Test
    void twoKilohertzToneHasKnownTimeAndSpectralValues() {
        double[] row = analyze(new PyaaAnalyzer(true), tone(2000, 0.5, 0.3));
        // sign changes at i = 4k - 0.38 for k = 1..99 inside the frame; pyAA divides by N - 1
        assertEquals(99.0 / 399, row[0], 1e-12, "zcr");
        assertEquals(0.125, row[1], 1e-12, "energy = A^2 / 2");
        assertEquals(Math.log(10) / Math.log(2), row[2], 1e-6, "ten equal 40-sample blocks");
        assertEquals(51 * 40.0 / 8000, row[3], 1e-6, "centroid on pyAA's (k + 1) axis");
        assertEquals(0, row[4], 1e-3, "spread");
        assertEquals(0, row[5], 1e-6, "spectral entropy of one bin");
        assertEquals(0, row[6], 0, "flux of the first frame");
        assertEquals(50 / 200.0, row[7], 0, "roll-off bin / 200");
    }

    @Test
    void fluxBetweenDisjointSingleBinSpectraIsTwo() {
        PyaaAnalyzer a = new PyaaAnalyzer(true);
        analyze(a, tone(1000, 0.5, 0));
        assertEquals(0, analyze(a, tone(1000, 0.2, 1))[6], 1e-9, "same shape, other level");
        // |X| / 200 of an amplitude-A bin-aligned tone is A (A N / 2 / 200); pyAA adds eps to each of the 200 bins
        double prev = 0.2 / (0.2 + 200e-8);
        double next = 0.5 / (0.5 + 200e-8);
        assertEquals(prev * prev + next * next, analyze(a, tone(2000, 0.5, 0))[6], 1e-9, "about 2");
        a.reset();
        assertEquals(0, analyze(a, tone(1000, 0.5, 0))[6], 0, "reset forgets the previous spectrum");
    }

    @Test
    void chromaKeepsPyaasLastBinWinsAssignment() {
        // bin 25 (1000 Hz) is alone in class round(12 log2(26 * 40 / 27.5)) = 63; C[63] is then divided by
        // the size of bin 63's class (78: bins 60..63, 4 of them) and folds to 63 mod 12 = 3 ("C")
        double[] row = analyze(new PyaaAnalyzer(true), tone(1000, 0.5, 0));
        for (int j = 0; j < 12; j++) {
            assertEquals(j == 3 ? 0.25 : 0, row[21 + j], 1e-6, "chroma " + j);
        }
        double mean = 0.25 / 12;
        assertEquals(Math.sqrt((0.25 * 0.25 + 11 * 0 - 12 * mean * mean) / 12 + 0), row[33], 1e-6);
        // bin 50 (2000 Hz) shares class 75 with bins 51 and 52, which overwrite it: chroma all but zero
        double[] two = analyze(new PyaaAnalyzer(true), tone(2000, 0.5, 0));
        for (int j = 0; j < 12; j++) {
            assertEquals(0, two[21 + j], 1e-6, "chroma " + j);
        }
    }

    @Test
    void mfccsEqualTheDirectComputation() {
        double[] x = new double[N];
        float[] noise = Signals.concat(Signals.vowelLike(170, 0.02, 5), Signals.noise(0.01, 0.2, 6));
        for (int i = 0; i < N; i++) {
            x[i] = noise[i];
        }
        double[] row = analyze(new PyaaAnalyzer(true), x);
        double[] mag = new double[200];
        for (int k = 0; k < 200; k++) {
            double re = 0;
            double im = 0;
            for (int i = 0; i < N; i++) {
                re += x[i] * Math.cos(2 * Math.PI * k * i / N);
                im -= x[i] * Math.sin(2 * Math.PI * k * i / N);
            }
            mag[k] = Math.hypot(re, im) / 200;
        }
        double[] edge = new double[42];
        for (int i = 0; i < 42; i++) {
            edge[i] = i < 13 ? 133.33 + i * 200.0 / 3 : (133.33 + 12 * 200.0 / 3) * Math.pow(1.0711703, i - 12);
        }
        double[] logBand = new double[40];
        for (int b = 0; b < 40; b++) {
            double s = 0;
            for (int k = 0; k < 200; k++) {
                double f = k * 16000.0 / 200; // pyAA's filter axis
                int kLo = (int) Math.floor(edge[b] * 200 / 16000) + 1;
                int kMid = (int) Math.floor(edge[b + 1] * 200 / 16000) + 1;
                int kHi = (int) Math.floor(edge[b + 2] * 200 / 16000) + 1;
                double h = 2 / (edge[b + 2] - edge[b]);
                double w = k >= kLo && k < kMid ? h * (f - edge[b]) / (edge[b + 1] - edge[b])
                        : k >= kMid && k < kHi ? h * (edge[b + 2] - f) / (edge[b + 2] - edge[b + 1]) : 0;
                s += w * mag[k];
            }
            logBand[b] = Math.log10(s + 1e-8);
        }
        for (int c = 0; c < 13; c++) {
            double s = 0;
            for (int j = 0; j < 40; j++) {
                s += logBand[j] * Math.cos(Math.PI * c * (j + 0.5) / 40);
            }
            s *= Math.sqrt((c == 0 ? 1.0 : 2.0) / 40);
            assertEquals(s, row[8 + c], 1e-9, "mfcc_" + (c + 1));
        }
    }

    @Test
    void setsHaveThePapersDimensions() {
        Audio a = Signals.audio(Signals.vowelLike(150, 0.5, 3), "v");
        FeatureExtractor pyaa = FeatureSets.create("pyaa");
        FeatureExtractor pyaaD = FeatureSets.create("pyaa_d");
        assertEquals(68, pyaa.functionals(a).length);
        assertEquals(136, pyaaD.functionals(a).length);
        assertEquals(34, pyaa.lldNames().size());
        double[][] lld = pyaaD.lld(a);
        for (int c = 0; c < 34; c++) {
            assertEquals(0, lld[0][34 + c], 0, "first delta is zero");
            assertEquals(lld[5][c] - lld[4][c], lld[5][34 + c], 0, "delta is the first difference");
        }
        double[] f = pyaa.functionals(a);
        double[][] base = pyaa.lld(a);
        double mean = 0;
        for (double[] r : base) {
            mean += r[1] / base.length;
        }
        double var = 0;
        for (double[] r : base) {
            var += (r[1] - mean) * (r[1] - mean) / base.length;
        }
        assertEquals(mean, f[1], 1e-12);
        assertEquals(var, f[34 + 1], 1e-12);
        assertEquals("energy_var", pyaa.functionalNames().get(35));
        double[] hsf = FeatureSets.create("pyaa_hsf").functionals(a);
        assertEquals(mean, hsf[1], 1e-12);
        assertEquals(Math.sqrt(var), hsf[34 + 1], 1e-12, "HSF: mean and standard deviation");
    }
}
