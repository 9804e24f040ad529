package io.emofuse.acoustic.gemaps;

import java.util.ArrayList;
import java.util.List;

/**
 * Names, LLD rows and functionals of eGeMAPSv02 (and, as a subset, GeMAPSv01b) computed from a
 * {@link FrameStore}; the frame ranges follow GEMAPS_NOTES 2.4.
 */
public final class GemapsFeatures {

    /** eGeMAPSv02 LLD columns in openSMILE's order. */
    public static final List<String> EGEMAPS_LLD = List.of(
            "Loudness_sma3", "alphaRatio_sma3", "hammarbergIndex_sma3", "slope0-500_sma3", "slope500-1500_sma3",
            "spectralFlux_sma3", "mfcc1_sma3", "mfcc2_sma3", "mfcc3_sma3", "mfcc4_sma3",
            "F0semitoneFrom27.5Hz_sma3nz", "jitterLocal_sma3nz", "shimmerLocaldB_sma3nz", "HNRdBACF_sma3nz",
            "logRelF0-H1-H2_sma3nz", "logRelF0-H1-A3_sma3nz", "F1frequency_sma3nz", "F1bandwidth_sma3nz",
            "F1amplitudeLogRelF0_sma3nz", "F2frequency_sma3nz", "F2bandwidth_sma3nz",
            "F2amplitudeLogRelF0_sma3nz", "F3frequency_sma3nz", "F3bandwidth_sma3nz",
            "F3amplitudeLogRelF0_sma3nz");

    /** GeMAPSv01b LLD columns. */
    public static final List<String> GEMAPS_LLD = List.of(
            "Loudness_sma3", "alphaRatio_sma3", "hammarbergIndex_sma3", "slope0-500_sma3", "slope500-1500_sma3",
            "F0semitoneFrom27.5Hz_sma3nz", "jitterLocal_sma3nz", "shimmerLocaldB_sma3nz", "HNRdBACF_sma3nz",
            "logRelF0-H1-H2_sma3nz", "logRelF0-H1-A3_sma3nz", "F1frequency_sma3nz", "F1bandwidth_sma3nz",
            "F1amplitudeLogRelF0_sma3nz", "F2frequency_sma3nz", "F2amplitudeLogRelF0_sma3nz",
            "F3frequency_sma3nz", "F3amplitudeLogRelF0_sma3nz");

    private static final String[] TEN = {"amean", "stddevNorm", "percentile20.0", "percentile50.0",
        "percentile80.0", "pctlrange0-2", "meanRisingSlope", "stddevRisingSlope", "meanFallingSlope",
        "stddevFallingSlope"};
    private static final String[] VOICED_PAIRS = {"jitterLocal_sma3nz", "shimmerLocaldB_sma3nz", "HNRdBACF_sma3nz",
        "logRelF0-H1-H2_sma3nz", "logRelF0-H1-A3_sma3nz", "F1frequency_sma3nz", "F1bandwidth_sma3nz",
        "F1amplitudeLogRelF0_sma3nz", "F2frequency_sma3nz", "F2bandwidth_sma3nz", "F2amplitudeLogRelF0_sma3nz",
        "F3frequency_sma3nz", "F3bandwidth_sma3nz", "F3amplitudeLogRelF0_sma3nz"};
    private static final int[] VOICED_PAIR_RAW = {Raw.JITTER, Raw.SHIMMER, Raw.HNR, Raw.H1H2, Raw.H1A3,
        Raw.F1, Raw.B1, Raw.A1, Raw.F2, Raw.B2, Raw.A2, Raw.F3, Raw.B3, Raw.A3};
    private static final String[] V_NAMES = {"alphaRatioV_sma3nz", "hammarbergIndexV_sma3nz", "slopeV0-500_sma3nz",
        "slopeV500-1500_sma3nz", "spectralFluxV_sma3nz", "mfcc1V_sma3nz", "mfcc2V_sma3nz", "mfcc3V_sma3nz",
        "mfcc4V_sma3nz"};
    private static final int[] V_RAW = {Raw.ALPHA, Raw.HAMMARBERG, Raw.SLOPE0_500, Raw.SLOPE500_1500, Raw.FLUX,
        Raw.MFCC1, Raw.MFCC1 + 1, Raw.MFCC1 + 2, Raw.MFCC1 + 3};
    private static final String[] UV_NAMES = {"alphaRatioUV_sma3nz", "hammarbergIndexUV_sma3nz",
        "slopeUV0-500_sma3nz", "slopeUV500-1500_sma3nz", "spectralFluxUV_sma3nz"};

