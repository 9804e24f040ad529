package io.emofuse.acoustic.shortterm;

import java.util.ArrayList;
import java.util.List;

/**
 * The 34 short-term features of pyAudioAnalysis's ShortTermFeatures.feature_extraction on a 400-sample
 * frame (docs/feature-sets.md, "pyaa"): rectangular window, |DFT_400| of bins 0..199 divided by 200,
 * its quirks kept (mel-like filterbank on a frequency axis twice the true one, chroma by last-bin-wins
 * assignment). {@code withChroma = false} gives the first 21 (used by rnn31).
 */
public final class PyaaAnalyzer implements FrameAnalyzer {
    /** pyAudioAnalysis's eps. */
    static final double EPS = 1e-8;
    static final int N = ShortTermGrid.FRAME;
    /** pyAudioAnalysis's num_fft: half the window, so bin 200 (Nyquist) is dropped. */
    static final int BINS = N / 2;
    static final int SHORT_BLOCKS = 10;
    static final int MFCCS = 13;
    static final int FILTERS = 40;
    static final String[] CHROMA = {"A", "A#", "B", "C", "C#", "D", "D#", "E", "F", "F#", "G", "G#"};
    public static final int BASE_FEATURES = 21;
    public static final int ALL_FEATURES = 34;

    private final boolean withChroma;
    private final List<String> names;
    private final RealDft dft = new RealDft(N);
    private final double[] power = new double[N / 2 + 1];
    private final double[] mag = new double[BINS];
    private final double[] prevMag = new double[BINS];
    private final double[] bandLog = new double[FILTERS];
    private final double[][] fbank = filterbank();
    private final Dct2 dct = new Dct2(FILTERS, MFCCS);
    private final int[] chromaOf = new int[BINS];
    private final int[] binsInChroma = new int[BINS];
    private boolean hasPrev;

