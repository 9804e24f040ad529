package io.emofuse.fusion.late;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The decision-level stage of a late fusion: from the six unimodal predictions
 * (acoustic V, A, D, text V, A, D, on the [−1, 1] training scale) to V, A, D.
 */
public interface SecondStage {

    /** {@code svr}, {@code linear} or {@code mean}. */
    String kind();

    double[] combine(double[] unimodal);

    /** Writes whatever the stage learned into {@code dir} (nothing for {@code mean}). */
    void save(Path dir) throws IOException;

    /** Fits a stage of the given kind on out-of-fold predictions {@code x} (n x 6) and targets {@code y} (n x 3). */
    static SecondStage fit(String kind, double[][] x, double[][] y) {
        return switch (kind.toLowerCase(Locale.ROOT)) {
            case "svr" -> SvrStage.fit(x, y, SvrStage.SEED_C, SvrStage.SEED_GAMMA, SvrStage.SEED_EPSILON);
            case "linear" -> LinearStage.fit(x, y, 1e-3);
            case "mean" -> new MeanStage();
            default -> throw new IllegalArgumentException("unknown late-fusion stage '" + kind + "'; expected svr, linear or mean");
        };
    }

    static SecondStage load(String kind, Path dir) throws IOException {
        SecondStage inner = switch (kind.toLowerCase(Locale.ROOT)) {
            case "svr" -> SvrStage.load(dir);
            case "linear" -> LinearStage.load(dir);
            case "mean" -> new MeanStage();
            default -> throw new IOException(dir + ": unknown late-fusion stage '" + kind + "'");
        };
        return SpreadMatchedStage.loadAround(inner, dir);
    }
}
