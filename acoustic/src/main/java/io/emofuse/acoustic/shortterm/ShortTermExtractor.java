package io.emofuse.acoustic.shortterm;

import io.emofuse.acoustic.AudioTooShortException;
import io.emofuse.acoustic.FeatureExtractor;
import io.emofuse.acoustic.StreamingExtractor;
import io.emofuse.acoustic.audio.Audio;
import io.emofuse.acoustic.audio.Resampler;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A short-term feature set: a {@link FrameAnalyzer} on the 25 ms / 10 ms grid plus utterance
 * functionals. Batch extraction runs the stream over the whole utterance, so the two agree by construction.
 */
public final class ShortTermExtractor implements FeatureExtractor {
    private final String id;
    private final Supplier<FrameAnalyzer> analyzers;
    private final List<Functional> functionals;
    private final List<String> lldNames;
    private final List<String> functionalNames;

    public ShortTermExtractor(String id, Supplier<FrameAnalyzer> analyzers, List<Functional> functionals) {
        this.id = id;
        this.analyzers = analyzers;
        this.functionals = List.copyOf(functionals);
        this.lldNames = analyzers.get().names();
        List<String> names = new ArrayList<>();
        for (Functional f : functionals) {
            for (String lld : lldNames) {
                names.add(lld + "_" + f.suffix());
            }
        }
        this.functionalNames = List.copyOf(names);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<String> functionalNames() {
        return functionalNames;
    }

    @Override
    public List<String> lldNames() {
        return lldNames;
    }

    /** A new stream of this set keeping {@code windowFrames} frames (0 = all). */
    public StreamingExtractor streaming(int windowFrames) {
        return new ShortTermStream(analyzers.get(), functionals, functionalNames, windowFrames);
    }

    @Override
    public double[] functionals(Audio audio) {
        StreamingExtractor s = run(audio);
        return s.functionals();
    }

    @Override
    public double[][] lld(Audio audio) {
        return run(audio).pollFrames();
    }

    private StreamingExtractor run(Audio audio) {
        float[] x = Resampler.toRate(audio, ShortTermGrid.RATE).samples();
        if (x.length < ShortTermGrid.FRAME) {
            throw new AudioTooShortException(audio.source(), audio.durationSeconds(),
                    ShortTermGrid.FRAME / (double) ShortTermGrid.RATE);
        }
        StreamingExtractor s = streaming(0);
        s.push(x);
        s.finish();
        return s;
    }

    /** Functionals (block per statistic, LLD order inside) over {@code rows}, each of {@code width} values. */
    static double[] functionals(List<double[]> rows, int width, List<Functional> stats) {
        int n = rows.size();
        double[] out = new double[stats.size() * width];
        double[] column = new double[n];
        for (int c = 0; c < width; c++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                column[i] = rows.get(i)[c];
                sum += column[i];
            }
            double mean = sum / n;
            for (int s = 0; s < stats.size(); s++) {
                out[s * width + c] = stats.get(s).of(column, n, mean);
            }
        }
        return out;
    }
}
