package io.emofuse.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.emofuse.testsupport.Tools;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The REST API on a real server and port with the real Vosk model and real RAVDESS recordings. */
class RestApiTest {

    private static EmofuseServer server;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        server = TestFixtures.server(Map.of("body_limit_bytes", 2_000_000, "max_audio_seconds", 30, "max_streams", 4));
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(java.time.Duration.ofSeconds(5));
        }
    }

    @Test
    void analyzesRealRecordingsWithWordTimings() throws Exception {
        String[][] cases = {
            {"03-01-01-01-01-01-01.wav", "kids are talking by the door"},
            {"03-01-05-02-02-01-04.wav", "dogs are sitting by the door"},
            {"03-01-03-01-01-01-09.wav", "door"},
        };
        for (String[] c : cases) {
            byte[] wav = Files.readAllBytes(TestFixtures.wav(c[0]));
            HttpResponse<String> r = http.post("/v1/analyze", "audio/wav", wav);
            assertEquals(200, r.statusCode(), r.body());
            JsonNode n = Http.json(r);
            assertTrue(n.get("transcript").asText().contains(c[1]), c[0] + " heard as: " + n.get("transcript"));
            assertTrue(n.get("words").size() >= 1);
            JsonNode w = n.get("words").get(0);
            assertTrue(w.get("end").asDouble() > w.get("start").asDouble());
            assertTrue(w.has("conf"));
            // RAVDESS wav/ files are 1.7-3.8 s long; the answer must say how long this one was.
            double expected = (wav.length - 44) / 2.0 / 16_000;
            assertEquals(expected, n.get("duration_s").asDouble(), 1e-3);
            assertTrue(n.get("timings_ms").get("asr").asDouble() > 0);
            assertTrue(n.has("emotion") && n.get("emotion").isNull(), "no emotion model is configured");
        }
    }

    @Test
    void resamplesA48kStereoOriginal() throws Exception {
        java.nio.file.Path dir = TestFixtures.ravdess().resolve("original");
        java.nio.file.Path any;
        try (var s = Files.list(dir)) {
            any = s.filter(p -> p.toString().endsWith(".wav")).sorted().findFirst().orElseThrow();
        }
        HttpResponse<String> r = http.post("/v1/analyze", "audio/wav", Files.readAllBytes(any));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(Http.json(r).get("transcript").asText().contains("door"), r.body());
    }

    @Test
    void multipartWithGivenTextSkipsAsr() throws Exception {
        byte[] wav = Files.readAllBytes(TestFixtures.wav("03-01-01-01-01-01-01.wav"));
        String boundary = "emofuseBoundary42";
        var body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nhello there\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"audio\"; filename=\"a.wav\"\r\n"
                + "Content-Type: audio/wav\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(wav);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.post("/v1/analyze", "multipart/form-data; boundary=" + boundary, body.toByteArray());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode n = Http.json(r);
        assertEquals("hello there", n.get("transcript").asText());
        assertEquals(0.0, n.get("timings_ms").get("asr").asDouble());

        // Multipart without the audio part.
        String noAudio = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nhi\r\n--" + boundary + "--\r\n";
        HttpResponse<String> r2 = http.post("/v1/analyze", "multipart/form-data; boundary=" + boundary,
                noAudio.getBytes(StandardCharsets.UTF_8));
        assertError(r2, 400, "missing_audio");
    }

    @Test
    void badAudioGets4xxAndTheServerKeepsServing() throws Exception {
        Random rnd = new Random(6);
        byte[] noise = new byte[50_000];
        rnd.nextBytes(noise);
        byte[] pcm = Http.tone(16_000, 16_000);
        List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[] {"empty", new byte[0], 400, "empty_body"});
        cases.add(new Object[] {"random bytes", noise, 400, "invalid_audio"});
        cases.add(new Object[] {"text", "hello, this is not audio".getBytes(StandardCharsets.UTF_8), 400, "invalid_audio"});
        cases.add(new Object[] {"RIFF but truncated", "RIFF\u0010\u0000\u0000\u0000WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1), 400, "invalid_audio"});
        cases.add(new Object[] {"zero channels", Http.wav(1, 0, 16_000, 16, pcm.length, pcm), 400, "invalid_audio"});
        cases.add(new Object[] {"zero rate", Http.wav(1, 1, 0, 16, pcm.length, pcm), 400, "invalid_audio"});
        cases.add(new Object[] {"1 Hz rate", Http.wav(1, 1, 1, 16, pcm.length, pcm), 400, "invalid_audio"});
        cases.add(new Object[] {"12-bit samples", Http.wav(1, 1, 16_000, 12, pcm.length, pcm), 400, "invalid_audio"});
        // a WAV codec neither the reader nor ffmpeg knows (ffmpeg decodes IMA ADPCM, so that is not bad audio any more)
        cases.add(new Object[] {"unknown WAV codec 0x7A21", Http.wav(0x7A21, 1, 16_000, 4, pcm.length, pcm), 400, "invalid_audio"});
        cases.add(new Object[] {"header only, no samples", Http.wav(1, 1, 16_000, 16, 0, new byte[0]), 400, "invalid_audio"});
        cases.add(new Object[] {"65535 channels", Http.wav(1, 65535, 16_000, 16, pcm.length, pcm), 400, "invalid_audio"});
        // Lying headers that are still readable: a 4 GB data chunk with 1 s present, and a
        // header claiming 8 kHz for 16 kHz samples (2 s of speech-rate audio); both are analysed.
        cases.add(new Object[] {"huge declared length", Http.wav(1, 1, 16_000, 16, 0xFFFF_FFF0L, pcm), 200, null});
        cases.add(new Object[] {"rate that lies", Http.wav(1, 1, 8_000, 16, pcm.length, pcm), 200, null});
        // Over max_audio_seconds (30 s): 40 s of 8 kHz 8-bit audio fits the body limit.
        byte[] long8bit = new byte[8_000 * 40];
        java.util.Arrays.fill(long8bit, (byte) 128);
        cases.add(new Object[] {"too long", Http.wav(1, 1, 8_000, 8, long8bit.length, long8bit), 413, "audio_too_long"});
        cases.add(new Object[] {"over the body limit", new byte[2_500_000], 413, "body_too_large"});
        for (Object[] c : cases) {
            HttpResponse<String> r = http.post("/v1/analyze", "audio/wav", (byte[]) c[1]);
            assertEquals((int) c[2], r.statusCode(), c[0] + ": " + r.body());
            if (c[3] != null) {
                assertError(r, (int) c[2], (String) c[3]);
            }
            assertEquals(200, http.get("/health").statusCode(), "after " + c[0]);
        }
        HttpResponse<String> wrongType = http.post("/v1/analyze", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
        assertError(wrongType, 415, "unsupported_media_type");
        // And the server still does real work after all that.
        HttpResponse<String> ok = http.post("/v1/analyze", "audio/wav",
                Files.readAllBytes(TestFixtures.wav("03-01-01-01-01-01-01.wav")));
        assertEquals(200, ok.statusCode());
        assertTrue(Http.json(ok).get("transcript").asText().contains("door"));
    }

    /** Compressed bodies go through ffmpeg; a stereo call split by channel comes back as a timeline. */
    @Test
    void compressedAudioAndSplitChannels() throws Exception {
        Path dir = Files.createTempDirectory("rest-audio");
        Path mp3 = dir.resolve("a.mp3");
        Tools.run("ffmpeg", "-nostdin", "-loglevel", "error", "-i", TestFixtures.wav("03-01-01-01-01-01-01.wav").toString(),
                "-b:a", "64k", mp3.toString());
        HttpResponse<String> r = http.post("/v1/analyze", "audio/mpeg", Files.readAllBytes(mp3));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(Http.json(r).get("transcript").asText().contains("door"), r.body());

        Path call = dir.resolve("call.wav");
        Tools.run("sox", "-M", TestFixtures.wav("03-01-01-01-01-01-01.wav").toString(),
                TestFixtures.wav("03-01-01-01-02-01-02.wav").toString(), "-e", "u-law", "-r", "8000", call.toString());
        HttpResponse<String> split = http.post("/v1/analyze?channels=split", "audio/wav", Files.readAllBytes(call));
        assertEquals(200, split.statusCode(), split.body());
        JsonNode t = Http.json(split);
        assertEquals("split", t.get("mode").asText());
        assertEquals(2, t.get("speakers").size(), split.body());
        assertEquals(2, t.get("utterances").size(), split.body());
        java.util.Set<Integer> channels = new java.util.HashSet<>();
        t.get("utterances").forEach(u -> channels.add(u.get("channel").asInt()));
        assertEquals(java.util.Set.of(1, 2), channels, split.body());
        assertTrue(t.get("overall").has("arousal"), split.body());

        // The same call mixed to one channel (the mix's timeline comes from the audio decoded once).
        HttpResponse<String> mixed = http.post("/v1/analyze?timeline=true", "audio/wav", Files.readAllBytes(call));
        assertEquals(200, mixed.statusCode(), mixed.body());
        JsonNode m = Http.json(mixed);
        assertEquals("mix", m.get("mode").asText(), mixed.body());
        assertTrue(m.get("utterances").size() >= 1, mixed.body());
        m.get("utterances").forEach(u -> assertTrue(u.get("end").asDouble() > u.get("start").asDouble(), mixed.body()));

        assertError(http.post("/v1/analyze?channels=both", "audio/wav", Files.readAllBytes(call)), 400, "bad_parameter");
        assertError(http.post("/v1/analyze?timeline=yes", "audio/wav", Files.readAllBytes(call)), 400, "bad_parameter");
    }

    @Test
    void textEndpointValidatesItsInput() throws Exception {
        HttpResponse<String> ok = http.post("/v1/analyze/text", "application/json",
                "{\"text\":\"I am thrilled to see you\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("I am thrilled to see you", Http.json(ok).get("text").asText());
        assertTrue(Http.json(ok).get("emotion").isNull());
        assertError(http.post("/v1/analyze/text", "application/json", "{not json".getBytes()), 400, "bad_json");
        assertError(http.post("/v1/analyze/text", "application/json", "{}".getBytes()), 400, "missing_text");
        assertError(http.post("/v1/analyze/text", "application/json", "{\"text\":42}".getBytes()), 400, "missing_text");
        assertError(http.post("/v1/analyze/text", "application/json", "[1,2]".getBytes()), 400, "missing_text");
        String longText = "{\"text\":\"" + "a".repeat(10_001) + "\"}";
        assertError(http.post("/v1/analyze/text", "application/json", longText.getBytes()), 400, "text_too_long");
    }

    @Test
    void eightConcurrentClientsAllGetTheirAnswer() throws Exception {
        byte[] wav = Files.readAllBytes(TestFixtures.wav("03-01-02-01-02-01-02.wav"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> all = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                all.add(pool.submit(() -> http.post("/v1/analyze", "audio/wav", wav)));
            }
            for (Future<HttpResponse<String>> f : all) {
                HttpResponse<String> r = f.get();
                assertEquals(200, r.statusCode(), r.body());
                assertTrue(Http.json(r).get("transcript").asText().contains("door"), r.body());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void infoEndpoints() throws Exception {
        HttpResponse<String> ready = http.get("/ready");
        assertEquals(200, ready.statusCode());
        assertTrue(Http.json(ready).get("ready").asBoolean());
        assertFalse(Http.json(ready).get("emotion_model").asBoolean());
        // Ready only after the warm-up: as many recognisers as the server admits streams.
        assertEquals(server.state().config().maxStreams(),
                Http.json(ready).path("warmup").path("recognizers").asInt(), ready.body());
        JsonNode models = Http.json(http.get("/v1/models")).get("models");
        assertEquals("asr", models.get(0).get("role").asText());
        HttpResponse<String> api = http.get("/openapi.yaml");
        assertEquals(200, api.statusCode());
        for (String path : List.of("/v1/analyze:", "/v1/analyze/text:", "/v1/score:", "/v1/stream:", "/v1/vosk:",
                "/v1/models:", "/health:", "/ready:", "/metrics:")) {
            assertTrue(api.body().contains(path), "openapi.yaml documents " + path);
        }
        assertError(http.get("/v1/nope"), 404, "not_found");
        HttpResponse<String> page = http.get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<title>emofuse"), "demo page at /");
    }

    @Test
    void metricsCountRequestsAndAudio() throws Exception {
        http.post("/v1/analyze", "audio/wav", Files.readAllBytes(TestFixtures.wav("03-01-01-01-01-01-01.wav")));
        http.get("/health");
        String m = http.get("/metrics").body();
        assertTrue(m.contains("emofuse_http_requests_seconds_count{method=\"POST\",route=\"/v1/analyze\",status=\"200\"}"), m);
        assertTrue(m.contains("emofuse_http_requests_seconds_bucket"), "latency histogram");
        assertTrue(m.contains("emofuse_active_streams "), m);
        assertTrue(m.contains("emofuse_queue_depth "), m);
        double audio = metric(m, "emofuse_audio_processed_seconds_total");
        assertTrue(audio >= 2.0, "at least the 2 s just analysed, got " + audio);
    }

    static double metric(String text, String name) {
        for (String line : text.split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1).trim());
            }
        }
        throw new AssertionError("no metric " + name);
    }

    static void assertError(HttpResponse<String> r, int status, String code) throws java.io.IOException {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode n = Http.json(r);
        assertEquals(code, n.get("error").asText(), r.body());
        assertTrue(n.hasNonNull("detail"), r.body());
    }
}
