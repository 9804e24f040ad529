package io.emofuse.app;

import io.emofuse.server.TestFixtures;
import io.emofuse.server.EmofuseServer;
import io.emofuse.server.Http;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.emofuse.app.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch scoring through `emofuse score` and POST /v1/score with real audio, bad lines and a resumed run. */
class BatchScoringTest {

    @TempDir
    Path tmp;

    /** Input lines: good text and audio dialogues mixed with every kind of broken line. */
    private List<String> input(String wavDir) {
        List<String> lines = new ArrayList<>();
        lines.add("{\"dialogue_id\":\"d1\",\"turns\":[{\"turn_id\":1,\"speaker\":\"A\",\"text\":\"I love this\"},"
                + "{\"turn_id\":2,\"speaker\":\"B\",\"text\":\"I hate waiting\"}]}");
        lines.add("{\"dialogue_id\":\"d2\",\"turns\":[{\"turn_id\":\"t1\",\"speaker\":\"actor_01\",\"audio\":\""
                + wavDir + "03-01-01-01-01-01-01.wav\"}]}");
        lines.add("this is not json");
        lines.add("{\"turns\":[]}");
        lines.add("{\"dialogue_id\":\"d5\",\"turns\":\"nope\"}");
        lines.add("{\"dialogue_id\":\"d6\",\"turns\":[{\"turn_id\":1,\"audio\":\"../../../../etc/passwd\"},"
                + "{\"turn_id\":2,\"audio\":\"/etc/passwd\"},{\"turn_id\":3,\"audio\":\"" + wavDir + "missing.wav\"},"
                + "{\"turn_id\":4},{\"turn_id\":5,\"text\":\"fine\",\"start\":1}]}");
        // A segment of a recording: the first 1.2 s of "dogs are sitting by the door" holds "dogs are".
        lines.add("{\"dialogue_id\":\"d7\",\"turns\":[{\"turn_id\":1,\"audio\":\"" + wavDir
                + "03-01-01-01-02-01-01.wav\",\"start\":0.0,\"end\":1.2},"
                + "{\"turn_id\":2,\"audio\":\"" + wavDir + "03-01-01-01-02-01-01.wav\",\"start\":9,\"end\":10}]}");
        lines.add("");
        lines.add("[\"an\",\"array\"]");
        lines.add("{\"dialogue_id\":\"d10\",\"turns\":[{\"turn_id\":1,\"text\":\"with given text\",\"audio\":\""
                + wavDir + "03-01-01-01-01-01-01.wav\"}]}");
        return lines;
    }

