package io.emofuse.acoustic.gemaps;

import java.util.Arrays;

/**
 * The frame pipeline of GeMAPS as a push-driven stream: samples in, complete raw frames
 * ({@link Raw} layout, both analysis branches and the delayed Viterbi F0) out, in frame order.
 * Memory is bounded: only the samples the pending frames and the jitter tracker still need are kept.
 *
 * <p>Formants are computed when a frame's F0 is decided: for every 60 ms frame, or, for an engine
 * that only feeds eGeMAPS/GeMAPS functionals (which use them on voiced frames only), for the voiced
 * ones; their unvoiced frames then hold 0 there. The trailing 20 ms-only frames never get formants:
 * no output reads them there.
 */
public final class GemapsEngine {

    /** Receives raw frames in order; {@code hasLong} is false for the trailing 20 ms-only frames. */
    public interface RawSink {
        void frame(long index, double[] raw, boolean hasLong);
    }

    static final int STEP = 160;
    private static final int PENDING = 128;
    private static final double ENERGY_GATE = 0.001;

    private final ShortFrameAnalyzer shortBranch = new ShortFrameAnalyzer();
    private final PitchAnalyzer pitch = new PitchAnalyzer();
    private final ViterbiSmoother viterbi = new ViterbiSmoother();
    private final JitterTracker jitter = new JitterTracker();
    private final Harmonics harmonics = new Harmonics();
    private final Formants formants = new Formants();
    private final boolean unvoicedFormants;

    private final double[][] pendingRaw = new double[PENDING][Raw.COUNT];
    private final double[][] pendingMag = new double[PENDING][PitchAnalyzer.BINS];
    private final boolean[] pendingAboveGate = new boolean[PENDING];
    private final float[][] pendingSpectrum = new float[PENDING][Formants.SPECTRUM];
    private final double[] candF = new double[PitchAnalyzer.CANDIDATES];
    private final double[] candV = new double[PitchAnalyzer.CANDIDATES];

    private float[] buf = new float[16384];
    private long bufBase; // absolute index of buf[0]
    private int bufLen;
    private long next25;
    private long next60;
    private long nextEmit;
    private boolean finished;
    private RawSink sink;
    private final ViterbiSmoother.Sink decided = this::completeLong;
    private final JitterTracker.Samples history = this::copySamples;

    /** An engine that computes formants on every frame. */
    public GemapsEngine() {
        this(true);
    }

    /** @param unvoicedFormants false to skip formants on unvoiced frames (eGeMAPS/GeMAPS functionals only) */
    public GemapsEngine(boolean unvoicedFormants) {
        this.unvoicedFormants = unvoicedFormants;
        reset();
    }

    public void reset() {
        shortBranch.reset();
        formants.reset();
        viterbi.reset();
        jitter.reset();
        bufBase = 0;
        bufLen = 0;
        next25 = 0;
        next60 = 0;
        nextEmit = 0;
        finished = false;
    }

    /** Pushes {@code len} samples (16 kHz, scaled like openSMILE: int16 / 32767). */
    public void push(float[] x, int off, int len, RawSink out) {
        if (finished) {
            throw new IllegalStateException("stream already finished; call reset() first");
        }
        sink = out;
        int pos = 0;
        while (pos < len) {
            int chunk = Math.min(len - pos, 8192);
            append(x, off + pos, chunk);
            pos += chunk;
            process();
        }
    }

    /** Ends the stream: flushes the Viterbi decoder and the trailing 20 ms-only frames. */
    public void finish(RawSink out) {
        if (finished) {
            return;
        }
        sink = out;
        viterbi.finish(decided);
        while (nextEmit < next25) {
            double[] raw = pendingRaw[(int) (nextEmit % PENDING)];
            if (nextEmit < next60) {
                throw new IllegalStateException("undecided F0 frame " + nextEmit);
            }
            sink.frame(nextEmit, raw, false);
            nextEmit++;
        }
        finished = true;
    }

    /** Number of complete 60 ms frames analysed so far. */
    public long longFrames() {
        return next60;
    }

    /** Number of complete 20 ms frames analysed so far. */
    public long shortFrames() {
        return next25;
    }

    private void append(float[] x, int off, int len) {
        long keepFrom = Math.min(Math.min(next25, next60) * STEP, jitter.oldestNeeded(nextEmit * STEP));
        keepFrom = Math.max(bufBase, Math.min(keepFrom, nextEmit * STEP - 2048));
        int drop = (int) Math.max(0, Math.min(bufLen, keepFrom - bufBase));
        if (drop > 0 && bufLen + len > buf.length) {
            System.arraycopy(buf, drop, buf, 0, bufLen - drop);
            bufLen -= drop;
            bufBase += drop;
        }
        if (bufLen + len > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, bufLen + len));
        }
        System.arraycopy(x, off, buf, bufLen, len);
        bufLen += len;
    }

    private void copySamples(long from, float[] dst, int len) {
        int start = (int) (from - bufBase);
        if (start < 0 || start + len > bufLen) {
            throw new IllegalStateException("jitter read outside the kept samples: " + from + "+" + len
                    + " not in [" + bufBase + ", " + (bufBase + bufLen) + ")");
        }
        System.arraycopy(buf, start, dst, 0, len);
    }

    private void process() {
        long end = bufBase + bufLen;
        while (next25 * STEP + ShortFrameAnalyzer.FRAME <= end) {
            if (next25 - nextEmit >= PENDING) {
                throw new IllegalStateException("pending frame buffer overflow");
            }
            int slot = (int) (next25 % PENDING);
            double[] raw = pendingRaw[slot];
            Arrays.fill(raw, 0);
            shortBranch.analyze(buf, (int) (next25 * STEP - bufBase), raw, pendingSpectrum[slot]);
            next25++;
        }
        while (next60 * STEP + PitchAnalyzer.FRAME <= end) {
            int slot = (int) (next60 % PENDING);
            pendingAboveGate[slot] = pitch.analyze(buf, (int) (next60 * STEP - bufBase), pendingMag[slot], candF, candV,
                    ENERGY_GATE);
            next60++;
            viterbi.push(candF, candV, decided);
        }
    }

    private void completeLong(long frame, double f0) {
        int slot = (int) (frame % PENDING);
        double[] raw = pendingRaw[slot];
        float gated = pendingAboveGate[slot] ? (float) f0 : 0f;
        raw[Raw.F0_HZ] = gated;
        jitter.process(frame, gated, history, raw);
        if (gated > 0 || unvoicedFormants) {
            formants.analyze(pendingSpectrum[slot], gated > 0, raw); // before harmonics: A1-A3 sit at F1-F3
        }
        harmonics.analyze(pendingMag[slot], gated, raw);
        if (frame != nextEmit) {
            throw new IllegalStateException("F0 frames decided out of order");
        }
        sink.frame(frame, raw, true);
        nextEmit++;
    }
}
