package io.emofuse.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.emofuse.testsupport.TestJson;
import io.emofuse.testsupport.WavBytes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The many-input contract, the same in every command: each input (file, folder entry, manifest
 * row, dialogue line) gets its result or one error naming it, in input order; the others are kept;
 * exit 0 when all succeeded, 1 when some failed. Real models, real audio (samples/ are RAVDESS clips).
 */
class InputContractTest {

    @TempDir
    Path tmp;

    private static final String HAPPY = Path.of("../samples/happy.wav").toAbsolutePath().toString();
    private static final String SAD = Path.of("../samples/sad.wav").toAbsolutePath().toString();

    @Test
    void analyzeKeepsEveryGoodFileAndNamesEveryBadOneInOrder() throws Exception {
        Path text = Files.writeString(tmp.resolve("text.wav"), "not audio at all\n");
        Path shortWav = WavBytes.write(tmp.resolve("short.wav"), WavBytes.tone(200, 0.3, 0.03, 16000), 16000);
        Path folder = Files.createDirectories(tmp.resolve("folder"));
        Files.copy(Path.of(SAD), folder.resolve("b.wav"));
        Files.copy(Path.of(HAPPY), folder.resolve("a.wav"));
        String missing = tmp.resolve("missing.wav").toString();
        CliTestSupport.Result r = CliTestSupport.run("analyze", "--json", HAPPY, missing, text.toString(), shortWav.toString(),
                folder.toString(), SAD);
        assertEquals(Main.EXIT_SOME_FAILED, r.exitCode(), r.err());
        JsonNode rows = TestJson.read(r.out());
        assertEquals(7, rows.size(), r.out());
        List<String> inputs = List.of(HAPPY, missing, text.toString(), shortWav.toString(), folder.resolve("a.wav").toString(),
                folder.resolve("b.wav").toString(), SAD);
        for (int i = 0; i < inputs.size(); i++) {
            assertEquals(inputs.get(i), rows.get(i).get("input").asText(), "input order, folders walked in path order");
        }
        for (int i : new int[] {1, 2, 3}) {
            String error = rows.get(i).get("error").asText();
            assertTrue(error.contains(Path.of(inputs.get(i)).getFileName().toString()), error);
            assertFalse(error.contains("Exception"), error);
        }
        double uncertainBelow = shippedUncertainBelow();
        for (int i : new int[] {0, 4, 5, 6}) {
            JsonNode row = rows.get(i);
            assertFalse(row.has("error"), row.toString());
            assertTrue(row.get("category").isTextual(), row.toString());
            double p = row.get("confidence").asDouble();
            assertEquals(row.get("probabilities").get(row.get("category").asText()).asDouble(), p, 1e-9);
            assertEquals(p < uncertainBelow, row.get("uncertain").asBoolean(), row.toString());
        }
        assertEquals(1, r.err().strip().lines().count(), r.err());

        // the table: whole paths, the probability, and an error row per bad input
        CliTestSupport.Result t = CliTestSupport.run("analyze", HAPPY, missing);
        assertEquals(Main.EXIT_SOME_FAILED, t.exitCode(), t.err());
        String good = t.out().lines().filter(l -> l.startsWith(HAPPY)).findFirst().orElseThrow();
        assertTrue(good.matches(".*\\s0\\.\\d\\d\\s+\".*\"$"), good);
        assertTrue(t.out().lines().anyMatch(l -> l.startsWith(missing) && l.contains("error: ") && l.contains("no such file")),
                t.out());
        assertTrue(t.out().contains(String.format(java.util.Locale.ROOT, "'uncertain' below %.2f", uncertainBelow)), t.out());
    }