    private static int cli(String... args) {
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            return Main.run(args);
        } finally {
            System.setErr(err);
            System.err.print(buf.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void scoresEveryLineAndResumesAfterAKill() throws Exception {
        Path ravdess = TestFixtures.ravdess();
        TestFixtures.analyzer(); // fail fast if the models cannot load
        Path in = tmp.resolve("dialogues.jsonl");
        List<String> lines = input("wav/");
        Files.write(in, lines, StandardCharsets.UTF_8);
        Path out = tmp.resolve("out.jsonl");
        assertEquals(Main.EXIT_SOME_FAILED, cli("score", in.toString(), "--out", out.toString(), "--threads", "2", "--no-progress",
                "--audio-root", ravdess.toString()));
        List<JsonNode> first = read(out);
        checkResults(first, lines.size());

        // A killed run: the last 3 results are gone and the one before them is half-written.
        List<String> kept = Files.readAllLines(out, StandardCharsets.UTF_8);
        String half = kept.get(lines.size() - 4).substring(0, 25);
        Files.writeString(out, String.join("\n", kept.subList(0, lines.size() - 4)) + "\n" + half,
                StandardCharsets.UTF_8);
        assertEquals(Main.EXIT_SOME_FAILED, cli("score", in.toString(), "--out", out.toString(), "--threads", "1", "--no-progress",
                "--audio-root", ravdess.toString()));
        List<JsonNode> resumed = read(out);
        checkResults(resumed, lines.size());
        // Nothing that was complete was scored again, and nothing was scored twice.
        assertEquals(Files.readAllLines(out).subList(0, lines.size() - 4), kept.subList(0, lines.size() - 4));

        // A third run has nothing left to do.
        long size = Files.size(out);
        assertEquals(Main.EXIT_SOME_FAILED, cli("score", in.toString(), "--out", out.toString(), "--no-progress",
                "--audio-root", ravdess.toString()));
        assertEquals(size, Files.size(out));
    }

    @Test
    void scoreEndpointStreamsOneLinePerInputLine() throws Exception {
        Path ravdess = TestFixtures.ravdess();
        EmofuseServer server = TestFixtures.server(Map.of("audio_roots", List.of(ravdess.toString())));
        try {
            List<String> lines = input("wav/");
            byte[] body = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> r = new Http(server.port()).post("/v1/score", "application/x-ndjson", body);
            assertEquals(200, r.statusCode(), r.body());
            List<JsonNode> results = new ArrayList<>();
            for (String l : r.body().split("\n")) {
                results.add(Http.JSON.readTree(l));
            }
            checkResults(results, lines.size());
        } finally {
            server.stop(java.time.Duration.ofSeconds(5));
        }
    }

    private static List<JsonNode> read(Path out) throws Exception {
        List<JsonNode> r = new ArrayList<>();
        for (String l : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            r.add(Http.JSON.readTree(l));
        }
        return r;
    }

    private static void checkResults(List<JsonNode> results, int inputLines) {
        assertEquals(inputLines, results.size(), "exactly one output line per input line");
        for (int i = 0; i < results.size(); i++) {
            assertEquals(i + 1, results.get(i).get("line").asInt(), "results in input order");
        }
        JsonNode d1 = results.get(0);
        assertEquals("d1", d1.get("dialogue_id").asText());
        assertEquals("text", d1.get("turns").get(0).get("source").asText());
        assertEquals("I love this", d1.get("turns").get(0).get("transcript").asText());
        assertTrue(d1.get("turns").get(0).has("emotion"));
        JsonNode d2 = results.get(1).get("turns").get(0);
        assertEquals("actor_01", d2.get("speaker").asText());
        assertTrue(d2.get("transcript").asText().contains("kids are talking by the door"), d2.toString());
        assertEquals("bad_json", results.get(2).get("error").asText());
        assertTrue(results.get(2).get("detail").asText().startsWith("line 3:"));
        assertEquals("bad_line", results.get(3).get("error").asText());
        assertEquals("bad_line", results.get(4).get("error").asText());
        assertEquals("d5", results.get(4).get("dialogue_id").asText());
        JsonNode d6 = results.get(5).get("turns");
        assertEquals("audio_outside_roots", d6.get(0).get("error").asText(), d6.toString());
        assertEquals("audio_outside_roots", d6.get(1).get("error").asText(), d6.toString());
        assertEquals("audio_not_found", d6.get(2).get("error").asText(), d6.toString());
        assertEquals("bad_turn", d6.get(3).get("error").asText(), d6.toString());
        assertEquals("bad_turn", d6.get(4).get("error").asText(), d6.toString());
        JsonNode d7 = results.get(6).get("turns");
        assertEquals(1.2, d7.get(0).get("duration_s").asDouble(), 1e-3);
        assertTrue(d7.get(0).get("transcript").asText().startsWith("dogs"), d7.toString());
        assertFalse(d7.get(0).get("transcript").asText().contains("door"), "only the segment is transcribed: " + d7);
        assertEquals("bad_turn", d7.get(1).get("error").asText(), "start past the end of the recording");
        assertEquals("bad_line", results.get(7).get("error").asText(), "empty line");
        assertEquals("bad_line", results.get(8).get("error").asText(), "array line");
        JsonNode d10 = results.get(9).get("turns").get(0);
        assertEquals("audio+text", d10.get("source").asText());
        assertEquals("with given text", d10.get("transcript").asText());
    }
}
