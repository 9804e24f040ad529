package io.emofuse.acoustic.shortterm;

import io.emofuse.acoustic.StreamingExtractor;
import io.emofuse.acoustic.audio.Pcm16Decoder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Streaming extraction on the {@link ShortTermGrid}: buffers samples until a 25 ms frame is complete,
 * analyses it, keeps at most {@code windowFrames} rows (0 = all) for functionals. Not thread-safe.
 */
public final class ShortTermStream implements StreamingExtractor {
    private final FrameAnalyzer analyzer;
    private final List<Functional> functionals;
    private final List<String> functionalNames;
    private final int windowFrames;
    private final double[] frame = new double[ShortTermGrid.FRAME];

    private float[] buffer = new float[4 * ShortTermGrid.FRAME];
    private int buffered;
    private final Pcm16Decoder pcm = new Pcm16Decoder();
    private final ArrayDeque<double[]> kept = new ArrayDeque<>();
    private final List<double[]> ready = new ArrayList<>();
    private long frames;

    ShortTermStream(FrameAnalyzer analyzer, List<Functional> functionals, List<String> functionalNames, int windowFrames) {
        this.analyzer = analyzer;
        this.functionals = functionals;
        this.functionalNames = functionalNames;
        this.windowFrames = windowFrames;
    }

    @Override
    public List<String> lldNames() {
        return analyzer.names();
    }

    @Override
    public List<String> functionalNames() {
        return functionalNames;
    }

    @Override
    public void push(float[] samples, int offset, int length) {
        int off = offset;
        int end = offset + length;
        while (off < end) {
            int n = Math.min(end - off, buffer.length - buffered);
            System.arraycopy(samples, off, buffer, buffered, n);
            buffered += n;
            off += n;
            drainFrames();
        }
    }

    private void drainFrames() {
        int start = 0;
        while (buffered - start >= ShortTermGrid.FRAME) {
            for (int i = 0; i < ShortTermGrid.FRAME; i++) {
                frame[i] = buffer[start + i];
            }
            double[] row = new double[analyzer.names().size()];
            analyzer.analyze(frame, row);
            ready.add(row);
            kept.addLast(row);
            if (windowFrames > 0 && kept.size() > windowFrames) {
                kept.removeFirst();
            }
            frames++;
            start += ShortTermGrid.HOP;
        }
        System.arraycopy(buffer, start, buffer, 0, buffered - start);
        buffered -= start;
    }

    @Override
    public void pushPcm16(byte[] data, int offset, int length) {
        int n = pcm.decode(data, offset, length);
        push(pcm.samples(), 0, n);
    }

    /** No padded end frame on this grid: the last complete frame is already out. */
    @Override
    public void finish() {
    }

    @Override
    public double[][] pollFrames() {
        double[][] out = ready.toArray(new double[0][]);
        ready.clear();
        return out;
    }

    @Override
    public long frameCount() {
        return frames;
    }

    @Override
    public long firstKeptFrame() {
        return frames - kept.size();
    }

    @Override
    public double[] functionals(long fromFrame, long toFrame) {
        long from = Math.max(fromFrame, firstKeptFrame());
        long to = Math.min(toFrame, frames);
        if (to <= from) {
            return null;
        }
        List<double[]> rows = new ArrayList<>();
        Iterator<double[]> it = kept.iterator();
        for (long i = firstKeptFrame(); i < to && it.hasNext(); i++) {
            double[] r = it.next();
            if (i >= from) {
                rows.add(r);
            }
        }
        return ShortTermExtractor.functionals(rows, analyzer.names().size(), functionals);
    }

    @Override
    public void reset() {
        analyzer.reset();
        buffered = 0;
        pcm.reset();
        kept.clear();
        ready.clear();
        frames = 0;
        Arrays.fill(frame, 0);
    }
}