    /** The default model's own threshold (composite.json), which make-default-model.sh re-chooses. */
    private static double shippedUncertainBelow() throws Exception {
        try (var in = InputContractTest.class.getResourceAsStream("/io/emofuse/models/default/composite.json")) {
            return TestJson.read(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .get("uncertainBelow").asDouble();
        }
    }

    @Test
    void extractReadsPastABadFileAndNamesDuplicateBaseNamesByPath() throws Exception {
        Path a = Files.createDirectories(tmp.resolve("a"));
        Path b = Files.createDirectories(tmp.resolve("b"));
        Files.copy(Path.of(HAPPY), a.resolve("x.wav"));
        Files.copy(Path.of(SAD), b.resolve("x.wav"));
        Path text = Files.writeString(tmp.resolve("text.wav"), "not audio\n");
        Path out = tmp.resolve("f.csv");
        CliTestSupport.Result r = CliTestSupport.run("extract", "--set", "egemaps", "--threads", "2", "--out", out.toString(),
                a.resolve("x.wav").toString(), text.toString(), b.toString());
        assertEquals(Main.EXIT_SOME_FAILED, r.exitCode(), r.err());
        List<String> rows = Files.readAllLines(out);
        assertEquals(3, rows.size(), "header + the two good files: " + rows);
        assertTrue(rows.get(1).startsWith("'" + a.resolve("x") + "'"), rows.get(1));
        assertTrue(rows.get(2).startsWith("'" + b.resolve("x") + "'"), rows.get(2));
        assertTrue(r.err().lines().anyMatch(l -> l.contains("text.wav") && !l.contains("Exception")), r.err());
        assertTrue(r.err().contains("share a file name"), r.err());
    }

    @Test
    void transcribeWalksFolders() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("in"));
        Files.copy(Path.of(SAD), folder.resolve("2.wav"));
        Files.copy(Path.of(HAPPY), folder.resolve("1.wav"));
        Path out = tmp.resolve("t.jsonl");
        CliTestSupport.Result r = CliTestSupport.run("transcribe", "--words", "--out", out.toString(), folder.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(2, lines.size());
        assertEquals(folder.resolve("1.wav").toString(), TestJson.read(lines.get(0)).get("file").asText());
        for (JsonNode w : TestJson.read(lines.get(1)).get("words")) {
            double s = w.get("start").asDouble();
            assertEquals(Math.round(s * 1000) / 1000.0, s, 0.0, "milliseconds: " + w);
            assertTrue(w.get("start").toString().replaceAll("^\\d+\\.?", "").length() <= 3, w.toString());
        }
    }

    @Test
    void predictWritesEveryRowsResultOrItsErrorWithTheLine() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("folder"));
        Path shortWav = WavBytes.write(tmp.resolve("short.wav"), WavBytes.tone(200, 0.3, 0.03, 16000), 16000);
        Path manifest = Files.writeString(tmp.resolve("m.csv"), String.join("\n",
                "utt_id,wav,text",
                "voice," + HAPPY + ",",
                "gone," + tmp.resolve("missing.wav") + ",",
                "dir," + folder + ",",
                "words,,I am so happy today.",
                "short," + shortWav + ",",
                ""));
        Path out = tmp.resolve("p.csv");
        CliTestSupport.Result r = CliTestSupport.run("predict", "--data", manifest.toString(), "--out", out.toString(),
                "--cache", tmp.resolve("cache").toString(), "-q");
        assertEquals(Main.EXIT_SOME_FAILED, r.exitCode(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(6, lines.size(), lines.toString());
        assertTrue(lines.get(0).endsWith(",error"), lines.get(0));
        assertTrue(lines.get(1).startsWith("voice,") && lines.get(1).endsWith(","), lines.get(1));
        assertTrue(lines.get(2).startsWith("gone,") && lines.get(2).contains("line 3 (gone)"), lines.get(2));
        assertTrue(lines.get(3).startsWith("dir,") && lines.get(3).contains("line 4 (dir)") && lines.get(3).contains("folder"),
                lines.get(3));
        String[] words = lines.get(4).split(",", -1);
        assertEquals("words", words[0]);
        assertEquals("", words[4], "no category from words alone");
        assertEquals("", words[5], "and no class probabilities either (not 0.0)");
        assertTrue(lines.get(5).startsWith("short,") && lines.get(5).contains("line 6 (short)")
                && lines.get(5).contains("shorter than"), "the extractor's failure, found by its file: " + lines.get(5));
        assertTrue(r.err().contains("line 3 (gone)") && r.err().contains("2 of 5 rows predicted"), r.err());
    }

    @Test
    void scoreAppliesTheDefaultModelAndExitsOneWhenALineFails() throws Exception {
        Path in = Files.writeString(tmp.resolve("d.jsonl"),
                "{\"dialogue_id\":\"a\",\"turns\":[{\"turn_id\":1,\"text\":\"What a wonderful day.\"}]}\n"
                        + "not json\n");
        Path out = tmp.resolve("o.jsonl");
        CliTestSupport.Result r = CliTestSupport.run("score", in.toString(), "--out", out.toString(), "--no-progress",
                "--threads", "1");
        assertEquals(Main.EXIT_SOME_FAILED, r.exitCode(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(2, lines.size());
        JsonNode turn = TestJson.read(lines.get(0)).get("turns").get(0);
        assertTrue(turn.get("emotion").isObject(), "the default model applies without --model: " + lines.get(0));
        assertTrue(TestJson.read(lines.get(1)).has("error"), lines.get(1));
    }
}