    public PyaaAnalyzer(boolean withChroma) {
        this.withChroma = withChroma;
        List<String> n = new ArrayList<>(List.of("zcr", "energy", "energy_entropy", "spectral_centroid",
                "spectral_spread", "spectral_entropy", "spectral_flux", "spectral_rolloff"));
        for (int i = 1; i <= MFCCS; i++) {
            n.add("mfcc_" + i);
        }
        if (withChroma) {
            for (String c : CHROMA) {
                n.add("chroma_" + c);
            }
            n.add("chroma_std");
        }
        names = List.copyOf(n);
        // chroma_features_init: class round(12 log2(f / 27.5)) of bin k at f = (k + 1) * rate / (2 * BINS)
        for (int k = 0; k < BINS; k++) {
            double f = (k + 1) * ShortTermGrid.RATE / (2.0 * BINS);
            chromaOf[k] = (int) Math.rint(12 * Math.log(f / 27.5) / Math.log(2));
        }
        for (int k = 0; k < BINS; k++) {
            for (int j = 0; j < BINS; j++) {
                if (chromaOf[j] == chromaOf[k]) {
                    binsInChroma[k]++;
                }
            }
        }
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public void analyze(double[] x, double[] out) {
        out[0] = zeroCrossingRate(x);
        double energy = 0;
        for (int i = 0; i < N; i++) {
            energy += x[i] * x[i];
        }
        out[1] = energy / N;
        out[2] = blockEntropy(x, N);
        dft.power(x, N, power);
        for (int k = 0; k < BINS; k++) {
            mag[k] = Math.sqrt(power[k]) / BINS;
        }
        if (!hasPrev) {
            System.arraycopy(mag, 0, prevMag, 0, BINS);
            hasPrev = true;
        }
        centroidSpread(out);
        out[5] = blockEntropy(mag, BINS);
        out[6] = flux();
        out[7] = rolloff(0.90);
        mfcc(out, 8);
        if (withChroma) {
            chroma(out, 8 + MFCCS);
        }
        System.arraycopy(mag, 0, prevMag, 0, BINS);
    }

    /** sum |diff(sign(x))| / 2 / (N - 1), numpy's sign (0 for exact zeros). */
    static double zeroCrossingRate(double[] x) {
        double count = 0;
        for (int i = 1; i < N; i++) {
            count += Math.abs(Math.signum(x[i]) - Math.signum(x[i - 1]));
        }
        return count / 2 / (N - 1);
    }

    /** Entropy (bits) of the energy shares of 10 equal consecutive blocks; energy_entropy and spectral_entropy. */
    static double blockEntropy(double[] v, int len) {
        double total = 0;
        for (int i = 0; i < len; i++) {
            total += v[i] * v[i];
        }
        int block = len / SHORT_BLOCKS;
        double h = 0;
        for (int b = 0; b < SHORT_BLOCKS; b++) {
            double e = 0;
            for (int i = b * block; i < (b + 1) * block; i++) {
                e += v[i] * v[i];
            }
            double s = e / (total + EPS);
            h -= s * Math.log(s + EPS) / Math.log(2);
        }
        return h;
    }

    private void centroidSpread(double[] out) {
        double max = 0;
        for (double m : mag) {
            max = Math.max(max, m);
        }
        double scale = max == 0 ? EPS : max;
        double num = 0;
        double den = 0;
        for (int k = 0; k < BINS; k++) {
            double ind = (k + 1) * ShortTermGrid.RATE / (2.0 * BINS);
            num += ind * mag[k] / scale;
            den += mag[k] / scale;
        }
        den += EPS;
        double centroid = num / den;
        double spread = 0;
        for (int k = 0; k < BINS; k++) {
            double d = (k + 1) * ShortTermGrid.RATE / (2.0 * BINS) - centroid;
            spread += d * d * mag[k] / scale;
        }
        double nyquist = ShortTermGrid.RATE / 2.0;
        out[3] = centroid / nyquist;
        out[4] = Math.sqrt(spread / den) / nyquist;
    }

    private double flux() {
        double sum = 0;
        double prevSum = 0;
        for (int k = 0; k < BINS; k++) {
            sum += mag[k] + EPS;
            prevSum += prevMag[k] + EPS;
        }
        double f = 0;
        for (int k = 0; k < BINS; k++) {
            double d = mag[k] / sum - prevMag[k] / prevSum;
            f += d * d;
        }
        return f;
    }

    private double rolloff(double c) {
        double energy = 0;
        for (double m : mag) {
            energy += m * m;
        }
        double cum = 0;
        for (int k = 0; k < BINS; k++) {
            cum += mag[k] * mag[k];
            if (cum + EPS > c * energy) {
                return k / (double) BINS;
            }
        }
        return 0;
    }

    private void mfcc(double[] out, int off) {
        for (int b = 0; b < FILTERS; b++) {
            double s = 0;
            for (int k = 0; k < BINS; k++) {
                s += mag[k] * fbank[b][k];
            }
            bandLog[b] = Math.log10(s + EPS);
        }
        dct.apply(bandLog, out, off);
    }

    /**
     * mfcc_filter_banks(rate, num_fft = 200): 13 linear filters from 133.33 Hz every 66.67 Hz then 27
     * log-spaced (factor 1.0711703), triangles of area 1 evaluated at k * rate / 200, i.e. at twice
     * bin k's true frequency k * rate / 400: pyAudioAnalysis's own axis, kept for parity.
     */
    static double[][] filterbank() {
        int lin = 13;
        double[] f = new double[FILTERS + 2];
        for (int i = 0; i < lin; i++) {
            f[i] = 133.33 + i * 200.0 / 3;
        }
        for (int i = lin; i < f.length; i++) {
            f[i] = f[lin - 1] * Math.pow(1.0711703, i - lin + 1);
        }
        double[][] fb = new double[FILTERS][BINS];
        double rate = ShortTermGrid.RATE;
        for (int i = 0; i < FILTERS; i++) {
            double lo = f[i];
            double ce = f[i + 1];
            double hi = f[i + 2];
            double height = 2.0 / (hi - lo);
            for (int k = (int) Math.floor(lo * BINS / rate) + 1; k < Math.floor(ce * BINS / rate) + 1; k++) {
                fb[i][k] = height / (ce - lo) * (k * rate / BINS - lo);
            }
            for (int k = (int) Math.floor(ce * BINS / rate) + 1; k < Math.floor(hi * BINS / rate) + 1; k++) {
                fb[i][k] = height / (hi - ce) * (hi - k * rate / BINS);
            }
        }
        return fb;
    }

    /**
     * chroma_features with numpy semantics: C[chroma(k)] = spec[k] keeps the LAST bin k of each class,
     * then C[i] /= binsInChroma[chroma(i)], folded mod 12 and divided by the total spectral power.
     */
    private void chroma(double[] out, int off) {
        double[] c = new double[BINS];
        double specSum = 0;
        for (int k = 0; k < BINS; k++) {
            double spec = mag[k] * mag[k];
            c[chromaOf[k]] = spec;
            specSum += spec;
        }
        double[] fold = new double[12];
        for (int i = 0; i < BINS; i++) {
            fold[i % 12] += c[i] / binsInChroma[chromaOf[i]];
        }
        double div = specSum == 0 ? EPS : specSum;
        double mean = 0;
        for (int j = 0; j < 12; j++) {
            out[off + j] = fold[j] / div;
            mean += out[off + j];
        }
        mean /= 12;
        double var = 0;
        for (int j = 0; j < 12; j++) {
            var += (out[off + j] - mean) * (out[off + j] - mean);
        }
        out[off + 12] = Math.sqrt(var / 12);
    }

    @Override
    public void reset() {
        hasPrev = false;
    }
}
