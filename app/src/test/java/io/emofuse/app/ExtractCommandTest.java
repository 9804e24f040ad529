package io.emofuse.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emofuse.testsupport.SharedData;
import io.emofuse.testsupport.WavBytes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code emofuse extract} end to end: real WAV files in, openSMILE-layout files out. */
class ExtractCommandTest {

    @TempDir
    Path dir;

    /** 16 kHz mono s16 WAV of a 200 Hz tone with harmonics. */
    private Path wav(String name, int samples) {
        float[] x = new float[samples];
        for (int i = 0; i < samples; i++) {
            x[i] = (float) (0.3 * Math.sin(2 * Math.PI * 200 * i / 16000.0) + 0.1 * Math.sin(2 * Math.PI * 400 * i / 16000.0));
        }
        return WavBytes.write(dir.resolve(name), x, 16000);
    }

    @Test
    void functionalsCsvHasOpenSmilesLayout() throws IOException {
        Path a = wav("a.wav", 16000);
        Path sub = Files.createDirectories(dir.resolve("sub"));
        Files.move(wav("b.wav", 8000), sub.resolve("b.wav"));
        Path out = dir.resolve("f.csv");
        CliTestSupport.Result r = CliTestSupport.run("extract", "--set", "egemaps", "--out", out.toString(), a.toString(), sub.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(3, lines.size());
        String[] header = lines.get(0).split(";");
        assertEquals("name", header[0]);
        assertEquals("frameTime", header[1]);
        assertEquals(90, header.length);
        assertTrue(lines.get(1).startsWith("'a';0.000000;"), lines.get(1));
        assertTrue(lines.get(2).startsWith("'b';0.000000;"), lines.get(2));
        assertTrue(lines.get(1).matches("'a';0\\.000000(;(-?\\d\\.\\d{6}e[+-]\\d\\d|-?\\d+))+"), lines.get(1));
    }

    @Test
    void reproducesTheOpenSmileReferenceFile() throws IOException {
        Path ref = SharedData.path("opensmile-ref", "wav").getParent();
        Path in = ref.resolve("wav/syn_short_0p5s.wav");
        Path out = dir.resolve("lld.csv");
        CliTestSupport.Result r = CliTestSupport.run("extract", "--set", "gemaps", "--level", "lld", "--out", out.toString(), in.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> ours = Files.readAllLines(out);
        List<String> expected = Files.readAllLines(ref.resolve("gemaps/lld/syn_short_0p5s.csv"));
        assertEquals(expected.get(0), ours.get(0), "header");
        assertEquals(expected.size(), ours.size(), "rows");
        for (int i = 1; i < expected.size(); i++) {
            String[] a = ours.get(i).split(";");
            String[] b = expected.get(i).split(";");
            assertEquals(b[0], a[0]);
            assertEquals(b[1], a[1], "frameTime of row " + i);
            for (int c = 2; c < b.length; c++) {
                double x = Double.parseDouble(a[c]);
                double y = Double.parseDouble(b[c]);
                String col = expected.get(0).split(";")[c];
                // LPC formants come from near-singular polynomials: float rounding moves them by up to ~0.5 %
                double tol = col.matches("F\\d(frequency|bandwidth).*") ? 1e-2 : 1e-3;
                assertEquals(y, x, tol * Math.max(1, Math.abs(y)), "row " + i + " col " + col);
            }
        }
    }

    @Test
    void tooShortFileGetsNoRowAndOneErrorLine() throws IOException {
        Path ok = wav("ok.wav", 4000);
        Path tiny = wav("tiny.wav", 900);
        Path out = dir.resolve("f.csv");
        CliTestSupport.Result r = CliTestSupport.run("extract", "--set", "gemaps", "--out", out.toString(), ok.toString(), tiny.toString());
        assertEquals(Main.EXIT_SOME_FAILED, r.exitCode(), r.err());
        assertEquals(2, Files.readAllLines(out).size());
        long errors = r.err().lines().filter(l -> l.contains("tiny.wav") && l.contains("shorter than one analysis frame")).count();
        assertEquals(1, errors, r.err());
        assertTrue(r.err().contains("1 of 2 input(s)"), r.err());
        CliTestSupport.Result lld = CliTestSupport.run("extract", "--set", "gemaps", "--level", "lld", "--threads", "1", "--out",
                dir.resolve("l.csv").toString(), tiny.toString());
        assertEquals(Main.EXIT_SOME_FAILED, lld.exitCode());
        assertTrue(lld.err().contains("tiny.wav"), lld.err());
    }

    @Test
    void hsf2JsonlAndArffWithThreads() throws IOException {
        Path a = wav("a.wav", 12000);
        Path b = wav("b.wav", 20000);
        Path json = dir.resolve("f.jsonl");
        CliTestSupport.Result r = CliTestSupport.run("extract", "--set", "hsf2", "--silence-ref", "median", "--format", "jsonl",
                "--threads", "2", "--out", json.toString(), a.toString(), b.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = Files.readAllLines(json);
        assertEquals(2, lines.size());
        JsonNode n = new ObjectMapper().readTree(lines.get(1));
        assertEquals("b", n.get("name").asText());
        assertTrue(n.has("silenceRatio"));
        Path arff = dir.resolve("f.arff");
        r = CliTestSupport.run("extract", "--set", "hsf1", "--format", "arff", "--out", arff.toString(), a.toString());
        assertEquals(0, r.exitCode(), r.err());
        String text = Files.readString(arff);
        assertTrue(text.contains("@attribute Loudness_sma3_mean numeric") && text.contains("@data"), text);
    }

    @Test
    void badInputIsOneLineAndExitOneBadOptionExitTwo() throws IOException {
        Path junk = dir.resolve("junk.wav");
        Files.write(junk, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13});
        CliTestSupport.Result r = CliTestSupport.run("extract", "--set", "egemaps", "--out", dir.resolve("x.csv").toString(), junk.toString());
        assertEquals(Main.EXIT_SOME_FAILED, r.exitCode());
        assertEquals(1, r.err().lines().filter(l -> l.contains("junk.wav")).count(), r.err());
        assertEquals(2, r.err().lines().count(), "the input's error and the summary: " + r.err());
        r = CliTestSupport.run("extract", "--set", "no-such-set", "--out", dir.resolve("x.csv").toString(), junk.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("no-such-set"), r.err());
        r = CliTestSupport.run("extract", "--set", "egemaps", "--out", dir.resolve("x.csv").toString(), dir.resolve("missing.wav").toString());
        assertEquals(Main.EXIT_SOME_FAILED, r.exitCode());
        assertTrue(r.err().contains("missing.wav"), r.err());
    }

    @Test
    void helpTeachesByExample() {
        CliTestSupport.Result r = CliTestSupport.run("extract", "--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("emofuse extract --set egemaps --out feats.csv speech.wav"), r.out());
    }
}
