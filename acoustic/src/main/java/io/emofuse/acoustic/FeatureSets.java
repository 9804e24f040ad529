package io.emofuse.acoustic;

import io.emofuse.acoustic.gemaps.EgemapsExtractor;
import io.emofuse.acoustic.gemaps.GemapsExtractor;
import io.emofuse.acoustic.gemaps.GemapsFamilyExtractor;
import io.emofuse.acoustic.gemaps.GemapsStreamingExtractor;
import io.emofuse.acoustic.gemaps.GemapsVariant;
import io.emofuse.acoustic.gemaps.HsfExtractor;
import io.emofuse.acoustic.shortterm.DeltaAnalyzer;
import io.emofuse.acoustic.shortterm.Functional;
import io.emofuse.acoustic.shortterm.LibrosaAnalyzer;
import io.emofuse.acoustic.shortterm.LibrosaAnalyzer.Block;
import io.emofuse.acoustic.shortterm.PyaaAnalyzer;
import io.emofuse.acoustic.shortterm.Rnn31Analyzer;
import io.emofuse.acoustic.shortterm.ShortTermExtractor;
import java.util.List;

/**
 * The acoustic feature sets by id: the GeMAPS family ({@code egemaps}, {@code gemaps}, {@code hsf1},
 * {@code hsf2}) and the short-term sets of the source papers on a 25 ms / 10 ms grid ({@code mfcc},
 * {@code logmel}, {@code pyaa}, {@code pyaa_d}, {@code ser170}, {@code ser169}, {@code ser128}, {@code rnn31}) with the
 * papers' functionals, and {@code *_hsf} ids giving mean + std where those differ (mfcc, logmel and rnn31
 * already are mean + std); see docs/feature-sets.md for each set's definition.
 */
public final class FeatureSets {
    private static final List<String> IDS = List.of("egemaps", "gemaps", "hsf1", "hsf2",
            "mfcc", "logmel", "pyaa", "pyaa_d", "ser170", "ser169", "ser128", "rnn31",
            "pyaa_hsf", "pyaa_d_hsf", "ser170_hsf", "ser169_hsf");
    private static final List<Functional> HSF = List.of(Functional.MEAN, Functional.STDDEV);

    private FeatureSets() {
    }

    /**
     * HSF2's silence threshold: frames whose RMS is below {@code alpha} x the utterance's {@code mean}
     * or {@code median} frame RMS are silence.
     */
    public record Silence(double alpha, String reference) {
        public static final Silence DEFAULT = new Silence(GemapsVariant.DEFAULT_ALPHA, "mean");

        public Silence {
            if (!(alpha > 0) || !Double.isFinite(alpha)) {
                throw new IllegalArgumentException("silence alpha must be a positive number, got " + alpha);
            }
            if (!reference.equals("mean") && !reference.equals("median")) {
                throw new IllegalArgumentException("silence reference must be mean or median, got '" + reference + "'");
            }
        }

        GemapsVariant.SilenceReference ref() {
            return reference.equals("median") ? GemapsVariant.SilenceReference.MEDIAN : GemapsVariant.SilenceReference.MEAN;
        }
    }

    /** Opens a stream over a feature set (see {@link Spec#streams}). */
    @FunctionalInterface
    public interface StreamFactory {
        /**
         * @param keepFrames 10 ms frames kept for windowed functionals (0: all)
         * @param lldRows    whether LLD frames are wanted (false lets the GeMAPS family skip work only they need)
         */
        StreamingExtractor open(int keepFrames, boolean lldRows);
    }

    /**
     * A feature set as every face takes it: its id, column names and how to open a stream over it.
     * Immutable; each stream it opens is one caller's.
     */
    public record Spec(String id, List<String> lldNames, List<String> functionalNames, StreamFactory streams) {
    }

    /**
     * The set {@code id}; {@code silence} (null: the default) applies to {@code hsf2} only, and is
     * refused for any other set, so a setting is never ignored without a word.
     */
    public static Spec spec(String id, Silence silence) {
        if (!IDS.contains(id)) {
            throw new IllegalArgumentException("unknown feature set '" + id + "'; known: " + IDS);
        }
        if (silence != null && !id.equals("hsf2")) {
            throw new IllegalArgumentException("a silence threshold applies to hsf2 only, not to " + id);
        }
        ShortTermExtractor shortTerm = shortTerm(id);
        if (shortTerm != null) {
            return new Spec(shortTerm.id(), shortTerm.lldNames(), shortTerm.functionalNames(),
                    (n, lldRows) -> shortTerm.streaming(n));
        }
        GemapsVariant v = variant(id, silence == null ? Silence.DEFAULT : silence);
        return new Spec(v.id(), v.lldNames(), v.functionalNames(), (n, lldRows) -> new GemapsStreamingExtractor(v, n, lldRows));
    }

