package io.emofuse.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.emofuse.acoustic.audio.Audio;
import io.emofuse.acoustic.audio.Resampler;
import io.emofuse.acoustic.audio.WavReader;
import io.emofuse.linguistic.asr.Pcm16;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /v1/vosk} against a client written from vosk-server's protocol (its
 * {@code websocket/asr_server.py} and the {@code test*.py} clients beside it): an optional
 * {@code {"config": {...}}} (at any time), 0.2 s binary messages each answered with exactly one
 * {@code {"partial"}} or result, {@code {"reset" : 1}} answered with the result so far,
 * {@code {"eof" : 1}} answered with the last result, then a normal close. Real Vosk, real port.
 */
class VoskServerProtocolTest {

    private static final String KIDS = "03-01-01-01-01-01-01.wav"; // "kids are talking by the door"
    private static final String DOGS = "03-01-02-01-02-01-02.wav"; // "dogs are sitting by the door"
    private static EmofuseServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestFixtures.server(Map.of("max_streams", 4));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(java.time.Duration.ofSeconds(2));
        }
    }

    /** vosk-server's test.py, as a class: connect, optional config, audio in 0.2 s messages, eof. */
    static final class VoskClient {
        final WsClient ws;
        final List<JsonNode> answers = new ArrayList<>();

        VoskClient(int port) throws Exception {
            ws = WsClient.connect(port, "/v1/vosk");
        }

        void config(String json) {
            ws.text(json);
        }

        /** Sends the PCM in 0.2 s messages, reading the one answer to each before the next. */
        void audio(byte[] pcm, int rate) throws Exception {
            int size = (int) (rate * 0.2) * 2;
            for (int off = 0; off < pcm.length; off += size) {
                ws.binary(pcm, off, Math.min(size, pcm.length - off));
                answers.add(answer());
            }
        }

        JsonNode command(String json) throws Exception {
            ws.text(json);
            JsonNode a = answer();
            answers.add(a);
            return a;
        }

        JsonNode eof() throws Exception {
            return command("{\"eof\" : 1}");
        }

        private JsonNode answer() throws Exception {
            JsonNode a = ws.next(30);
            assertNotNull(a, "an answer to every message");
            assertFalse(a.has("error"), a.toString());
            return a;
        }

        /** The text of every result, in order (with alternatives: the best one's). */
        String text() {
            List<String> out = new ArrayList<>();
            for (JsonNode a : answers) {
                String t = a.has("alternatives") ? a.get("alternatives").get(0).path("text").asText()
                        : a.path("text").asText();
                if (!t.isEmpty()) {
                    out.add(t);
                }
            }
            return String.join(" ", out);
        }

        List<JsonNode> results() {
            return answers.stream().filter(a -> !a.has("partial")).toList();
        }
    }

    /** A RAVDESS utterance as s16le PCM at {@code rate}, with 0.5 s of silence after it (an endpoint). */
    static byte[] pcm(String name, int rate) throws Exception {
        Audio a = WavReader.read(TestFixtures.wav(name));
        Audio r = a.sampleRate() == rate ? a : Resampler.toRate(a, rate);
        float[] withSilence = java.util.Arrays.copyOf(r.samples(), r.samples().length + rate / 2);
        return Pcm16.encode(withSilence);
    }

    @Test
    void testPyTranscribesWithOneAnswerPerMessageAndClosesAfterEof() throws Exception {
        VoskClient c = new VoskClient(server.port());
        c.config("{ \"config\" : { \"sample_rate\" : 16000 } }");
        byte[] pcm = pcm(KIDS, 16_000);
        c.audio(pcm, 16_000);
        JsonNode last = c.eof();
        int messages = (pcm.length + 6399) / 6400;
        assertEquals(messages + 1, c.answers.size(), "one answer per audio message and one for eof");
        assertTrue(c.answers.stream().limit(messages).allMatch(a -> a.has("partial") || a.has("text")));
        assertTrue(last.has("text") && last.has("emotion"), last.toString());
        assertTrue(c.text().contains("kids are talking by the door"), c.answers.toString());
        JsonNode result = c.results().stream().filter(a -> a.path("text").asText().contains("door")).findFirst()
                .orElseThrow();
        assertTrue(result.get("result").size() >= 5, "words on by default: " + result);
        JsonNode w = result.get("result").get(0);
        assertTrue(w.has("word") && w.has("start") && w.has("end") && w.has("conf"), w.toString());
        assertEquals(1000, c.ws.awaitClose(10));
        assertTrue(new Http(server.port()).get("/metrics").body().contains("route=\"/v1/vosk\",status=\"101\""),
                "the upgrade is counted");
    }

    @Test
    void withoutConfigTheServersSampleRateApplies() throws Exception {
        // vosk-server's default (VOSK_SAMPLE_RATE) is 8000: an 8 kHz client may send no config.
        VoskClient c = new VoskClient(server.port());
        c.audio(pcm(KIDS, 8_000), 8_000);
        c.eof();
        assertTrue(c.text().contains("talking by the door"), c.text());
        EmofuseServer wide = TestFixtures.server(Map.of("vosk_sample_rate", 16_000, "warmup", false));
        try {
            VoskClient w = new VoskClient(wide.port());
            w.audio(pcm(DOGS, 16_000), 16_000);
            w.eof();
            assertTrue(w.text().contains("sitting by the door"), w.text());
        } finally {
            wide.stop(java.time.Duration.ofSeconds(2));
        }
    }

    @Test
    void sampleRateIsReadAsPythonsFloatReadsIt() throws Exception {
        for (String rate : List.of("\"16000\"", "16000.0", "\" 16000 \"")) {
            VoskClient c = new VoskClient(server.port());
            c.config("{\"config\": {\"sample_rate\": " + rate + "}}");
            c.audio(pcm(DOGS, 16_000), 16_000);
            c.eof();
            assertTrue(c.text().contains("sitting by the door"), rate + ": " + c.text());
        }
        for (String bad : List.of("\"fast\"", "0", "1000000", "\"16000d\"", "null", "[16000]")) {
            assertRefused("{\"config\": {\"sample_rate\": " + bad + "}}", "bad_config", 1003);
        }
    }

    @Test
    void wordsZeroDropsTheResultArray() throws Exception {
        VoskClient c = new VoskClient(server.port());
        c.config("{\"config\": {\"sample_rate\": 16000, \"words\": 0}}");
        c.audio(pcm(KIDS, 16_000), 16_000);
        c.eof();
        assertTrue(c.text().contains("door"), c.text());
        for (JsonNode r : c.results()) {
            assertFalse(r.has("result"), "no words with words: 0: " + r);
            assertTrue(r.has("text") && r.has("emotion"), r.toString());
        }
    }

    @Test
    void maxAlternativesAnswersAnNBestList() throws Exception {
        VoskClient c = new VoskClient(server.port());
        c.config("{\"config\" : { \"max_alternatives\" : 3, \"sample_rate\" : 16000 } }");
        c.audio(pcm(KIDS, 16_000), 16_000);
        c.eof();
        List<JsonNode> results = c.results();
        assertFalse(results.isEmpty());
        for (JsonNode r : results) {
            assertTrue(r.has("alternatives") && !r.has("text"), r.toString());
            assertTrue(r.get("alternatives").size() >= 1 && r.get("alternatives").size() <= 3, r.toString());
            for (JsonNode alt : r.get("alternatives")) {
                assertTrue(alt.has("text") && alt.has("confidence"), alt.toString());
            }
        }
        JsonNode best = results.stream().filter(r -> r.get("alternatives").get(0).path("text").asText()
                .contains("door")).findFirst().orElseThrow(() -> new AssertionError(c.answers.toString()));
        JsonNode words = best.get("alternatives").get(0).get("result");
        assertTrue(words.size() >= 5 && words.get(0).has("start") && words.get(0).has("end"), best.toString());
        assertTrue(words.get(0).get("start").asDouble() < 3, "times count from this stream's start: " + words);
        assertTrue(best.has("emotion"));
        for (String bad : List.of("-1", "21", "\"many\"", "\"2.5\"")) {
            assertRefused("{\"config\": {\"max_alternatives\": " + bad + "}}", "bad_config", 1003);
        }
    }

    @Test
    void phraseListRestrictsRecognitionToAGrammar() throws Exception {
        VoskClient c = new VoskClient(server.port());
        c.config("{\"config\": {\"sample_rate\": 16000, \"phrase_list\": [\"one\", \"zero\"]}}");
        c.audio(pcm(KIDS, 16_000), 16_000);
        c.eof();
        for (JsonNode r : c.results()) {
            for (String w : r.path("text").asText().split(" ")) {
                assertTrue(w.isEmpty() || Set.of("one", "zero").contains(w), "only grammar words: " + r);
            }
        }
        VoskClient g = new VoskClient(server.port());
        g.config("{\"config\": {\"sample_rate\": 16000, \"phrase_list\": [\"dogs are sitting by the door\","
                + " \"kids are talking by the door\", \"[unk]\"]}}");
        g.audio(pcm(DOGS, 16_000), 16_000);
        g.eof();
        assertEquals("dogs are sitting by the door", g.text(), g.answers.toString());
        // A free-speech stream afterwards is not restricted (grammar recognisers are never pooled).
        VoskClient free = new VoskClient(server.port());
        free.config("{\"config\": {\"sample_rate\": 16000}}");
        free.audio(pcm(KIDS, 16_000), 16_000);
        free.eof();
        assertTrue(free.text().contains("kids are talking"), free.text());
        assertRefused("{\"config\": {\"phrase_list\": \"one zero\"}}", "bad_config", 1003);
    }

    @Test
    void modelCannotBeSwitched() throws Exception {
        assertRefused("{\"config\": {\"model\": \"/opt/vosk-model-en\"}}", "bad_config", 1003);
    }

    @Test
    void resetAnswersTheUtteranceSoFarAndGoesOn() throws Exception {
        VoskClient c = new VoskClient(server.port());
        c.config("{\"config\": {\"sample_rate\": 16000}}");
        byte[] kids = pcm(KIDS, 16_000);
        // Most of the first utterance, no trailing silence: only reset can end it.
        c.audio(java.util.Arrays.copyOf(kids, kids.length - 16_000), 16_000);
        JsonNode reset = c.command("{\"reset\" : 1}");
        assertTrue(reset.has("text") && !reset.has("partial"), "reset answers a result: " + reset);
        assertTrue(reset.get("text").asText().contains("kids are talking"), reset.toString());
        JsonNode again = c.command("{\"reset\" : 1}");
        assertEquals("", again.get("text").asText(), "nothing since the last reset: " + again);
        c.audio(pcm(DOGS, 16_000), 16_000);
        c.eof();
        assertTrue(c.text().contains("dogs are sitting by the door"), c.text());
        assertEquals(1000, c.ws.awaitClose(10));
    }

    @Test
    void configIsAcceptedAtAnyTime() throws Exception {
        VoskClient c = new VoskClient(server.port());
        c.config("{\"config\": {\"sample_rate\": 16000}}");
        byte[] kids = pcm(KIDS, 16_000);
        c.audio(kids, 16_000);
        c.command("{\"reset\" : 1}"); // the first utterance's result, whether or not Vosk saw its end
        List<JsonNode> before = c.results();
        // After audio: words and max_alternatives apply from here on, no answer, no error.
        c.config("{\"config\": {\"words\": 0, \"max_alternatives\": 2, \"sample_rate\": 16000}}");
        c.audio(pcm(DOGS, 16_000), 16_000);
        c.eof();
        assertTrue(c.text().contains("kids are talking") && c.text().contains("dogs are sitting"), c.text());
        JsonNode first = before.stream().filter(r -> r.path("text").asText().contains("kids")).findFirst()
                .orElseThrow(() -> new AssertionError(before.toString()));
        assertTrue(first.has("result"), "before the config: words, no alternatives: " + first);
        List<JsonNode> after = c.results().subList(before.size(), c.results().size());
        assertFalse(after.isEmpty());
        for (JsonNode r : after) {
            assertTrue(r.has("alternatives"), "max_alternatives applies: " + r);
            assertFalse(r.get("alternatives").get(0).has("result"), "words: 0 applies: " + r);
        }
        assertEquals(1000, c.ws.awaitClose(10));
    }

    @Test
    void eofWithoutAudioAnswersAnEmptyResult() throws Exception {
        VoskClient c = new VoskClient(server.port());
        JsonNode last = c.eof();
        assertEquals("", last.get("text").asText(), last.toString());
        assertTrue(last.has("emotion"));
        assertEquals(1000, c.ws.awaitClose(10));
        VoskClient alt = new VoskClient(server.port());
        alt.config("{\"config\": {\"max_alternatives\": 5}}");
        JsonNode empty = alt.eof();
        assertEquals("", empty.get("alternatives").get(0).get("text").asText(), empty.toString());
        assertEquals(1.0, empty.get("alternatives").get(0).get("confidence").asDouble());
    }

    @Test
    void otherMessagesAreRefused() throws Exception {
        assertRefused("not json", "bad_message", 1007);
        assertRefused("{\"type\": \"config\"}", "bad_message", 1007);
        assertRefused("{\"config\": 16000}", "bad_config", 1003);
        WsClient c = WsClient.connect(server.port(), "/v1/vosk");
        c.text("{\"eof\" : 1}");
        c.next(10);
        assertEquals(1000, c.awaitClose(10));
    }

    private static void assertRefused(String message, String code, int close) throws Exception {
        WsClient c = WsClient.connect(server.port(), "/v1/vosk");
        c.text(message);
        JsonNode m = c.next(20);
        assertNotNull(m, message);
        assertEquals(code, m.path("error").asText(), message + " -> " + m);
        assertTrue(m.hasNonNull("detail"));
        assertEquals(close, c.awaitClose(10), message);
    }
}
