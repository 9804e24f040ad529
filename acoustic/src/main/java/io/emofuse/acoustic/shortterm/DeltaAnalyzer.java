package io.emofuse.acoustic.shortterm;

import java.util.ArrayList;
import java.util.List;

/**
 * Appends first differences to another analyzer's row, pyAudioAnalysis's deltas: d_t = x_t - x_{t-1},
 * zero on the first frame.
 */
public final class DeltaAnalyzer implements FrameAnalyzer {
    private final FrameAnalyzer base;
    private final List<String> names;
    private final double[] previous;
    private boolean hasPrevious;

    public DeltaAnalyzer(FrameAnalyzer base) {
        this.base = base;
        List<String> n = new ArrayList<>(base.names());
        for (String s : base.names()) {
            n.add("delta_" + s);
        }
        names = List.copyOf(n);
        previous = new double[base.names().size()];
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public void analyze(double[] frame, double[] out) {
        int w = previous.length;
        base.analyze(frame, out);
        for (int i = 0; i < w; i++) {
            out[w + i] = hasPrevious ? out[i] - previous[i] : 0;
            previous[i] = out[i];
        }
        hasPrevious = true;
    }

    @Override
    public void reset() {
        base.reset();
        hasPrevious = false;
    }
}
