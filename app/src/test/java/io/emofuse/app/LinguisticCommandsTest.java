package io.emofuse.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emofuse.testsupport.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real {@code transcribe} and {@code embed} commands on real audio, text and models. */
class LinguisticCommandsTest {

    private static Path data;

    @BeforeAll
    static void shared() {
        data = SharedData.ravdess().getParent();
    }

    private static List<String[]> csv(Path f) throws Exception {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(f)) {
            rows.add(line.split(","));
        }
        return rows;
    }

    @Test
    void transcribeWritesOneLinePerInputAndKeepsGoingPastABadOne(@TempDir Path tmp) throws Exception {
        String kids = data.resolve("ravdess/wav/03-01-01-01-01-01-01.wav").toString();
        String dogs = data.resolve("ravdess/wav/03-01-05-02-02-01-04.wav").toString();
        Path out = tmp.resolve("t.jsonl");
        CliTestSupport.Result r = CliTestSupport.run("transcribe", "--words", "--threads", "2", "--out", out.toString(),
                kids, "missing.wav", dogs);
        assertEquals(Main.EXIT_SOME_FAILED, r.exitCode(), r.err());
        List<JsonNode> lines = new ArrayList<>();
        for (String l : Files.readAllLines(out)) {
            lines.add(new ObjectMapper().readTree(l));
        }
        assertEquals(3, lines.size());
        assertEquals(kids, lines.get(0).get("file").asText());
        assertEquals("kids are talking by the door", lines.get(0).get("text").asText());
        assertEquals("missing.wav", lines.get(1).get("file").asText());
        assertTrue(lines.get(1).get("error").asText().contains("missing.wav"));
        assertEquals("dogs are sitting by the door", lines.get(2).get("text").asText());
        JsonNode words = lines.get(2).get("words");
        assertEquals(6, words.size());
        assertEquals("door", words.get(5).get("word").asText());
        assertTrue(words.get(5).get("end").asDouble() > words.get(5).get("start").asDouble());
        assertTrue(words.get(5).has("conf"));
    }

    @Test
    void embedWithSentenceEncoderAndGlove(@TempDir Path tmp) throws Exception {
        Path in = Files.writeString(tmp.resolve("in.txt"), "I am so happy today.\n\nThe tax deadline moved!\n");
        Path mini = tmp.resolve("m.csv");
        CliTestSupport.Result r = CliTestSupport.run("embed", "--in", in.toString(), "--out", mini.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String[]> rows = csv(mini);
        assertEquals(3, rows.size());
        double norm = 0;
        for (String v : rows.get(0)) {
            norm += Double.parseDouble(v) * Double.parseDouble(v);
        }
        assertEquals(384, rows.get(0).length);
        assertEquals(1.0, norm, 1e-4);

        Path glove = tmp.resolve("g.csv");
        r = CliTestSupport.run("embed", "--model", "glove:" + data.resolve("wordvec/glove.6B.100d.top2604.txt"),
                "--pool", "max", "--in", in.toString(), "--out", glove.toString());
        assertEquals(0, r.exitCode(), r.err());
        rows = csv(glove);
        assertEquals(3, rows.size());
        assertEquals(100, rows.get(2).length);
        assertEquals(0.0, Double.parseDouble(rows.get(1)[0]), "a blank line gets the zero vector");
    }

    @Test
    void trainWord2VecThenEmbedWithIt(@TempDir Path tmp) throws Exception {
        List<String> corpus = new ArrayList<>();
        for (String l : Files.readAllLines(data.resolve("emobank/manifest.csv")).subList(1, 1500)) {
            corpus.add(l.substring(l.indexOf(',') + 1));
        }
        Path text = Files.write(tmp.resolve("corpus.txt"), corpus);
        Path model = tmp.resolve("w2v.bin");
        CliTestSupport.Result r = CliTestSupport.run("embed", "train-word2vec", "--corpus", text.toString(),
                "--dim", "12", "--min-count", "3", "--epochs", "1", "--out", model.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(new String(Files.readAllBytes(model), 0, 16, java.nio.charset.StandardCharsets.US_ASCII).matches("\\d+ 12\n[\\s\\S]*"));
        Path in = Files.writeString(tmp.resolve("in.txt"), "the people said\n");
        Path out = tmp.resolve("w.csv");
        r = CliTestSupport.run("embed", "--model", "word2vec:" + model, "--in", in.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(12, csv(out).get(0).length);
    }

    @Test
    void badInputIsOneLineAndExitTwo(@TempDir Path tmp) throws Exception {
        Path in = Files.writeString(tmp.resolve("in.txt"), "hello\n");
        for (String[] args : List.of(
                new String[] {"embed", "--model", "bert-huge", "--in", in.toString(), "--out", tmp.resolve("o.csv").toString()},
                new String[] {"embed", "--model", "glove:" + tmp.resolve("none.txt"), "--in", in.toString(), "--out", "o.csv"},
                new String[] {"embed", "--pool", "median", "--in", in.toString(), "--out", "o.csv"},
                new String[] {"transcribe", "--asr-model", tmp.toString(), "--out", "o.jsonl", "x.wav"})) {
            CliTestSupport.Result r = CliTestSupport.run(args);
            assertEquals(Main.EXIT_USAGE, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        assertTrue(CliTestSupport.run("embed", "--help").out().contains("Examples"));
        assertTrue(CliTestSupport.run("transcribe", "--help").out().contains("Examples"));
    }
}
