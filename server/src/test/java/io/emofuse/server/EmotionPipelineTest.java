package io.emofuse.server;

import io.emofuse.analysis.EmotionModel;
import io.emofuse.analysis.ComponentLoader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.emofuse.fusion.Emotion;
import io.emofuse.fusion.FusionModel;
import io.emofuse.fusion.input.AcousticInput;
import io.emofuse.fusion.input.TextInput;
import io.emofuse.linguistic.models.ModelStore;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The composition with an emotion model: real eGeMAPS features and real MiniLM embeddings flow
 * into the model from REST, streams and batch alike. No trained bundle ships yet, so the fusion
 * step is a transparent stand-in that reports what it received: valence = the text vector's norm
 * (MiniLM vectors are L2-normalised, so 1), arousal = the number of acoustic features (88 for
 * eGeMAPS), dominance = the text dimension (384).
 */
class EmotionPipelineTest {

    private static EmofuseServer server;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        TestFixtures.ravdess();
        FusionModel probe = (acoustic, text) -> {
            if (acoustic == null) {
                throw new IllegalArgumentException("this model needs acoustic features");
            }
            double norm = 0;
            for (float v : text) {
                norm += v * v;
            }
            boolean finite = true;
            for (float v : acoustic) {
                finite &= Float.isFinite(v);
            }
            return new Emotion(Math.sqrt(norm), acoustic.length, text.length, finite ? "finite" : "nonfinite",
                    Map.of("finite", finite ? 1.0 : 0.0, "nonfinite", finite ? 0.0 : 1.0));
        };
        EmotionModel model = EmotionModel.of("probe", probe, new AcousticInput("egemaps", "functionals", 0, false),
                new TextInput("minilm", "pooled", 0), List.of("finite", "nonfinite"));
        ServerConfig cfg = ServerConfig.defaults().with(Map.of("port", 0, "host", "127.0.0.1", "workers", 2,
                "emotion_interval_s", 1.0));
        server = EmofuseServer.start(cfg, () -> ComponentLoader.load(cfg.analysis(), ModelStore.fromEnvironment(), model));
        server.awaitReady(Duration.ofMinutes(3));
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(Duration.ofSeconds(5));
        }
    }

    private static void assertProbeEmotion(JsonNode e) {
        assertNotNull(e);
        assertFalse(e.isNull(), "emotion present with a model");
        assertEquals(1.0, e.get("valence").asDouble(), 1e-3, "MiniLM vector reached the model");
        assertEquals(88, e.get("arousal").asInt(), "88 eGeMAPS functionals reached the model");
        assertEquals(384, e.get("dominance").asInt());
        assertEquals("finite", e.get("category").asText());
        assertEquals(1.0, e.get("probabilities").get("finite").asDouble());
    }

    @Test
    void restAnalysisRunsEveryStage() throws Exception {
        HttpResponse<String> r = http.post("/v1/analyze", "audio/wav",
                Files.readAllBytes(TestFixtures.wav("03-01-05-02-01-01-05.wav")));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode n = Http.json(r);
        assertProbeEmotion(n.get("emotion"));
        assertEquals("[\"audio\",\"text(asr)\"]", n.get("modalities").toString(), "voice and ASR words were both used");
        JsonNode t = n.get("timings_ms");
        assertTrue(t.get("asr").asDouble() > 0 && t.get("acoustic").asDouble() > 0 && t.get("text").asDouble() > 0,
                t.toString());
        JsonNode ready = Http.json(http.get("/ready"));
        assertTrue(ready.get("emotion_model").asBoolean());
        JsonNode models = Http.json(http.get("/v1/models")).get("models");
        assertEquals(4, models.size(), models.toString());
        // Too short for one analysis frame: a clear 400, not a 500.
        byte[] tiny = Http.wav(1, 1, 16_000, 16, 400, new byte[400]);
        RestApiTest.assertError(http.post("/v1/analyze", "audio/wav", tiny), 400, "audio_too_short");
    }

    @Test
    void textAloneIsRefusedByAModelThatNeedsAudio() throws Exception {
        // The stand-in needs both inputs and says so as FusionModel's contract asks: a 422, not a 500.
        HttpResponse<String> r = http.post("/v1/analyze/text", "application/json",
                "{\"text\":\"what a wonderful day\"}".getBytes(StandardCharsets.UTF_8));
        RestApiTest.assertError(r, 422, "unsupported");
        assertTrue(Http.json(r).get("detail").asText().contains("needs acoustic features"), r.body());
        assertEquals(200, http.get("/health").statusCode());
    }

    @Test
    void streamFinalsAndInterimsCarryEmotion() throws Exception {
        byte[] a = StreamingTest.pcm("03-01-05-02-01-01-05.wav", 0);
        byte[] b = StreamingTest.pcm("03-01-04-02-02-01-06.wav", 1.0);
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        WsClient c = WsClient.connect(server.port(), "/v1/stream");
        c.pcm(both, 16_000, true);
        c.text("{\"type\":\"eof\"}");
        assertEquals(1000, c.awaitClose(90));
        List<JsonNode> finals = c.all.stream().filter(m -> m.get("type").asText().equals("final")).toList();
        assertFalse(finals.isEmpty(), c.all.toString());
        for (JsonNode f : finals) {
            assertProbeEmotion(f.get("emotion"));
        }
        List<JsonNode> interims = c.all.stream().filter(m -> m.get("type").asText().equals("emotion")).toList();
        assertFalse(interims.isEmpty(), "an interim emotion every second of speech: " + c.all);
        JsonNode i = interims.get(0);
        assertTrue(i.get("end").asDouble() > i.get("start").asDouble());
        assertProbeEmotion(i.get("emotion"));
    }
}
