package io.emofuse.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.emofuse.analysis.AnalysisSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code emofuse serve} and {@code emofuse score} can be told, read from YAML
 * ({@code configs/server.yaml}, snake_case keys). Absent keys take the defaults below; unknown
 * keys are an error, so a typo never silently falls back to a default.
 *
 * @param host                 interface to bind
 * @param port                 TCP port (0: an ephemeral one, for tests)
 * @param model                emotion model bundle directory, or null to run without emotion
 * @param embedder             text embedder spec when no model bundle names one
 * @param features             acoustic feature set when no model bundle names one
 * @param workers              threads for ASR, features and inference in each of the two pools, REST and
 *                             streams (0: one per core)
 * @param bodyLimitBytes       largest request body accepted
 * @param maxAudioSeconds      longest audio /v1/analyze accepts
 * @param maxStreams           concurrent WebSocket streams, all clients together (0: 8 per core)
 * @param maxStreamsPerClient  concurrent WebSocket streams from one remote address
 * @param maxQueuedRequests    analysis jobs waiting for a worker before new ones get 503
 * @param requestTimeoutS      REST request timeout
 * @param streamIdleTimeoutS   a stream with no frame for this long is closed
 * @param maxFrameBytes        largest WebSocket frame accepted
 * @param maxRealtimeFactor    audio may arrive at most this many times faster than real time ...
 * @param rateGraceS           ... once more than this many seconds ahead of real time
 * @param emotionIntervalS     an interim emotion every this many seconds of a long utterance
 * @param apiKeys              accepted bearer keys (empty and no env keys: no authentication)
 * @param apiKeysEnv           environment variable with more keys, comma-separated
 * @param corsOrigins          origins allowed by CORS (regexes); empty: CORS off
 * @param audioRoots           directories batch audio paths must stay inside
 * @param shutdownGraceS       how long shutdown waits for in-flight work
 * @param retryAfterS          the Retry-After a saturated server answers with
 * @param speakerAdaptation    normalise each stream's (and each named dialogue speaker's) voice with
 *                             their earlier utterances (SpeakerAdaptation); false: every utterance
 *                             against the training population only, as /v1/analyze does
 * @param voskSampleRate       Hz assumed on /v1/vosk until a client's config says otherwise
 *                             (vosk-server's {@code VOSK_SAMPLE_RATE}, 8000 by default there and here)
 * @param warmup               before /ready turns true, run audio through every stream recogniser
 *                             and the emotion models once, so the first clients do not meet cold
 *                             decoding graphs (docs/server-benchmark.md)
 */
public record ServerConfig(String host, Integer port, Path model, String embedder, String features,
                           Integer workers, Long bodyLimitBytes, Double maxAudioSeconds, Integer maxStreams,
                           Integer maxStreamsPerClient, Integer maxQueuedRequests, Integer requestTimeoutS,
                           Integer streamIdleTimeoutS, Integer maxFrameBytes, Double maxRealtimeFactor,
                           Double rateGraceS, Double emotionIntervalS, List<String> apiKeys, String apiKeysEnv,
                           List<String> corsOrigins, List<Path> audioRoots, Integer shutdownGraceS,
                           Integer retryAfterS, Boolean speakerAdaptation, Integer voskSampleRate,
                           Boolean warmup) {

    public ServerConfig {
        host = host == null ? "0.0.0.0" : host;
        port = port == null ? 8080 : port;
        embedder = embedder == null ? "minilm" : embedder;
        features = features == null ? "egemaps" : features;
        workers = workers == null || workers <= 0 ? Runtime.getRuntime().availableProcessors() : workers;
        bodyLimitBytes = bodyLimitBytes == null ? 20L << 20 : bodyLimitBytes;
        maxAudioSeconds = maxAudioSeconds == null ? 120.0 : maxAudioSeconds;
        // 0 or unset: what this machine class was measured to hold in real time (3 streams on
        // 2 cores, docs/server-benchmark.md), so admission refuses before every stream falls behind.
        maxStreams = maxStreams == null || maxStreams == 0
                ? Math.max(2, 8 * Runtime.getRuntime().availableProcessors()) : maxStreams;
        maxStreamsPerClient = maxStreamsPerClient == null ? 8 : maxStreamsPerClient;
        maxQueuedRequests = maxQueuedRequests == null ? 64 : maxQueuedRequests;
        requestTimeoutS = requestTimeoutS == null ? 120 : requestTimeoutS;
        streamIdleTimeoutS = streamIdleTimeoutS == null ? 30 : streamIdleTimeoutS;
        maxFrameBytes = maxFrameBytes == null ? 1 << 20 : maxFrameBytes;
        maxRealtimeFactor = maxRealtimeFactor == null ? 2.0 : maxRealtimeFactor;
        rateGraceS = rateGraceS == null ? 10.0 : rateGraceS;
        emotionIntervalS = emotionIntervalS == null ? 4.0 : emotionIntervalS;
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        apiKeysEnv = apiKeysEnv == null ? "EMOFUSE_API_KEYS" : apiKeysEnv;
        corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
        audioRoots = audioRoots == null ? List.of() : List.copyOf(audioRoots);
        shutdownGraceS = shutdownGraceS == null ? 30 : shutdownGraceS;
        retryAfterS = retryAfterS == null ? 5 : retryAfterS;
        speakerAdaptation = speakerAdaptation == null ? Boolean.TRUE : speakerAdaptation;
        voskSampleRate = voskSampleRate == null ? 8_000 : voskSampleRate;
        warmup = warmup == null ? Boolean.TRUE : warmup;
        if (voskSampleRate < 8_000 || voskSampleRate > 48_000) {
            throw new IllegalArgumentException("vosk_sample_rate must be 8000..48000 Hz, got " + voskSampleRate);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (maxFrameBytes <= 0 || bodyLimitBytes <= 0 || maxStreams <= 0 || maxStreamsPerClient <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** All defaults. */
    public static ServerConfig defaults() {
        return new ServerConfig(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /**
     * Reads a YAML file; relative paths in it ({@code model}, {@code audio_roots}) are taken relative
     * to the current directory, as on the command line.
     */
    public static ServerConfig load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file + " (config file)");
        }
        try {
            ServerConfig c = YAML.readValue(file.toFile(), ServerConfig.class);
            return c == null ? defaults() : c;
        } catch (JsonProcessingException e) {
            // Not only mapping errors: YAML that does not parse (bad syntax, bytes that are not UTF-8)
            // is the user's mistake too; it used to surface as an "internal error" (found by
            // fuzzing). Only a failing read stays an IOException.
            throw new IllegalArgumentException(file + ": " + e.getOriginalMessage(), e);
        }
    }

    /** What the analysis components are loaded with: streams hold a recogniser each, REST and batch workers one more each. */
    public AnalysisSettings analysis() {
        return new AnalysisSettings(model, maxStreams + workers, speakerAdaptation);
    }

    /** Keys from the config and from the environment variable it names; never logged. */
    public List<String> effectiveApiKeys() {
        List<String> keys = new ArrayList<>(apiKeys);
        String env = System.getenv(apiKeysEnv);
        if (env != null) {
            Arrays.stream(env.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(keys::add);
        }
        return keys;
    }

    /**
     * A copy with some keys replaced, named as in the YAML ({@code port}, {@code max_streams}, ...);
     * the command line and tests use it to override the file.
     */
    public ServerConfig with(Map<String, ?> overrides) {
        Map<String, Object> values = YAML.convertValue(this, new TypeReference<Map<String, Object>>() { });
        // Jackson writes a Path as a file: URI, which would turn a model name ("default") into an
        // absolute path that does not exist; keep paths as they were given.
        values.put("model", model == null ? null : model.toString());
        values.put("audio_roots", audioRoots.stream().map(Path::toString).toList());
        for (Map.Entry<String, ?> e : overrides.entrySet()) {
            if (!values.containsKey(e.getKey())) {
                throw new IllegalArgumentException("unknown config key " + e.getKey());
            }
            Object v = e.getValue();
            values.put(e.getKey(), v instanceof Path p ? p.toString()
                    : v instanceof List<?> l ? l.stream().map(x -> x instanceof Path p ? p.toString() : x).toList() : v);
        }
        return YAML.convertValue(values, ServerConfig.class);
    }

    /** As the record's toString, but API keys are shown as a count: a logged config never leaks them. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("ServerConfig[");
        for (java.lang.reflect.RecordComponent c : ServerConfig.class.getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(this);
            } catch (ReflectiveOperationException e) {
                v = "?";
            }
            b.append(b.length() > 13 ? ", " : "").append(c.getName()).append('=')
                    .append(c.getName().equals("apiKeys") ? apiKeys.size() + " keys (redacted)" : v);
        }
        return b.append(']').toString();
    }

    public ServerConfig with(String key, Object value) {
        Map<String, Object> one = new HashMap<>();
        one.put(key, value);
        return with(one);
    }
}