    private static GemapsVariant variant(String id, Silence silence) {
        return switch (id) {
            case "egemaps" -> GemapsVariant.EGEMAPS;
            case "gemaps" -> GemapsVariant.GEMAPS;
            case "hsf1" -> GemapsVariant.HSF1;
            case "hsf2" -> GemapsVariant.hsf2(silence.alpha(), silence.ref());
            default -> throw new IllegalArgumentException("unknown feature set '" + id + "'; known: " + IDS);
        };
    }

    public static List<String> ids() {
        return IDS;
    }

    /** A new extractor for {@code id}; HSF2 uses alpha 0.3 relative to the mean frame RMS. */
    public static FeatureExtractor create(String id) {
        ShortTermExtractor shortTerm = shortTerm(id);
        return shortTerm != null ? shortTerm : family(id);
    }

    /** A new stream for {@code id} keeping {@code windowFrames} 10 ms frames (0 keeps all). */
    public static StreamingExtractor streaming(String id, int windowFrames) {
        ShortTermExtractor shortTerm = shortTerm(id);
        return shortTerm != null ? shortTerm.streaming(windowFrames) : family(id).streaming(windowFrames);
    }

    /** The short-term set {@code id}, or null when {@code id} is not one. */
    private static ShortTermExtractor shortTerm(String id) {
        if (id == null) {
            return null;
        }
        List<Functional> meanVar = List.of(Functional.MEAN, Functional.VARIANCE);
        List<Functional> mean = List.of(Functional.MEAN);
        List<Block> ser170 = List.of(Block.MEL_POWER, Block.MFCC, Block.ZCR, Block.RMS);
        List<Block> ser169 = List.of(Block.MEL_POWER, Block.MFCC, Block.RMS);
        return switch (id) {
            case "mfcc" -> new ShortTermExtractor(id, () -> new LibrosaAnalyzer(List.of(Block.MFCC)), HSF);
            case "logmel" -> new ShortTermExtractor(id, () -> new LibrosaAnalyzer(List.of(Block.LOG_MEL)), HSF);
            case "pyaa" -> new ShortTermExtractor(id, () -> new PyaaAnalyzer(true), meanVar);
            case "pyaa_hsf" -> new ShortTermExtractor(id, () -> new PyaaAnalyzer(true), HSF);
            case "pyaa_d" -> new ShortTermExtractor(id, () -> new DeltaAnalyzer(new PyaaAnalyzer(true)), meanVar);
            case "pyaa_d_hsf" -> new ShortTermExtractor(id, () -> new DeltaAnalyzer(new PyaaAnalyzer(true)), HSF);
            case "ser170" -> new ShortTermExtractor(id, () -> new LibrosaAnalyzer(ser170), mean);
            case "ser170_hsf" -> new ShortTermExtractor(id, () -> new LibrosaAnalyzer(ser170), HSF);
            case "ser169" -> new ShortTermExtractor(id, () -> new LibrosaAnalyzer(ser169), mean);
            case "ser169_hsf" -> new ShortTermExtractor(id, () -> new LibrosaAnalyzer(ser169), HSF);
            case "ser128" -> new ShortTermExtractor(id, () -> new LibrosaAnalyzer(List.of(Block.MEL_POWER)), mean);
            case "rnn31" -> new ShortTermExtractor(id, Rnn31Analyzer::new, HSF);
            default -> null;
        };
    }

    private static GemapsFamilyExtractor family(String id) {
        if (id == null) {
            throw new IllegalArgumentException("feature set id is null; known: " + IDS);
        }
        return switch (id) {
            case "egemaps" -> new EgemapsExtractor();
            case "gemaps" -> new GemapsExtractor();
            case "hsf1" -> HsfExtractor.hsf1();
            case "hsf2" -> HsfExtractor.hsf2(Silence.DEFAULT.alpha(), Silence.DEFAULT.ref());
            default -> throw new IllegalArgumentException("unknown feature set '" + id + "'; known: " + IDS);
        };
    }
}
