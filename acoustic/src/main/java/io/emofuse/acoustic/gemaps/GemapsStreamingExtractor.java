package io.emofuse.acoustic.gemaps;

import io.emofuse.acoustic.StreamingExtractor;
import io.emofuse.acoustic.audio.Pcm16Decoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Streaming eGeMAPS / GeMAPS / HSF extraction: the {@link GemapsEngine} frame pipeline, a
 * {@link FrameStore} window and the LLD rows as openSMILE writes them (each row three frames after
 * its own; the last rows at {@link #finish()}). A functionals-only stream emits no LLD rows and,
 * for eGeMAPS and GeMAPS, skips the formants of unvoiced frames, which their functionals never read.
 */
public final class GemapsStreamingExtractor implements StreamingExtractor {

    private final GemapsVariant variant;
    private final GemapsEngine engine;
    private final boolean lldRows;
    private final FrameStore store;
    private final List<double[]> ready = new ArrayList<>();
    private final double[] fullRow = new double[GemapsFeatures.EGEMAPS_LLD.size()];
    private final GemapsEngine.RawSink sink = this::onFrame;
    private long rowsEmitted;
    private boolean finished;
    private final Pcm16Decoder pcm = new Pcm16Decoder();

    /**
     * @param variant      which feature set
     * @param windowFrames frames (10 ms each) kept for functionals; 0 keeps everything
     */
    public GemapsStreamingExtractor(GemapsVariant variant, int windowFrames) {
        this(variant, windowFrames, true);
    }

    /**
     * @param lldRows false for a stream that is only asked for functionals: {@link #pollFrames()}
     *                then returns no rows, and the functionals are the same, faster
     */
    public GemapsStreamingExtractor(GemapsVariant variant, int windowFrames, boolean lldRows) {
        this.variant = variant;
        this.lldRows = lldRows;
        this.engine = new GemapsEngine(lldRows || variant.functionalsReadUnvoicedFormants());
        // LLD rows need up to 6 recent frames (the end row reaches 2 frames past the last 60 ms frame).
        this.store = new FrameStore(windowFrames <= 0 ? 0 : Math.max(8, windowFrames));
    }

    public GemapsVariant variant() {
        return variant;
    }

    @Override
    public List<String> lldNames() {
        return variant.lldNames();
    }

    @Override
    public List<String> functionalNames() {
        return variant.functionalNames();
    }

    @Override
    public void push(float[] samples, int offset, int length) {
        engine.push(samples, offset, length, sink);
    }

    @Override
    public void pushPcm16(byte[] data, int offset, int length) {
        int n = pcm.decode(data, offset, length);
        push(pcm.samples(), 0, n);
    }

    @Override
    public void finish() {
        if (finished) {
            return;
        }
        engine.finish(sink);
        long nLong = store.endLong();
        long nShort = store.end();
        if (nLong > 0) {
            for (long t = rowsEmitted; t <= nLong; t++) {
                emitRow(t, nLong, nShort);
            }
        }
        finished = true;
    }

    private void onFrame(long index, double[] raw, boolean hasLong) {
        store.add(index, raw, hasLong);
        // a row needs its right neighbour, the formant columns must know whether the next frame
        // is the last 60 ms one (their contour ends a frame early), and the F0 side whether the
        // last frame, two on, is voiced (GemapsFeatures.lldRow): three frames of lag
        if (hasLong && index >= 3) {
            emitRow(index - 3, Long.MAX_VALUE, Long.MAX_VALUE);
        }
    }

    private void emitRow(long t, long nLong, long nShort) {
        if (lldRows) {
            GemapsFeatures.lldRow(store, t, nLong, nShort, fullRow);
            ready.add(variant.selectLld(fullRow));
        }
        rowsEmitted = t + 1;
    }

    @Override
    public double[][] pollFrames() {
        double[][] out = ready.toArray(new double[0][]);
        ready.clear();
        return out;
    }

    @Override
    public long frameCount() {
        return rowsEmitted;
    }

    @Override
    public long firstKeptFrame() {
        return store.first();
    }

    @Override
    public double[] functionals(long fromFrame, long toFrame) {
        return variant.functionals(store, fromFrame, Math.min(toFrame, finished ? Long.MAX_VALUE : rowsEmitted),
                rowsEmitted, finished);
    }

    @Override
    public void reset() {
        engine.reset();
        store.clear();
        ready.clear();
        rowsEmitted = 0;
        finished = false;
        pcm.reset();
    }

    /** Batch helper: all LLD rows of {@code samples}. */
    public static double[][] lld(GemapsVariant variant, float[] samples) {
        GemapsStreamingExtractor s = new GemapsStreamingExtractor(variant, 0);
        List<double[]> rows = new ArrayList<>();
        int step = 1 << 16;
        for (int off = 0; off < samples.length; off += step) {
            s.push(samples, off, Math.min(step, samples.length - off));
            rows.addAll(Arrays.asList(s.pollFrames()));
        }
        s.finish();
        rows.addAll(Arrays.asList(s.pollFrames()));
        return rows.toArray(new double[0][]);
    }
}
