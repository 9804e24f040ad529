package io.emofuse.acoustic.shortterm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.emofuse.acoustic.FeatureExtractor;
import io.emofuse.acoustic.FeatureSets;
import io.emofuse.acoustic.Signals;
import io.emofuse.acoustic.audio.Audio;
import org.junit.jupiter.api.Test;

/**
 * mfcc, logmel and ser170 against a direct computation written here from the documented conventions:
 * O(n^2) DFT, Slaney mel formula, triangles, area normalisation, dB and DCT-II by their definitions.
 */
class LibrosaConventionsTest {
    private static final int FRAME = 400;
    private static final int HOP = 160;
    private static final int NFFT = 512;
    private static final int BANDS = 128;

    private static float[] signal() {
        return Signals.concat(Signals.vowelLike(180, 0.2, 11), Signals.noise(0.1, 0.3, 12));
    }

    /** Slaney mel of f Hz: 3 mels per 200 Hz below 1 kHz, 27 mels per factor 6.4 above. */
    private static double mel(double f) {
        return f < 1000 ? f / (200.0 / 3) : 15 + 27 * Math.log(f / 1000) / Math.log(6.4);
    }

    private static double hz(double m) {
        return m < 15 ? m * 200.0 / 3 : 1000 * Math.pow(6.4, (m - 15) / 27);
    }

