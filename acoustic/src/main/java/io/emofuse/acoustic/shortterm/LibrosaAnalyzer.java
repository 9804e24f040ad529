package io.emofuse.acoustic.shortterm;

import java.util.ArrayList;
import java.util.List;

/**
 * librosa-style frame descriptors (docs/feature-sets.md, "mfcc, logmel, ser170"): periodic Hann window
 * of 400 samples, 512-point FFT, power spectrum, 128 Slaney mel bands with Slaney area normalisation
 * (0..8 kHz), dB = 10 log10(max(1e-10, mel power)) without librosa's utterance-relative top_db clip,
 * MFCCs = orthonormal DCT-II of the 128 dB bands; plus librosa's time-domain ZCR and RMS on the raw frame.
 */
public final class LibrosaAnalyzer implements FrameAnalyzer {
    public static final int FFT_SIZE = 512;
    public static final int MEL_BANDS = 128;
    public static final int MFCCS = 40;
    /** librosa's amin in power_to_db. */
    public static final double POWER_FLOOR = 1e-10;
    /** librosa.zero_crossings: |x| at or below this counts as zero (and zero counts as positive). */
    public static final double ZERO_THRESHOLD = 1e-10;

    /** The column blocks a set may ask for, in the order given. */
    public enum Block {
        /** 128 log-mel bands in dB. */
        LOG_MEL("logmel_", MEL_BANDS),
        /** 128 mel band powers (librosa.feature.melspectrogram, no log). */
        MEL_POWER("mel_", MEL_BANDS),
        /** 40 MFCCs, mfcc_0 being the DCT's zeroth (mean level) coefficient. */
        MFCC("mfcc_", MFCCS),
        /** Sign changes between neighbouring samples divided by the frame length. */
        ZCR("zcr", 1),
        /** sqrt(mean(x^2)) of the raw frame. */
        RMS("rms", 1);

        private final String prefix;
        private final int width;

        Block(String prefix, int width) {
            this.prefix = prefix;
            this.width = width;
        }
    }

    private final List<Block> blocks;
    private final List<String> names;
    private final RealDft dft = new RealDft(FFT_SIZE);
    private final MelFilterbank mel = new MelFilterbank(MEL_BANDS, FFT_SIZE, ShortTermGrid.RATE, 0,
            ShortTermGrid.RATE / 2.0, MelFilterbank.Scale.SLANEY, true);
    private final Dct2 dct = new Dct2(MEL_BANDS, MFCCS);
    private final double[] window = Windows.periodicHann(ShortTermGrid.FRAME);
    private final double[] windowed = new double[ShortTermGrid.FRAME];
    private final double[] power = new double[FFT_SIZE / 2 + 1];
    private final double[] melPower = new double[MEL_BANDS];
    private final double[] melDb = new double[MEL_BANDS];

    public LibrosaAnalyzer(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
        List<String> n = new ArrayList<>();
        for (Block b : blocks) {
            if (b.width == 1) {
                n.add(b.prefix);
            } else {
                for (int i = 0; i < b.width; i++) {
                    n.add(b.prefix + i);
                }
            }
        }
        names = List.copyOf(n);
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public void analyze(double[] frame, double[] out) {
        for (int i = 0; i < ShortTermGrid.FRAME; i++) {
            windowed[i] = frame[i] * window[i];
        }
        dft.power(windowed, ShortTermGrid.FRAME, power);
        mel.apply(power, melPower);
        for (int b = 0; b < MEL_BANDS; b++) {
            melDb[b] = 10 * Math.log10(Math.max(POWER_FLOOR, melPower[b]));
        }
        int off = 0;
        for (Block b : blocks) {
            switch (b) {
                case LOG_MEL -> System.arraycopy(melDb, 0, out, off, MEL_BANDS);
                case MEL_POWER -> System.arraycopy(melPower, 0, out, off, MEL_BANDS);
                case MFCC -> dct.apply(melDb, out, off);
                case ZCR -> out[off] = zeroCrossingRate(frame);
                case RMS -> out[off] = rms(frame);
                default -> throw new IllegalStateException(b.name());
            }
            off += b.width;
        }
    }

    static double zeroCrossingRate(double[] x) {
        int crossings = 0;
        for (int i = 1; i < ShortTermGrid.FRAME; i++) {
            if (signBit(x[i]) != signBit(x[i - 1])) {
                crossings++;
            }
        }
        return crossings / (double) ShortTermGrid.FRAME;
    }

    private static boolean signBit(double v) {
        return Math.abs(v) > ZERO_THRESHOLD && v < 0;
    }

    static double rms(double[] x) {
        double s = 0;
        for (int i = 0; i < ShortTermGrid.FRAME; i++) {
            s += x[i] * x[i];
        }
        return Math.sqrt(s / ShortTermGrid.FRAME);
    }

    @Override
    public void reset() {
        // frame-local: nothing to forget
    }
}
