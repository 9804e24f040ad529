package io.emofuse.acoustic.gemaps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.emofuse.acoustic.audio.WavReader;
import io.emofuse.testsupport.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A functionals-only stream skips LLD rows and, for eGeMAPS/GeMAPS, the formants of unvoiced
 * frames: its functionals must equal a full stream's bit for bit on real speech, where voiced and
 * unvoiced frames alternate many times.
 */
class FunctionalsOnlyStreamTest {

    private static List<Path> speech() throws Exception {
        Path wav = SharedData.ravdess().resolve("wav");
        try (Stream<Path> files = Files.walk(wav)) {
            return files.filter(p -> p.toString().endsWith(".wav")).sorted().limit(6).toList();
        }
    }

    private static double[] functionals(GemapsVariant v, float[] x, boolean lldRows) {
        GemapsStreamingExtractor s = new GemapsStreamingExtractor(v, 0, lldRows);
        int rows = 0;
        for (int off = 0; off < x.length; off += 3000) {
            s.push(x, off, Math.min(3000, x.length - off));
            rows += s.pollFrames().length;
        }
        s.finish();
        rows += s.pollFrames().length;
        assertEquals(lldRows, rows > 0, "LLD rows only where asked for");
        return s.functionals();
    }

    @Test
    void sameFunctionalsAsAFullStream() throws Exception {
        List<Path> files = speech();
        assertTrue(files.size() >= 6, "RAVDESS files: " + files.size());
        for (Path f : files) {
            float[] x = WavReader.read16k(f).samples();
            for (GemapsVariant v : List.of(GemapsVariant.EGEMAPS, GemapsVariant.GEMAPS,
                    GemapsVariant.hsf2(GemapsVariant.DEFAULT_ALPHA, GemapsVariant.SilenceReference.MEAN))) {
                assertArrayEquals(functionals(v, x, true), functionals(v, x, false), 0.0, v.id() + " " + f.getFileName());
            }
        }
    }
}
