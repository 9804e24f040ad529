package io.emofuse.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** API keys, CORS and graceful shutdown on real servers. */
class ServerLifecycleTest {

    @Test
    void apiKeysGuardV1AndLeaveProbesOpen() throws Exception {
        EmofuseServer s = TestFixtures.server(Map.of("api_keys", List.of("s3cret-key"),
                "cors_origins", List.of("https://app\\.example\\.com")));
        try {
            Http http = new Http(s.port());
            RestApiTest.assertError(http.get("/v1/models"), 401, "unauthorized");
            RestApiTest.assertError(http.get("/v1/models", "Authorization", "Bearer wrong"), 401, "unauthorized");
            assertEquals(200, http.get("/v1/models", "Authorization", "Bearer s3cret-key").statusCode());
            assertEquals(200, http.get("/health").statusCode());
            assertEquals(200, http.get("/ready").statusCode());
            // Streams: the header, or access_token for browsers.
            WsClient c = WsClient.connect(s.port(), "/v1/stream?access_token=s3cret-key");
            c.text("{\"type\":\"eof\"}");
            assertEquals(1000, c.awaitClose(10));
            assertTrue(assertRefused(s.port(), "/v1/stream?access_token=nope") == 401);
            HttpResponse<String> cors = http.get("/health", "Origin", "https://app.example.com");
            assertEquals("https://app.example.com", cors.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
            HttpResponse<String> other = http.get("/health", "Origin", "https://evil.example.net");
            assertTrue(other.headers().firstValue("Access-Control-Allow-Origin").isEmpty()
                    || other.statusCode() == 403, "no CORS grant for other origins");
        } finally {
            s.stop(Duration.ofSeconds(2));
        }
    }

    private static int assertRefused(int port, String path) throws Exception {
        try {
            WsClient.connect(port, path);
            return 101;
        } catch (java.util.concurrent.ExecutionException e) {
            return ((java.net.http.WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
        }
    }

    @Test
    void corsIsOffByDefault() throws Exception {
        EmofuseServer s = TestFixtures.server(Map.of());
        try {
            HttpResponse<String> r = new Http(s.port()).get("/health", "Origin", "https://app.example.com");
            assertTrue(r.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        } finally {
            s.stop(Duration.ofSeconds(2));
        }
    }

    @Test
    void shutdownFinishesWorkInFlightAndRefusesNewWork() throws Exception {
        EmofuseServer s = TestFixtures.server(Map.of());
        Http http = new Http(s.port());
        byte[] wav = Files.readAllBytes(TestFixtures.wav("03-01-01-01-01-01-01.wav"));
        // A stream in the middle of an utterance and a REST request on a worker.
        WsClient stream = WsClient.connect(s.port(), "/v1/stream");
        byte[] pcm = StreamingTest.pcm("03-01-02-01-02-01-02.wav", 0.3);
        stream.binary(pcm, 0, pcm.length / 2);
        assertTrue(stream.next(20) != null, "the stream is being decoded");
        int baseline = s.state().inFlight().get();
        CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> {
            try {
                return http.post("/v1/analyze", "audio/wav", wav);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.currentTimeMillis() + 10_000;
        while (s.state().inFlight().get() <= baseline && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> s.stop(Duration.ofSeconds(20)));
        while (!s.state().draining()) {
            Thread.sleep(5);
        }
        RestApiTest.assertError(http.get("/v1/models"), 503, "shutting_down");
        assertEquals(503, http.get("/ready").statusCode());
        // The stream may finish its utterance during the grace period.
        stream.binary(pcm, pcm.length / 2, pcm.length - pcm.length / 2);
        stream.text("{\"type\":\"eof\"}");
        assertEquals(1000, stream.awaitClose(20));
        assertTrue(stream.all.stream().anyMatch(m -> m.path("text").asText().contains("door")), stream.all.toString());
        HttpResponse<String> r = inFlight.get();
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(Http.json(r).get("transcript").asText().contains("door"));
        stopping.get();
    }

    @Test
    void streamsStillOpenAfterTheGraceAreToldOnTheirOwnEventLoop() throws Exception {
        EmofuseServer s = TestFixtures.server(Map.of("warmup", false));
        WsClient emofuse = WsClient.connect(s.port(), "/v1/stream");
        WsClient vosk = WsClient.connect(s.port(), "/v1/vosk");
        byte[] pcm = StreamingTest.pcm("03-01-02-01-02-01-02.wav", 0);
        emofuse.binary(pcm, 0, pcm.length / 2);
        vosk.text("{\"config\": {\"sample_rate\": 16000}}");
        vosk.binary(pcm, 0, pcm.length / 2);
        assertTrue(vosk.next(20) != null, "the vosk stream answered its audio");
        long t0 = System.nanoTime();
        s.stop(Duration.ofMillis(300)); // neither stream sends eof: both outlive the grace
        assertTrue((System.nanoTime() - t0) / 1e9 < 5, "stop returns soon after the grace");
        assertEquals(1001, emofuse.awaitClose(10));
        assertEquals(1001, vosk.awaitClose(10));
        assertTrue(emofuse.all.stream().anyMatch(m -> m.path("error").asText().equals("shutting_down")),
                emofuse.all.toString());
        assertTrue(vosk.all.stream().anyMatch(m -> m.path("error").asText().equals("shutting_down")),
                vosk.all.toString());
    }
}
