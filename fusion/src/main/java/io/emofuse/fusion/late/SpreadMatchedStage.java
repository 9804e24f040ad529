package io.emofuse.fusion.late;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A second stage whose outputs are mapped, per dimension, to the mean and spread of the training
 * targets: {@code y' = mean_y + (y − mean_out) · sd_y / sd_out}, with the out-of-fold statistics.
 *
 * <p>Why: SVR and least squares answer the expected value, which shrinks towards the mean by the
 * correlation r they reach: with r = 0.26 (a weak text model's valence) their CCC is at most
 * 2r²/(1+r²) = 0.13, while the same predictions at the targets' spread have CCC = r. The networks
 * are trained on CCC and do not shrink, so without this a stage can score below the better of its
 * two inputs. The affine map keeps the ranking (Pearson's r) of the stage.
 */
public record SpreadMatchedStage(SecondStage inner, double[] outMean, double[] outSd, double[] targetMean,
                                 double[] targetSd) implements SecondStage {

    static final String FILE = "spread.json";

    /** The statistics of {@code inner}'s outputs on {@code x} and of the targets {@code y}. */
    public static SpreadMatchedStage fit(SecondStage inner, double[][] x, double[][] y) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = inner.combine(x[i]);
        }
        double[][] o = meanSd(out);
        double[][] t = meanSd(y);
        return new SpreadMatchedStage(inner, o[0], o[1], t[0], t[1]);
    }

    private static double[][] meanSd(double[][] v) {
        double[] mean = new double[3];
        double[] sd = new double[3];
        for (double[] r : v) {
            for (int j = 0; j < 3; j++) {
                mean[j] += r[j] / v.length;
            }
        }
        for (double[] r : v) {
            for (int j = 0; j < 3; j++) {
                sd[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / v.length;
            }
        }
        for (int j = 0; j < 3; j++) {
            sd[j] = Math.sqrt(sd[j]);
        }
        return new double[][] {mean, sd};
    }

    @Override
    public String kind() {
        return inner.kind();
    }

    @Override
    public double[] combine(double[] unimodal) {
        double[] y = inner.combine(unimodal);
        for (int j = 0; j < 3; j++) {
            // A constant stage output has no spread to match: keep it where the targets' mean is.
            y[j] = outSd[j] < 1e-9 ? targetMean[j] : targetMean[j] + (y[j] - outMean[j]) * targetSd[j] / outSd[j];
        }
        return y;
    }

    @Override
    public void save(Path dir) throws IOException {
        inner.save(dir);
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(dir.resolve(FILE).toFile(),
                new Stats(outMean, outSd, targetMean, targetSd));
    }

    /** {@code inner} wrapped when {@code dir} holds the statistics a spread-matched stage saved. */
    static SecondStage loadAround(SecondStage inner, Path dir) throws IOException {
        Path f = dir.resolve(FILE);
        if (!Files.exists(f)) {
            return inner;
        }
        Stats s = new ObjectMapper().readValue(f.toFile(), Stats.class);
        return new SpreadMatchedStage(inner, s.outMean(), s.outSd(), s.targetMean(), s.targetSd());
    }

    private record Stats(double[] outMean, double[] outSd, double[] targetMean, double[] targetSd) {
    }
}
