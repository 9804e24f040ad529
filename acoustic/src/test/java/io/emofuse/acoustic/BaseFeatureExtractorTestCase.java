package io.emofuse.acoustic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emofuse.acoustic.audio.Audio;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Invariants every acoustic feature extractor family must satisfy (in the spirit of Lucene's
 * BaseTokenStreamTestCase): names match vectors, frame counts follow the 10 ms grid, no NaN or
 * infinity, streaming in arbitrary chunks equals batch, an instance is reusable after reset,
 * too-short input is rejected with a typed error.
 */
public abstract class BaseFeatureExtractorTestCase {

    /** A fresh extractor under test. */
    protected abstract FeatureExtractor extractor();

    /** A fresh stream of the same set keeping every frame. */
    protected abstract StreamingExtractor streaming();

    /** LLD rows the set writes for {@code samples} samples (the GeMAPS family's openSMILE grid by default). */
    protected int expectedLldRows(int samples) {
        return Signals.expectedLldRows(samples);
    }

    /** The fewest samples that yield one frame (60 ms for the GeMAPS family). */
    protected int minSamples() {
        return 960;
    }

    /** Signals that exercise voiced, unvoiced and silent stretches. */
    protected List<Audio> signals() {
        return List.of(
                Signals.audio(Signals.vowelLike(140, 1.3, 1), "vowel140"),
                Signals.audio(Signals.concat(new float[8000], Signals.vowelLike(220, 0.8, 2), Signals.noise(0.4, 0.1, 3)),
                        "mixed"),
                Signals.audio(Signals.tone(220, 0.5, 0.5), "tone220"),
                Signals.audio(new float[4321], "silence"),
                Signals.audio(Signals.vowelLike(110, 0.0601, 4), "oneFrame"));
    }

    @Test
    void namesAreUniqueAndMatchVectorLengths() {
        FeatureExtractor ex = extractor();
        assertEquals(ex.functionalNames().size(), new HashSet<>(ex.functionalNames()).size(), "duplicate functional names");
        assertEquals(ex.lldNames().size(), new HashSet<>(ex.lldNames()).size(), "duplicate LLD names");
        for (Audio a : signals()) {
            assertEquals(ex.functionalNames().size(), ex.functionals(a).length, a.source());
            for (double[] row : ex.lld(a)) {
                assertEquals(ex.lldNames().size(), row.length, a.source());
            }
        }
    }

    @Test
    void lldFramesFollowTheTenMillisecondGrid() {
        FeatureExtractor ex = extractor();
        for (int n : new int[] {960, 961, 1119, 1120, 8000, 16000, 23456}) {
            Audio a = Signals.audio(Signals.vowelLike(150, n / 16000.0, n), "n" + n);
            assertEquals(expectedLldRows(a.samples().length), ex.lld(a).length, "rows for " + n + " samples");
        }
    }

    @Test
    void noNanOrInfinity() {
        FeatureExtractor ex = extractor();
        for (Audio a : signals()) {
            for (double v : ex.functionals(a)) {
                assertTrue(Double.isFinite(v), a.source() + ": non-finite functional");
            }
            for (double[] row : ex.lld(a)) {
                for (double v : row) {
                    assertTrue(Double.isFinite(v), a.source() + ": non-finite LLD");
                }
            }
        }
    }

    @Test
    void streamingInRandomChunksEqualsBatch() {
        FeatureExtractor ex = extractor();
        Random r = new Random(42);
        for (Audio a : signals()) {
            StreamingExtractor s = streaming();
            List<double[]> rows = new ArrayList<>();
            float[] x = a.samples();
            int off = 0;
            while (off < x.length) {
                int len = Math.min(x.length - off, 1 + r.nextInt(r.nextBoolean() ? 50 : 5000));
                s.push(x, off, len);
                off += len;
                rows.addAll(List.of(s.pollFrames()));
            }
            s.finish();
            rows.addAll(List.of(s.pollFrames()));
            double[][] batch = ex.lld(a);
            assertEquals(batch.length, rows.size(), a.source());
            for (int i = 0; i < batch.length; i++) {
                assertArrayEquals(batch[i], rows.get(i), 0.0, a.source() + " row " + i);
            }
            assertEquals(batch.length, s.frameCount());
            assertArrayEquals(ex.functionals(a), s.functionals(), 0.0, a.source());
        }
    }

    @Test
    void pcm16StreamEqualsFloatStream() {
        Audio a = signals().get(0);
        float[] x = a.samples();
        byte[] pcm = new byte[x.length * 2];
        float[] rounded = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            short v = (short) Math.round(x[i] * 32767);
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
            rounded[i] = v / 32767f;
        }
        StreamingExtractor s = streaming();
        for (int off = 0; off < pcm.length; off += 777) { // odd chunks split samples
            s.pushPcm16(pcm, off, Math.min(777, pcm.length - off));
        }
        s.finish();
        assertArrayEquals(extractor().functionals(Signals.audio(rounded, "rounded")), s.functionals(), 0.0);
    }

    @Test
    void reusableAfterReset() {
        StreamingExtractor s = streaming();
        Audio a = signals().get(1);
        Audio b = signals().get(0);
        s.push(a.samples());
        s.finish();
        double[] first = s.functionals();
        s.reset();
        assertEquals(0, s.frameCount());
        s.push(b.samples());
        s.finish();
        assertArrayEquals(extractor().functionals(b), s.functionals(), 0.0, "after reset");
        s.reset();
        s.push(a.samples());
        s.finish();
        assertArrayEquals(first, s.functionals(), 0.0, "same input again");
        FeatureExtractor ex = extractor();
        assertArrayEquals(ex.functionals(a), ex.functionals(a), 0.0, "batch extractor is stateless");
    }

    @Test
    void boundedWindowForgetsOldFrames() {
        StreamingExtractor s = windowed(100);
        float[] x = Signals.vowelLike(130, 3.0, 9);
        s.push(x);
        assertTrue(s.firstKeptFrame() > 100, "old frames are dropped");
        double[] f = s.functionals(s.frameCount() - 50, s.frameCount());
        assertNotNull(f);
        for (double v : f) {
            assertTrue(Double.isFinite(v));
        }
    }

    /** A stream of the same set keeping at most {@code frames} frames. */
    protected abstract StreamingExtractor windowed(int frames);

    @Test
    void tooShortAudioIsRejectedWithItsName() {
        AudioTooShortException e = assertThrows(AudioTooShortException.class,
                () -> extractor().functionals(Signals.audio(new float[minSamples() - 1], "tiny.wav")));
        assertTrue(e.getMessage().contains("tiny.wav"), e.getMessage());
        StreamingExtractor s = streaming();
        s.push(new float[Math.min(500, minSamples() - 1)]);
        s.finish();
        assertEquals(0, s.frameCount());
        assertEquals(null, s.functionals());
        assertFalse(extractor().lldNames().isEmpty());
    }
}
