package io.emofuse.acoustic.shortterm;

import java.util.ArrayList;
import java.util.List;

/**
 * The RNN paper's 31 features (docs/feature-sets.md, "rnn31"; the paper only names the groups):
 * pyAudioAnalysis's 3 time-domain, 5 spectral and 13 MFCC features, then 5 F0 features from a
 * normalised cross-correlation pitch estimate (80-500 Hz) and the levels of harmonics 1-5.
 * Unvoiced frames carry 0 in every F0 and harmonic column except the voicing strength.
 */
public final class Rnn31Analyzer implements FrameAnalyzer {
    public static final double MIN_F0 = 80;
    public static final double MAX_F0 = 500;
    /** Normalised cross-correlation peak above which a frame counts as voiced. */
    public static final double VOICING_THRESHOLD = 0.6;
    public static final int HARMONICS = 5;
    private static final int MIN_LAG = (int) Math.floor(ShortTermGrid.RATE / MAX_F0);
    private static final int MAX_LAG = (int) Math.ceil(ShortTermGrid.RATE / MIN_F0);

    private final PyaaAnalyzer pyaa = new PyaaAnalyzer(false);
    private final List<String> names;
    private final double[] window = Windows.periodicHann(ShortTermGrid.FRAME);
    private final double[] centred = new double[ShortTermGrid.FRAME];
    private final double[] ncc = new double[MAX_LAG + 2];
    private double previousF0;

    public Rnn31Analyzer() {
        List<String> n = new ArrayList<>(pyaa.names());
        n.addAll(List.of("f0_hz", "f0_semitones", "f0_delta", "voicing", "voiced"));
        for (int h = 1; h <= HARMONICS; h++) {
            n.add("harmonic_" + h + "_db");
        }
        names = List.copyOf(n);
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public void analyze(double[] frame, double[] out) {
        pyaa.analyze(frame, out);
        int off = PyaaAnalyzer.BASE_FEATURES;
        double voicing = pitch(frame);
        double f0 = voicing >= VOICING_THRESHOLD ? refinedF0 : 0;
        out[off] = f0;
        out[off + 1] = f0 > 0 ? 12 * Math.log(f0 / 27.5) / Math.log(2) : 0;
        out[off + 2] = f0 > 0 && previousF0 > 0 ? f0 - previousF0 : 0;
        out[off + 3] = Math.max(0, voicing);
        out[off + 4] = f0 > 0 ? 1 : 0;
        for (int h = 1; h <= HARMONICS; h++) {
            out[off + 4 + h] = f0 > 0 ? harmonicLevelDb(h * f0) : 0;
        }
        previousF0 = f0;
    }

    private double refinedF0;

    /** Peak normalised cross-correlation over lags 32..200; sets {@link #refinedF0} from the parabola-refined lag. */
    private double pitch(double[] x) {
        int n = ShortTermGrid.FRAME;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += x[i];
        }
        mean /= n;
        for (int i = 0; i < n; i++) {
            centred[i] = x[i] - mean;
        }
        for (int lag = MIN_LAG - 1; lag <= MAX_LAG + 1; lag++) {
            double xy = 0;
            double xx = 0;
            double yy = 0;
            for (int i = 0; i + lag < n; i++) {
                xy += centred[i] * centred[i + lag];
                xx += centred[i] * centred[i];
                yy += centred[i + lag] * centred[i + lag];
            }
            ncc[lag] = xx * yy > 0 ? xy / Math.sqrt(xx * yy) : 0;
        }
        // the first local maximum within 90% of the global one avoids octave errors at sub-multiples
        double best = -1;
        for (int lag = MIN_LAG; lag <= MAX_LAG; lag++) {
            best = Math.max(best, ncc[lag]);
        }
        int chosen = -1;
        for (int lag = MIN_LAG; lag <= MAX_LAG; lag++) {
            if (ncc[lag] >= ncc[lag - 1] && ncc[lag] >= ncc[lag + 1] && ncc[lag] >= 0.9 * best) {
                chosen = lag;
                break;
            }
        }
        if (chosen < 0 || best <= 0) {
            refinedF0 = 0;
            return Math.max(best, 0);
        }
        double a = ncc[chosen - 1];
        double b = ncc[chosen];
        double c = ncc[chosen + 1];
        double den = a - 2 * b + c;
        double shift = den < 0 ? 0.5 * (a - c) / den : 0;
        refinedF0 = ShortTermGrid.RATE / (chosen + shift);
        return ncc[chosen];
    }

    /** 20 log10 of the amplitude of the sinusoid at {@code hz} (Hann-weighted single-frequency DFT), floored at -100 dB. */
    private double harmonicLevelDb(double hz) {
        if (hz >= ShortTermGrid.RATE / 2.0) {
            return -100;
        }
        double re = 0;
        double im = 0;
        double wsum = 0;
        double step = 2 * Math.PI * hz / ShortTermGrid.RATE;
        for (int i = 0; i < ShortTermGrid.FRAME; i++) {
            double v = centred[i] * window[i];
            re += v * Math.cos(step * i);
            im -= v * Math.sin(step * i);
            wsum += window[i];
        }
        double amplitude = 2 * Math.hypot(re, im) / wsum;
        return Math.max(-100, 20 * Math.log10(Math.max(amplitude, 1e-300)));
    }

    @Override
    public void reset() {
        pyaa.reset();
        previousF0 = 0;
    }
}
