package io.emofuse.acoustic.gemaps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The feature sets built on the GeMAPS frame pipeline: openSMILE's eGeMAPSv02 and GeMAPSv01b,
 * and the HSF sets (mean and standard deviation of every eGeMAPS LLD; HSF2 adds the share of
 * silent frames).
 */
public final class GemapsVariant {

    /** How the silence threshold of HSF2 is anchored. */
    public enum SilenceReference { MEAN, MEDIAN }

    private enum Kind { EGEMAPS, GEMAPS, HSF1, HSF2 }

    public static final GemapsVariant EGEMAPS = new GemapsVariant(Kind.EGEMAPS, 0, SilenceReference.MEAN);
    public static final GemapsVariant GEMAPS = new GemapsVariant(Kind.GEMAPS, 0, SilenceReference.MEAN);
    public static final GemapsVariant HSF1 = new GemapsVariant(Kind.HSF1, 0, SilenceReference.MEAN);

    /** Default silence threshold factor of HSF2. */
    public static final double DEFAULT_ALPHA = 0.3;

    private final Kind kind;
    private final double alpha;
    private final SilenceReference reference;
    private final List<String> functionalNames;

    private GemapsVariant(Kind kind, double alpha, SilenceReference reference) {
        this.kind = kind;
        this.alpha = alpha;
        this.reference = reference;
        this.functionalNames = names();
    }

    /** HSF2 with silence = frames whose RMS is below {@code alpha} x the mean or median frame RMS. */
    public static GemapsVariant hsf2(double alpha, SilenceReference reference) {
        if (!(alpha > 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("silence alpha must be a positive number, got " + alpha);
        }
        return new GemapsVariant(Kind.HSF2, alpha, reference);
    }

    public String id() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    public List<String> lldNames() {
        return kind == Kind.GEMAPS ? GemapsFeatures.GEMAPS_LLD : GemapsFeatures.EGEMAPS_LLD;
    }

    public List<String> functionalNames() {
        return functionalNames;
    }

    private List<String> names() {
        switch (kind) {
            case EGEMAPS:
                return GemapsFeatures.EGEMAPS_FUNCTIONALS;
            case GEMAPS:
                return GemapsFeatures.GEMAPS_FUNCTIONALS;
            default:
                List<String> n = new ArrayList<>();
                for (String l : GemapsFeatures.EGEMAPS_LLD) {
                    n.add(l + "_mean");
                    n.add(l + "_stddev");
                }
                if (kind == Kind.HSF2) {
                    n.add("silenceRatio");
                }
                return List.copyOf(n);
        }
    }

    /** True for the HSF sets, whose means run over every frame's LLD row; eGeMAPS gates formants by voicing. */
    boolean functionalsReadUnvoicedFormants() {
        return kind == Kind.HSF1 || kind == Kind.HSF2;
    }

    double[] selectLld(double[] egemapsRow) {
        return kind == Kind.GEMAPS ? GemapsFeatures.gemapsLld(egemapsRow) : egemapsRow.clone();
    }

    double[] functionals(FrameStore store, long from, long to, long rows, boolean finished) {
        switch (kind) {
            case EGEMAPS:
                return GemapsFeatures.functionals(store, from, to);
            case GEMAPS: {
                double[] e = GemapsFeatures.functionals(store, from, to);
                return e == null ? null : GemapsFeatures.gemapsFunctionals(e);
            }
            default:
                return hsf(store, from, to, rows, finished);
        }
    }

    private double[] hsf(FrameStore store, long from, long to, long rows, boolean finished) {
        long a = Math.max(from, store.first());
        long b = Math.min(to, rows);
        if (b - a < 1) {
            return null;
        }
        int nCols = GemapsFeatures.EGEMAPS_LLD.size();
        double[] sum = new double[nCols];
        double[] sumSq = new double[nCols];
        double[] row = new double[nCols];
        long nLong = finished ? store.endLong() : Long.MAX_VALUE;
        long nShort = finished ? store.end() : Long.MAX_VALUE;
        for (long t = a; t < b; t++) {
            GemapsFeatures.lldRow(store, t, nLong, nShort, row);
            for (int c = 0; c < nCols; c++) {
                sum[c] += row[c];
                sumSq[c] += row[c] * row[c];
            }
        }
        int n = (int) (b - a);
        double[] out = new double[functionalNames.size()];
        for (int c = 0; c < nCols; c++) {
            double m = sum[c] / n;
            out[2 * c] = m;
            out[2 * c + 1] = Math.sqrt(Math.max(0, sumSq[c] / n - m * m));
        }
        if (kind == Kind.HSF2) {
            out[out.length - 1] = silenceRatio(store, a, Math.min(to, store.end()));
        }
        return out;
    }

    private double silenceRatio(FrameStore store, long a, long e) {
        int n = (int) (e - a);
        if (n <= 0) {
            return 0;
        }
        double[] rms = store.column(a, e, Raw.ENERGY);
        for (int i = 0; i < n; i++) {
            rms[i] = Math.sqrt(rms[i]);
        }
        double ref;
        if (reference == SilenceReference.MEDIAN) {
            double[] s = rms.clone();
            Arrays.sort(s);
            ref = Stats.percentile(s, 0.5);
        } else {
            ref = Stats.mean(rms);
        }
        double threshold = alpha * ref;
        int silent = 0;
        for (double v : rms) {
            if (v < threshold) {
                silent++;
            }
        }
        return silent / (double) n;
    }
}