    /** Direct mel band powers of frame t. */
    private static double[] melPower(float[] x, int t) {
        double[] power = new double[NFFT / 2 + 1];
        for (int k = 0; k <= NFFT / 2; k++) {
            double re = 0;
            double im = 0;
            for (int i = 0; i < FRAME; i++) {
                double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / FRAME);
                double v = w * x[t * HOP + i];
                re += v * Math.cos(2 * Math.PI * k * i / NFFT);
                im -= v * Math.sin(2 * Math.PI * k * i / NFFT);
            }
            power[k] = re * re + im * im;
        }
        double[] band = new double[BANDS];
        double top = mel(8000);
        for (int b = 0; b < BANDS; b++) {
            double lo = hz(top * b / (BANDS + 1));
            double mid = hz(top * (b + 1) / (BANDS + 1));
            double hi = hz(top * (b + 2) / (BANDS + 1));
            for (int k = 0; k <= NFFT / 2; k++) {
                double f = k * 16000.0 / NFFT;
                double tri = f <= lo || f >= hi ? 0 : f <= mid ? (f - lo) / (mid - lo) : (hi - f) / (hi - mid);
                band[b] += tri * 2 / (hi - lo) * power[k];
            }
        }
        return band;
    }

    private static double[] db(double[] p) {
        double[] d = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            d[i] = 10 * Math.log10(Math.max(1e-10, p[i]));
        }
        return d;
    }

    private static double dct(double[] x, int k) {
        double s = 0;
        for (int j = 0; j < x.length; j++) {
            s += x[j] * Math.cos(Math.PI * k * (j + 0.5) / x.length);
        }
        return s * Math.sqrt((k == 0 ? 1.0 : 2.0) / x.length);
    }

    @Test
    void logMelAndMfccEqualTheDirectComputation() {
        float[] x = signal();
        Audio a = Signals.audio(x, "mix");
        double[][] logmel = FeatureSets.create("logmel").lld(a);
        double[][] mfcc = FeatureSets.create("mfcc").lld(a);
        for (int t : new int[] {0, 7, 21, (x.length - FRAME) / HOP}) {
            double[] d = db(melPower(x, t));
            for (int b = 0; b < BANDS; b++) {
                assertEquals(d[b], logmel[t][b], 1e-7, "frame " + t + " band " + b);
            }
            for (int k = 0; k < 40; k++) {
                assertEquals(dct(d, k), mfcc[t][k], 1e-6, "frame " + t + " mfcc " + k);
            }
        }
    }

    @Test
    void ser170IsTheMeanOfMelPowerMfccZcrAndRms() {
        float[] x = signal();
        Audio a = Signals.audio(x, "mix");
        FeatureExtractor ser = FeatureSets.create("ser170");
        double[] v = ser.functionals(a);
        assertEquals(170, v.length);
        int frames = (x.length - FRAME) / HOP + 1;
        double[] mel = new double[BANDS];
        double[] mfcc = new double[40];
        double zcr = 0;
        double rms = 0;
        for (int t = 0; t < frames; t++) {
            double[] p = melPower(x, t);
            double[] d = db(p);
            for (int b = 0; b < BANDS; b++) {
                mel[b] += p[b] / frames;
            }
            for (int k = 0; k < 40; k++) {
                mfcc[k] += dct(d, k) / frames;
            }
            int changes = 0;
            double ss = 0;
            for (int i = 0; i < FRAME; i++) {
                double s = x[t * HOP + i];
                ss += s * s;
                if (i > 0 && (s < 0) != (x[t * HOP + i - 1] < 0)) {
                    changes++;
                }
            }
            zcr += changes / 400.0 / frames;
            rms += Math.sqrt(ss / FRAME) / frames;
        }
        for (int b = 0; b < BANDS; b++) {
            assertEquals(mel[b], v[b], 1e-9 * Math.max(1, mel[b]), "mel " + b);
        }
        for (int k = 0; k < 40; k++) {
            assertEquals(mfcc[k], v[BANDS + k], 1e-6, "mfcc " + k);
        }
        assertEquals(zcr, v[168], 1e-12);
        assertEquals(rms, v[169], 1e-12);
        double[] ser169 = FeatureSets.create("ser169").functionals(a);
        assertEquals(169, ser169.length);
        assertEquals(rms, ser169[168], 1e-12);
        double[] ser128 = FeatureSets.create("ser128").functionals(a);
        assertArrayEquals(java.util.Arrays.copyOf(v, BANDS), ser128, 0);
        assertEquals("zcr_mean", ser.functionalNames().get(168));
    }

    @Test
    void toneOfOneKilohertzHasKnownRmsZcrAndPeakBand() {
        // 25 whole cycles per frame: RMS is exactly A / sqrt 2; phase 0.3 puts sign changes at 16k/2pi*(k pi - 0.3)
        float[] x = new float[4000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * 1000 * i / 16000 + 0.3));
        }
        double[] row = FeatureSets.create("ser170").lld(Signals.audio(x, "tone"))[3];
        assertEquals(0.5 / Math.sqrt(2), row[169], 1e-6);
        assertEquals(49 / 400.0, row[168], 1e-12);
        int peak = 0;
        for (int b = 1; b < BANDS; b++) {
            peak = row[b] > row[peak] ? b : peak;
        }
        double top = mel(8000);
        double centre = hz(top * (peak + 1) / (BANDS + 1));
        double spacing = hz(top * (peak + 2) / (BANDS + 1)) - centre;
        assertEquals(1000, centre, spacing, "peak band centre " + centre);
    }

    @Test
    void functionalsAreMeanThenStddevOfEachLld() {
        float[] x = signal();
        Audio a = Signals.audio(x, "mix");
        FeatureExtractor ex = FeatureSets.create("mfcc");
        double[][] lld = ex.lld(a);
        double[] f = ex.functionals(a);
        assertEquals(80, f.length);
        assertEquals("mfcc_39_stddev", ex.functionalNames().get(79));
        for (int c : new int[] {0, 5, 39}) {
            double mean = 0;
            for (double[] r : lld) {
                mean += r[c] / lld.length;
            }
            double var = 0;
            for (double[] r : lld) {
                var += (r[c] - mean) * (r[c] - mean) / lld.length;
            }
            assertEquals(mean, f[c], 1e-9);
            assertEquals(Math.sqrt(var), f[40 + c], 1e-9);
        }
        assertEquals(256, FeatureSets.create("logmel").functionals(a).length);
    }
}