    /** eGeMAPSv02 functional names (88). */
    public static final List<String> EGEMAPS_FUNCTIONALS = egemapsNames();
    /** GeMAPSv01b functional names (62). */
    public static final List<String> GEMAPS_FUNCTIONALS = gemapsNames();

    private static final int[] GEMAPS_FUNC_INDEX = indexOf(GEMAPS_FUNCTIONALS, EGEMAPS_FUNCTIONALS);
    private static final int[] GEMAPS_LLD_INDEX = indexOf(GEMAPS_LLD, EGEMAPS_LLD);

    private GemapsFeatures() {
    }

    private static List<String> egemapsNames() {
        List<String> n = new ArrayList<>();
        for (String s : TEN) {
            n.add("F0semitoneFrom27.5Hz_sma3nz_" + s);
        }
        for (String s : TEN) {
            n.add("loudness_sma3_" + s);
        }
        for (String c : new String[] {"spectralFlux_sma3", "mfcc1_sma3", "mfcc2_sma3", "mfcc3_sma3", "mfcc4_sma3"}) {
            n.add(c + "_amean");
            n.add(c + "_stddevNorm");
        }
        for (String c : VOICED_PAIRS) {
            n.add(c + "_amean");
            n.add(c + "_stddevNorm");
        }
        for (String c : V_NAMES) {
            n.add(c + "_amean");
            n.add(c + "_stddevNorm");
        }
        for (String c : UV_NAMES) {
            n.add(c + "_amean");
        }
        n.addAll(List.of("loudnessPeaksPerSec", "VoicedSegmentsPerSec", "MeanVoicedSegmentLengthSec",
                "StddevVoicedSegmentLengthSec", "MeanUnvoicedSegmentLength", "StddevUnvoicedSegmentLength",
                "equivalentSoundLevel_dBp"));
        return List.copyOf(n);
    }

    private static List<String> gemapsNames() {
        List<String> n = new ArrayList<>();
        for (String s : TEN) {
            n.add("F0semitoneFrom27.5Hz_sma3nz_" + s);
        }
        for (String s : TEN) {
            n.add("loudness_sma3_" + s);
        }
        for (String c : VOICED_PAIRS) {
            if (c.equals("F2bandwidth_sma3nz") || c.equals("F3bandwidth_sma3nz")) {
                continue;
            }
            n.add(c + "_amean");
            n.add(c + "_stddevNorm");
        }
        for (int i = 0; i < 4; i++) {
            n.add(V_NAMES[i] + "_amean");
            n.add(V_NAMES[i] + "_stddevNorm");
        }
        for (int i = 0; i < 4; i++) {
            n.add(UV_NAMES[i] + "_amean");
        }
        n.addAll(List.of("loudnessPeaksPerSec", "VoicedSegmentsPerSec", "MeanVoicedSegmentLengthSec",
                "StddevVoicedSegmentLengthSec", "MeanUnvoicedSegmentLength", "StddevUnvoicedSegmentLength"));
        return List.copyOf(n);
    }

    private static int[] indexOf(List<String> subset, List<String> all) {
        int[] idx = new int[subset.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = all.indexOf(subset.get(i));
            if (idx[i] < 0) {
                throw new IllegalStateException("unknown feature " + subset.get(i));
            }
        }
        return idx;
    }

    /** Picks the GeMAPSv01b functionals out of an eGeMAPSv02 vector. */
    public static double[] gemapsFunctionals(double[] egemaps) {
        double[] out = new double[GEMAPS_FUNC_INDEX.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = egemaps[GEMAPS_FUNC_INDEX[i]];
        }
        return out;
    }

    /** Picks the GeMAPSv01b LLD columns out of an eGeMAPSv02 LLD row. */
    public static double[] gemapsLld(double[] egemapsRow) {
        double[] out = new double[GEMAPS_LLD_INDEX.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = egemapsRow[GEMAPS_LLD_INDEX[i]];
        }
        return out;
    }

