package io.emofuse.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.emofuse.acoustic.audio.Audio;
import io.emofuse.acoustic.audio.WavReader;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** WebSocket streaming on a real server with the real Vosk model, at real-time pace. */
class StreamingTest {

    private static EmofuseServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestFixtures.server(Map.of("max_streams", 8, "max_streams_per_client", 8));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(java.time.Duration.ofSeconds(5));
        }
    }

    /** The PCM of a 16 kHz RAVDESS file plus {@code silenceS} of silence (so Vosk sees an endpoint). */
    static byte[] pcm(String name, double silenceS) throws Exception {
        byte[] wav = Files.readAllBytes(TestFixtures.wav(name));
        byte[] out = new byte[wav.length - 44 + (int) (silenceS * 16_000) * 2];
        System.arraycopy(wav, 44, out, 0, wav.length - 44);
        return out;
    }

    @Test
    void concurrentRealTimeStreamsGetPartialsFinalsAndACleanClose() throws Exception {
        String[] files = {"03-01-01-01-01-01-01.wav", "03-01-02-01-02-01-02.wav", "03-01-05-02-01-01-03.wav",
            "03-01-08-02-02-01-04.wav"};
        ExecutorService pool = Executors.newFixedThreadPool(files.length);
        try {
            List<Future<List<JsonNode>>> runs = new ArrayList<>();
            for (String f : files) {
                runs.add(pool.submit(() -> {
                    WsClient c = WsClient.connect(server.port(), "/v1/stream");
                    c.text("{\"type\":\"config\",\"sample_rate\":16000}");
                    c.pcm(pcm(f, 0.5), 16_000, true);
                    c.text("{\"type\":\"eof\"}");
                    assertEquals(1000, c.awaitClose(90), f + " closes normally after eof");
                    return new ArrayList<>(c.all);
                }));
            }
            for (int i = 0; i < files.length; i++) {
                List<JsonNode> msgs = runs.get(i).get();
                assertTrue(msgs.stream().anyMatch(m -> m.get("type").asText().equals("partial")),
                        files[i] + ": partials while speaking: " + msgs);
                List<JsonNode> finals = msgs.stream().filter(m -> m.get("type").asText().equals("final")).toList();
                assertFalse(finals.isEmpty(), files[i] + ": a final: " + msgs);
                String text = String.join(" ", finals.stream().map(m -> m.get("text").asText()).toList());
                assertTrue(text.contains("door"), files[i] + " heard as " + text);
                JsonNode f = finals.get(0);
                assertTrue(f.get("words").size() > 0);
                assertTrue(f.get("end").asDouble() > f.get("start").asDouble());
                assertTrue(f.has("emotion"), "final carries an emotion field (null without a model)");
                assertTrue(msgs.stream().noneMatch(m -> m.get("type").asText().equals("error")), msgs.toString());
            }
        } finally {
            pool.shutdownNow();
        }
        String metrics = new Http(server.port()).get("/metrics").body();
        assertTrue(metrics.contains("emofuse_stream_final_latency_seconds_count"), "final latency is measured");
    }

    @Test
    void resamplesA48kStream() throws Exception {
        Path original;
        try (var s = Files.list(TestFixtures.ravdess().resolve("original"))) {
            original = s.filter(p -> p.toString().endsWith(".wav")).sorted().findFirst().orElseThrow();
        }
        Audio a = WavReader.read(original);
        assertEquals(48_000, a.sampleRate());
        byte[] pcm = io.emofuse.linguistic.asr.Pcm16.encode(a.samples());
        WsClient c = WsClient.connect(server.port(), "/v1/stream");
        c.text("{\"type\":\"config\",\"sample_rate\":48000}");
        // Up to 2x real time is allowed; the grace period covers this whole file anyway.
        c.pcm(pcm, 48_000, false);
        c.text("{\"type\":\"eof\"}");
        assertEquals(1000, c.awaitClose(60));
        String text = String.join(" ", c.all.stream().filter(m -> m.get("type").asText().equals("final"))
                .map(m -> m.get("text").asText()).toList());
        assertTrue(text.contains("door"), "48 kHz stream heard as '" + text + "'");
    }

    @Test
    void voskProtocolAnswersEveryAudioMessage() throws Exception {
        WsClient c = WsClient.connect(server.port(), "/v1/vosk");
        c.text("{\"config\" : {\"sample_rate\" : 16000}}");
        byte[] pcm = pcm("03-01-01-01-01-01-01.wav", 0.3);
        int chunk = 8000;
        int sent = 0;
        for (int off = 0; off < pcm.length; off += chunk) {
            c.binary(pcm, off, Math.min(chunk, pcm.length - off));
            sent++;
            JsonNode answer = c.next(20);
            assertNotNull(answer, "an answer per audio message");
            assertTrue(answer.has("partial") || answer.has("text"), answer.toString());
        }
        c.text("{\"eof\" : 1}");
        JsonNode last = c.next(20);
        assertNotNull(last);
        assertTrue(last.has("text") && last.has("emotion"), last.toString());
        String all = String.join(" ", c.all.stream().filter(m -> m.has("text")).map(m -> m.get("text").asText()).toList());
        assertTrue(all.contains("kids are talking by the door"), c.all.toString());
        assertEquals(sent + 1, c.all.size(), "one answer per audio message plus the final");
        assertEquals(1000, c.awaitClose(10));
    }

    @Test
    void misbehavingClientsGetATypedErrorAndACloseCode() throws Exception {
        assertStreamError("{\"type\":\"config\",\"sample_rate\":0}", null, "bad_config", 1003);
        assertStreamError("{\"type\":\"config\",\"sample_rate\":\"fast\"}", null, "bad_config", 1003);
        assertStreamError("{\"type\":\"config\",\"sample_rate\":16000.5}", null, "bad_config", 1003);
        assertStreamError("{\"type\":\"config\",\"sample_rate\":1000000}", null, "bad_config", 1003);
        assertStreamError("this is not json", null, "bad_message", 1007);
        assertStreamError("{\"type\":\"dance\"}", null, "bad_message", 1007);
        assertStreamError("[1,2,3]", null, "bad_message", 1007);
        assertStreamError(null, new byte[(1 << 20) + 2], "frame_too_large", 1009);
        assertStreamError(null, new byte[5 << 20], "frame_too_large", 1009);
        // Config after audio.
        WsClient late = WsClient.connect(server.port(), "/v1/stream");
        late.binary(new byte[3200], 0, 3200);
        late.text("{\"type\":\"config\",\"sample_rate\":8000}");
        expectError(late, "bad_config", 1003);
        // Audio far faster than real time: 30 s of silence at once.
        WsClient fast = WsClient.connect(server.port(), "/v1/stream");
        byte[] second = new byte[32_000];
        try {
            for (int i = 0; i < 30; i++) {
                fast.binary(second, 0, second.length);
            }
        } catch (CompletionException e) {
            // the server may close while we are still sending
        }
        expectError(fast, "too_fast", 1008);
        // Odd byte counts are legal (a sample may straddle two messages).
        WsClient odd = WsClient.connect(server.port(), "/v1/stream");
        byte[] pcm = pcm("03-01-01-01-01-01-01.wav", 0.3);
        for (int off = 0; off < pcm.length; off += 3201) {
            odd.binary(pcm, off, Math.min(3201, pcm.length - off));
        }
        odd.text("{\"type\":\"eof\"}");
        assertEquals(1000, odd.awaitClose(90));
        assertTrue(odd.all.stream().anyMatch(m -> m.path("text").asText().contains("door")), odd.all.toString());
        assertEquals(200, new Http(server.port()).get("/health").statusCode());
    }

    private static void assertStreamError(String text, byte[] binary, String code, int close) throws Exception {
        WsClient c = WsClient.connect(server.port(), "/v1/stream");
        if (text != null) {
            c.text(text);
        } else {
            try {
                c.binary(binary, 0, binary.length);
            } catch (CompletionException e) {
                // closed while sending
            }
        }
        expectError(c, code, close);
    }

    private static void expectError(WsClient c, String code, int close) throws Exception {
        JsonNode m;
        do {
            m = c.next(20);
            assertNotNull(m, "an error message " + code);
        } while (!m.path("type").asText().equals("error"));
        assertEquals(code, m.get("error").asText(), m.toString());
        assertTrue(m.hasNonNull("detail"));
        assertEquals(close, c.awaitClose(10));
    }

    @Test
    void streamCapsAnswer503WithRetryAfter() throws Exception {
        EmofuseServer small = TestFixtures.server(Map.of("max_streams", 2, "max_streams_per_client", 1,
                "retry_after_s", 7));
        try {
            WsClient first = WsClient.connect(small.port(), "/v1/stream");
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> WsClient.connect(small.port(), "/v1/stream"));
            WebSocketHandshakeException h = (WebSocketHandshakeException) e.getCause();
            assertEquals(503, h.getResponse().statusCode());
            assertEquals("7", h.getResponse().headers().firstValue("Retry-After").orElse(null));
            first.text("{\"type\":\"eof\"}");
            assertEquals(1000, first.awaitClose(10));
            // The slot is free again once the first stream is closed.
            long deadline = System.currentTimeMillis() + 5000;
            WsClient again = null;
            while (again == null && System.currentTimeMillis() < deadline) {
                try {
                    again = WsClient.connect(small.port(), "/v1/stream");
                } catch (ExecutionException retry) {
                    Thread.sleep(100);
                }
            }
            assertNotNull(again, "admitted again after the first stream ended");
            again.text("{\"type\":\"eof\"}");
            assertEquals(1000, again.awaitClose(10));
        } finally {
            small.stop(java.time.Duration.ofSeconds(2));
        }
    }

    @Test
    void idleStreamsAreClosed() throws Exception {
        EmofuseServer idle = TestFixtures.server(Map.of("stream_idle_timeout_s", 1));
        try {
            WsClient c = WsClient.connect(idle.port(), "/v1/stream");
            expectError(c, "idle_timeout", 1008);
        } finally {
            idle.stop(java.time.Duration.ofSeconds(2));
        }
    }
}