    private static final int[] SHORT_LLD_RAW = {Raw.LOUDNESS, Raw.ALPHA, Raw.HAMMARBERG, Raw.SLOPE0_500,
        Raw.SLOPE500_1500, Raw.FLUX, Raw.MFCC1, Raw.MFCC1 + 1, Raw.MFCC1 + 2, Raw.MFCC1 + 3};
    private static final int[] LONG_LLD_RAW = {Raw.JITTER, Raw.SHIMMER, Raw.HNR, Raw.H1H2, Raw.H1A3,
        Raw.F1, Raw.B1, Raw.A1, Raw.F2, Raw.B2, Raw.A2, Raw.F3, Raw.B3, Raw.A3};

    /**
     * The eGeMAPSv02 LLD row for frame {@code t} of a contour with {@code nLong} 60 ms frames and
     * {@code nShort} 20 ms frames; {@code t == nLong} is openSMILE's extra end row.
     */
    public static void lldRow(FrameStore s, long t, long nLong, long nShort, double[] row) {
        long t25 = t;
        long l25 = Math.max(s.first(), t25 - 1);
        long r25 = Math.min(nShort - 1, t25 + 1);
        for (int i = 0; i < SHORT_LLD_RAW.length; i++) {
            int c = SHORT_LLD_RAW[i];
            row[i] = Contours.sma3At(s.get(l25, c), s.get(t25, c), s.get(r25, c));
        }
        if (t >= nLong) { // the smoothers' extra end frame: the last raw value
            long last = nLong - 1;
            row[10] = Contours.semitone(s.get(last, Raw.F0_HZ));
            for (int i = 0; i < LONG_LLD_RAW.length; i++) {
                row[11 + i] = s.get(last, LONG_LLD_RAW[i]);
            }
            return;
        }
        long l = Math.max(s.first(), t - 1);
        if (t >= nLong - 3 && l < t && s.get(nLong - 1, Raw.F0_HZ) > 0) {
            // Voiced to the end (see functionals): openSMILE's F0-side contours end at frame
            // nLong-3 (smoothed with a copy of itself, its extra frame in row nLong-2), then the
            // last two frames follow as a contour of their own.
            long c = t == nLong - 2 ? nLong - 3 : t;
            boolean extra = t == nLong - 2;
            row[10] = extra ? Contours.semitone(s.get(c, Raw.F0_HZ))
                    : Contours.sma3nzAt(Contours.semitone(s.get(l, Raw.F0_HZ)),
                            Contours.semitone(s.get(c, Raw.F0_HZ)), Contours.semitone(s.get(c, Raw.F0_HZ)));
            for (int i = 0; i < LONG_LLD_RAW.length; i++) {
                int col = LONG_LLD_RAW[i];
                row[11 + i] = extra ? s.get(c, col) : Contours.sma3nzAt(s.get(l, col), s.get(c, col), s.get(c, col));
            }
            return;
        }
        long r = Math.min(nLong - 1, t + 1);
        // Measured against openSMILE: its LLD formant contour ends one 60 ms frame early (its
        // extra end frame repeats frame nLong-2), and the CSV's last row holds frame nLong-1 raw.
        boolean formantEnd = t == nLong - 1;
        long rF = Math.min(nLong - 2, t + 1);
        row[10] = Contours.sma3nzAt(Contours.semitone(s.get(l, Raw.F0_HZ)), Contours.semitone(s.get(t, Raw.F0_HZ)),
                Contours.semitone(s.get(r, Raw.F0_HZ)));
        for (int i = 0; i < LONG_LLD_RAW.length; i++) {
            int c = LONG_LLD_RAW[i];
            if (isFormant(c)) {
                row[11 + i] = formantEnd ? s.get(Math.max(s.first(), t - 1), c)
                        : Contours.sma3nzAt(s.get(l, c), s.get(t, c), s.get(Math.max(t, rF), c));
            } else {
                row[11 + i] = Contours.sma3nzAt(s.get(l, c), s.get(t, c), s.get(r, c));
            }
        }
    }

    /** sma3nz of the contour's first {@code len} frames (it ends there for the smoother). */
    private static double[] smoothed(double[] contour, int len) {
        return Contours.sma3nz(len == contour.length ? contour : java.util.Arrays.copyOf(contour, len));
    }

    private static boolean isFormant(int c) {
        return c == Raw.F1 || c == Raw.B1 || c == Raw.F2 || c == Raw.B2 || c == Raw.F3 || c == Raw.B3;
    }

    /**
     * eGeMAPSv02 functionals over frames [from, to) of the store: 20 ms features over the 20 ms
     * frames in range, F0-gated features over the 60 ms frames in range less the last one.
     * Returns null when the range holds no complete 60 ms frame.
     */
    public static double[] functionals(FrameStore s, long from, long to) {
        long a = Math.max(from, s.first());
        long e25 = Math.min(to, s.end());
        long e60 = Math.min(to, s.endLong());
        if (e60 - a < 1 || e25 - a < 1) {
            return null;
        }
        double[] out = new double[EGEMAPS_FUNCTIONALS.size()];
        int n60 = (int) (e60 - a);
        int nUse = n60 - 1;

        double[] f0hz = s.column(a, e60, Raw.F0_HZ);
        double[] semi = new double[n60];
        boolean[] voiced = new boolean[n60];
        for (int i = 0; i < n60; i++) {
            semi[i] = Contours.semitone(f0hz[i]);
            voiced[i] = semi[i] > 1e-6;
        }
        // Measured against openSMILE: the F0-side functionals leave out the last real 60 ms frame,
        // smoothed with it as its right neighbour, except the formant contour, which ends one frame
        // early (see lldRow). When that last frame is voiced (a tone or chirp to the end; speech
        // ends unvoiced) its pipeline ends every F0-side contour two frames early instead, and they
        // are smoothed as ending there.
        int contourLen = n60;
        int formantLen = n60 - 1;
        if (voiced[n60 - 1] && nUse > 1) {
            nUse--;
            contourLen = nUse;
            formantLen = nUse;
        }
        double[] semiUse = java.util.Arrays.copyOf(smoothed(semi, contourLen), nUse);
        Stats.tenFunctionals(Stats.nonZero(semiUse, nUse), out, 0);

        double[] loud = Contours.sma3(s.column(a, e25, Raw.LOUDNESS));
        Stats.tenFunctionals(loud, out, 10);

        int o = 20;
        for (int c : new int[] {Raw.FLUX, Raw.MFCC1, Raw.MFCC1 + 1, Raw.MFCC1 + 2, Raw.MFCC1 + 3}) {
            double[] v = Contours.sma3(s.column(a, e25, c));
            out[o++] = Stats.mean(v);
            out[o++] = Stats.stddevNorm(v);
        }
        for (int i = 0; i < VOICED_PAIR_RAW.length; i++) {
            int c = VOICED_PAIR_RAW[i];
            double[] v = s.column(a, e60, c);
            boolean gate = c == Raw.F1 || c == Raw.B1 || c == Raw.F2 || c == Raw.B2 || c == Raw.F3 || c == Raw.B3;
            if (gate) {
                for (int k = 0; k < n60; k++) {
                    if (!voiced[k]) {
                        v[k] = 0;
                    }
                }
            }
            double[] nz = Stats.nonZero(smoothed(v, gate ? formantLen : contourLen), nUse);
            out[o++] = Stats.mean(nz);
            out[o++] = Stats.stddevNorm(nz);
        }
        for (int i = 0; i < V_RAW.length; i++) {
            double[] v = s.column(a, e60, V_RAW[i]);
            for (int k = 0; k < n60; k++) {
                if (!voiced[k]) {
                    v[k] = 0;
                }
            }
            double[] nz = Stats.nonZero(smoothed(v, contourLen), nUse);
            out[o++] = Stats.mean(nz);
            out[o++] = Stats.stddevNorm(nz);
        }
        for (int i = 0; i < UV_NAMES.length; i++) {
            double[] v = s.column(a, e60, V_RAW[i]);
            for (int k = 0; k < n60; k++) {
                if (voiced[k]) {
                    v[k] = 0;
                }
            }
            out[o++] = Stats.mean(Stats.nonZero(smoothed(v, contourLen), nUse));
        }
        int n25 = loud.length;
        out[o++] = Stats.peakCount(loud) / (n25 * Stats.T);
        Stats.segmentStats(semiUse, true, out, o, true);
        o += 3;
        Stats.segmentStats(semiUse, false, out, o, false);
        o += 2;
        double energy = Stats.mean(s.column(a, e25, Raw.ENERGY));
        out[o] = energy <= 1e-12 ? -120 : 10 * Math.log10(energy);
        return out;
    }
}
