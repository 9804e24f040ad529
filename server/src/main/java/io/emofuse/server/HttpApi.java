package io.emofuse.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emofuse.acoustic.AudioTooShortException;
import io.emofuse.acoustic.audio.Audio;
import io.emofuse.acoustic.audio.AudioFiles;
import io.emofuse.acoustic.audio.AudioFormatException;
import io.emofuse.acoustic.audio.NeedsFfmpegException;
import io.emofuse.acoustic.audio.WavStream;
import io.emofuse.analysis.EmotionAnalyzer;
import io.emofuse.analysis.Json;
import io.emofuse.analysis.batch.BatchScorer;
import io.emofuse.analysis.timeline.ChannelMode;
import io.emofuse.analysis.timeline.Timeline;
import io.emofuse.analysis.timeline.TimelineAnalyzer;
import io.emofuse.server.stream.EmofuseProtocol;
import io.emofuse.server.stream.StreamSocket;
import io.emofuse.server.stream.VoskProtocol;
import io.emofuse.server.stream.WireProtocol;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.parsetools.RecordParser;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.handler.TimeoutHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST and WebSocket routes. Handlers run on the event loop and only parse, admit and answer;
 * decoding audio, ASR, features and inference go to the {@link AnalysisPool}.
 *
 * <p>Thread-safe: one instance serves the routers of every verticle (each on its own event loop);
 * it holds only the shared {@link ServerState} (itself thread-safe), and per-request state lives in
 * the request's {@link RoutingContext}, touched only on that request's event loop.
 */
public final class HttpApi {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    /** WAV (read natively) and the compressed types ffmpeg decodes when the server has it. */
    private static final Set<String> AUDIO_TYPES = Set.of("audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave",
            "application/octet-stream", "audio/mpeg", "audio/mp3", "audio/flac", "audio/x-flac", "audio/ogg",
            "audio/opus", "audio/webm", "audio/mp4", "audio/aac", "audio/x-m4a");
    private static final Set<String> ANALYZE_TYPES = union(AUDIO_TYPES, Set.of("multipart/form-data"));
    private static final Set<String> JSON_TYPES = Set.of("application/json");
    /** The spellings of newline-delimited JSON in use. */
    private static final Set<String> NDJSON_TYPES = Set.of("application/x-ndjson", "application/ndjson",
            "application/jsonl", "application/x-jsonlines");
    /** Each known path and the methods it answers (the Allow header of a 405). */
    static final Map<String, String> METHODS = orderedMap(
            "/", "GET, HEAD", "/health", "GET, HEAD", "/ready", "GET, HEAD", "/metrics", "GET, HEAD",
            "/openapi.yaml", "GET, HEAD", "/favicon.ico", "GET, HEAD", "/v1/models", "GET, HEAD",
            "/v1/analyze", "POST", "/v1/analyze/text", "POST", "/v1/score", "POST",
            "/v1/stream", "GET, HEAD", "/v1/vosk", "GET, HEAD");
    private static final Set<String> ROUTES = METHODS.keySet();
    private static final String IN_FLIGHT = "emofuse.inFlight";
    private static final String OBSERVED = "emofuse.observed";
    private static final byte[] FAVICON = resource("webroot/favicon.ico");
    private static final int MAX_TEXT_CHARS = 10_000;
    /** Batch lines in flight per /v1/score request. */
    private static final int SCORE_WINDOW = 8;

    private final ServerState state;
    /** WAV natively, other formats through ffmpeg when the server's machine has it (immutable). */
    private final AudioFiles audioFiles = AudioFiles.fromEnvironment();

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return Set.copyOf(u);
    }

    private static Map<String, String> orderedMap(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private static byte[] resource(String name) {
        try (InputStream in = HttpApi.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public HttpApi(ServerState state) {
        this.state = state;
    }

    /**
     * A router for one verticle instance (routers belong to a Vert.x instance, handlers are shared).
     * Every answer the server gives, the framework's 404, 405 and 400 included, is JSON
     * {@code {"error","detail"}} with a code from the OpenAPI description.
     */
    public Router router(Vertx vertx) {
        ServerConfig cfg = state.config();
        Router r = Router.router(vertx);
        r.route().handler(this::observe);
        if (!cfg.corsOrigins().isEmpty()) {
            r.route().handler(CorsHandler.create().addOriginsWithRegex(cfg.corsOrigins())
                    .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.OPTIONS))
                    .allowedHeaders(Set.of("Authorization", "Content-Type")));
        }
        // HEAD wherever GET is: Vert.x sends a HEAD answer's headers without its body.
        read(r, "/health").handler(ctx -> json(ctx, 200, Map.of("status", "ok")));
        read(r, "/ready").handler(this::ready);
        read(r, "/metrics").handler(ctx -> {
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
            send(ctx, Buffer.buffer(state.metrics().scrape()));
        });
        read(r, "/openapi.yaml").handler(this::openapi);
        read(r, "/favicon.ico").handler(ctx -> {
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "image/x-icon")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "max-age=86400");
            send(ctx, Buffer.buffer(FAVICON));
        });

        r.route("/v1/*").handler(this::guard);
        read(r, "/v1/models").handler(ctx -> json(ctx, 200, Map.of("models", analyzer().models())));
        BodyHandler body = BodyHandler.create(System.getProperty("java.io.tmpdir") + "/emofuse-uploads")
                .setBodyLimit(cfg.bodyLimitBytes()).setDeleteUploadedFilesOnEnd(true);
        TimeoutHandler timeout = TimeoutHandler.create(cfg.requestTimeoutS() * 1000L, 504);
        // The media type is checked on a route of its own, before the body is read (Vert.x puts
        // the timeout and body handlers ahead of any handler of the same route).
        r.post("/v1/analyze").handler(accepts(ANALYZE_TYPES));
        r.post("/v1/analyze").handler(timeout).handler(body).handler(this::analyze);
        r.post("/v1/analyze/text").handler(accepts(JSON_TYPES));
        r.post("/v1/analyze/text").handler(timeout).handler(body).handler(this::analyzeText);
        r.post("/v1/score").handler(accepts(NDJSON_TYPES)).handler(this::score);
        read(r, "/v1/stream").handler(ctx -> upgrade(ctx, new EmofuseProtocol()));
        read(r, "/v1/vosk").handler(ctx -> upgrade(ctx, new VoskProtocol(cfg.voskSampleRate())));
        // A known path asked with another method: 405 naming the methods it has ("/" itself is the
        // static handler's, further down).
        METHODS.forEach((path, allowed) -> r.route(path).handler(ctx -> {
            if (Set.of(allowed.split(", ")).contains(ctx.request().method().name())) {
                ctx.next();
                return;
            }
            ctx.response().putHeader(HttpHeaders.ALLOW, allowed);
            fail(ctx, new ApiError(405, "method_not_allowed", ctx.request().method() + " " + path
                    + " is not supported; allowed: " + allowed));
        }));
        r.route("/v1/*").handler(this::notFound);
        r.route().method(HttpMethod.GET).method(HttpMethod.HEAD)
                .handler(StaticHandler.create("io/emofuse/server/webroot").setCachingEnabled(false));
        r.route().handler(this::notFound);
        r.route().failureHandler(this::failure);
        // Framework answers that bypass the routes above (no route, or the router's own 405/404).
        r.errorHandler(404, this::notFound);
        r.errorHandler(405, ctx -> fail(ctx, new ApiError(405, "method_not_allowed",
                ctx.request().method() + " is not supported here")));
        return r;
    }

    /** GET and HEAD on one path. */
    private static io.vertx.ext.web.Route read(Router r, String path) {
        return r.route(path).method(HttpMethod.GET).method(HttpMethod.HEAD);
    }

    private void notFound(RoutingContext ctx) {
        fail(ctx, new ApiError(404, "not_found", "no such endpoint: " + ctx.request().method() + " "
                + ctx.request().path()));
    }

    /**
     * Refuses a body of another media type with 415 before reading it; no Content-Type at all is
     * taken as the route's own type (curl and scripts often send none). The same rule on every
     * route that takes a body.
     */
    private Handler<RoutingContext> accepts(Set<String> types) {
        return ctx -> {
            String type = mediaType(ctx);
            if (type.isEmpty() || types.contains(type)) {
                ctx.next();
            } else {
                fail(ctx, new ApiError(415, "unsupported_media_type", "this endpoint takes "
                        + String.join(", ", new java.util.TreeSet<>(types)) + ", not " + type));
            }
        };
    }

    private static String mediaType(RoutingContext ctx) {
        return Optional.ofNullable(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE)).orElse("")
                .split(";")[0].trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Requests Netty could not parse (a 24-digit Content-Length, an over-long request line or
     * header): the status Vert.x would give, with a JSON body, and the connection closed.
     */
    void invalidRequest(HttpServerRequest req) {
        Throwable cause = req.decoderResult() == null ? null : req.decoderResult().cause();
        String msg = cause == null || cause.getMessage() == null ? "" : cause.getMessage();
        int status = 400;
        String code = "bad_request";
        if (cause instanceof io.netty.handler.codec.TooLongFrameException) {
            if (msg.startsWith("An HTTP line is larger than")) {
                status = 414;
                code = "uri_too_long";
            } else if (msg.startsWith("HTTP header is larger than")) {
                status = 431;
                code = "headers_too_large";
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("detail", "the request could not be parsed" + (msg.isEmpty() ? "" : ": " + msg));
        state.metrics().request("other", "INVALID", status, 0);
        req.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, "close").end(Json.write(body));
    }

    // ---- cross-cutting -------------------------------------------------------------------------

    /**
     * Counts and times every request (bounded route label: unknown paths are "other"). A request
     * upgraded to a WebSocket never ends as an HTTP exchange, so the upgrade records its 101 itself
     * through {@link #OBSERVED}; the recording runs once either way.
     */
    private void observe(RoutingContext ctx) {
        long t0 = System.nanoTime();
        String path = ctx.request().path();
        String route = path != null && ROUTES.contains(path) ? path : "other";
        String method = ctx.request().method().name();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.function.IntConsumer record = status -> {
            if (done.compareAndSet(false, true)) {
                state.metrics().request(route, method, status, System.nanoTime() - t0);
            }
        };
        ctx.put(OBSERVED, record);
        ctx.addEndHandler(ar -> record.accept(ctx.response().getStatusCode()));
        ctx.next();
    }

    /**
     * /v1: refuse while draining or loading, check the API key, count in-flight work. The count
     * drops when the response ends or, for a WebSocket, once the upgrade is done (from then on the
     * stream is counted in {@link ServerState#openStreams()}): an upgraded request never runs its
     * end handler, and counting it kept shutdown waiting its whole grace period (issue 23).
     */
    private void guard(RoutingContext ctx) {
        if (state.draining()) {
            fail(ctx, new ApiError(503, "shutting_down", "the server is shutting down",
                    state.config().retryAfterS()));
            return;
        }
        HttpServerRequest req = ctx.request();
        String header = req.getHeader(HttpHeaders.AUTHORIZATION);
        boolean allowed = state.apiKeys().allowsHeader(header)
                // Browsers cannot set headers on a WebSocket: streams may pass the key as access_token.
                || (header == null && req.path().matches("/v1/(stream|vosk)")
                && state.apiKeys().allowsKey(req.getParam("access_token")));
        if (!allowed) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            fail(ctx, new ApiError(401, "unauthorized", "a valid API key is required (Authorization: Bearer KEY)"));
            return;
        }
        if (state.analyzer() == null && !req.path().equals("/v1/models")) {
            fail(ctx, new ApiError(503, "not_ready", "models are still loading", state.config().retryAfterS()));
            return;
        }
        state.inFlight().incrementAndGet();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable release = () -> {
            if (done.compareAndSet(false, true)) {
                state.inFlight().decrementAndGet();
            }
        };
        ctx.put(IN_FLIGHT, release);
        ctx.addEndHandler(ar -> release.run());
        ctx.next();
    }

    private EmotionAnalyzer analyzer() {
        EmotionAnalyzer a = state.analyzer();
        if (a == null) {
            throw new ApiError(503, "not_ready", "models are still loading", state.config().retryAfterS());
        }
        return a;
    }

    private void ready(RoutingContext ctx) {
        EmotionAnalyzer a = state.analyzer();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ready", a != null && !state.draining());
        body.put("emotion_model", a != null && a.hasEmotionModel());
        body.put("models", a == null ? java.util.List.of() : a.models());
        if (state.warmup() != null) {
            body.put("warmup", Map.of("recognizers", state.warmup().recognizers(), "ms", state.warmup().millis()));
        }
        if (state.loadError() != null) {
            body.put("error", state.loadError());
        }
        json(ctx, a != null && !state.draining() ? 200 : 503, body);
    }

    private void openapi(RoutingContext ctx) {
        try (InputStream in = HttpApi.class.getResourceAsStream("openapi.yaml")) {
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml; charset=utf-8");
            send(ctx, Buffer.buffer(in.readAllBytes()));
        } catch (IOException | NullPointerException e) {
            fail(ctx, new ApiError(500, "internal", "openapi.yaml missing from the jar"));
        }
    }

    // ---- REST ----------------------------------------------------------------------------------

    private void analyze(RoutingContext ctx) {
        Optional<FileUpload> upload = ctx.fileUploads().stream().filter(f -> f.name().equals("audio")).findFirst();
        String contentType = mediaType(ctx);
        Future<Buffer> wav;
        String text;
        String channelsParam;
        String timelineParam;
        if (contentType.equals("multipart/form-data")) {
            if (upload.isEmpty()) {
                fail(ctx, ApiError.badRequest("missing_audio", "multipart body needs a file part named 'audio'"));
                return;
            }
            wav = ctx.vertx().fileSystem().readFile(upload.get().uploadedFileName());
            text = ctx.request().getFormAttribute("text");
            channelsParam = ctx.request().getFormAttribute("channels");
            timelineParam = ctx.request().getFormAttribute("timeline");
        } else {
            // accepts() let only audio types (or none) through to here.
            wav = Future.succeededFuture(ctx.body().buffer());
            text = ctx.request().getParam("text");
            channelsParam = ctx.request().getParam("channels");
            timelineParam = ctx.request().getParam("timeline");
        }
        ChannelMode channels;
        try {
            channels = channelsParam == null ? ChannelMode.MIX : ChannelMode.parse(channelsParam);
        } catch (IllegalArgumentException e) {
            fail(ctx, ApiError.badRequest("bad_parameter", e.getMessage()));
            return;
        }
        if (timelineParam != null && !timelineParam.equals("true") && !timelineParam.equals("false")) {
            fail(ctx, ApiError.badRequest("bad_parameter", "timeline must be true or false, got '" + timelineParam + "'"));
            return;
        }
        boolean timelineAsked = "true".equals(timelineParam) || channels == ChannelMode.SPLIT;
        if (timelineAsked && text != null) {
            fail(ctx, ApiError.badRequest("bad_parameter", "text gives the words of one utterance; a timeline "
                    + "(channels=split, timeline=true) finds each utterance's words by ASR"));
            return;
        }
        if (text != null && text.length() > MAX_TEXT_CHARS) {
            fail(ctx, ApiError.badRequest("text_too_long", "text over " + MAX_TEXT_CHARS + " characters"));
            return;
        }
        EmotionAnalyzer a = analyzer();
        wav.compose(bytes -> state.pool().submit(() -> {
            Audio audio = decode(bytes);
            if (timelineAsked || audio.durationSeconds() > TimelineAnalyzer.WHOLE_RECORDING_MAX_S) {
                Timeline t;
                if (channels != ChannelMode.SPLIT) {
                    t = new TimelineAnalyzer(a).analyze(List.of(audio), channels); // the decoded mix, not a second decode
                } else {
                    // Each channel of its own: the decoded audio above is their average, so the body is read again.
                    try (WavStream in = audioFiles.open(bytes.getBytes(), "request body")) {
                        t = new TimelineAnalyzer(a).analyze(in, channels, TimelineAnalyzer.Progress.NONE);
                    } catch (AudioFormatException e) {
                        throw ApiError.badRequest("invalid_audio", e.getMessage());
                    }
                }
                state.metrics().audioProcessed(t.durationS());
                return (Object) t;
            }
            EmotionAnalyzer.Analysis result;
            try {
                result = a.analyze(audio, text, null);
            } catch (AudioTooShortException e) {
                throw ApiError.badRequest("audio_too_short", e.getMessage());
            }
            state.metrics().audioProcessed(result.durationS());
            return (Object) result;
        })).onComplete(ar -> {
            if (ar.succeeded()) {
                json(ctx, 200, ar.result());
            } else {
                fail(ctx, ar.cause());
            }
        });
    }

    /** WAV bytes to audio, with the limits applied (runs on a worker). */
    private Audio decode(Buffer bytes) {
        if (bytes == null || bytes.length() == 0) {
            throw ApiError.badRequest("empty_body", "the request body is empty; send an audio file (WAV, or with ffmpeg MP3, FLAC, ...)");
        }
        Audio audio;
        try {
            audio = audioFiles.read(bytes.getBytes(), "request body");
        } catch (NeedsFfmpegException e) {
            throw new ApiError(415, "unsupported_media_type", e.getMessage());
        } catch (AudioFormatException e) {
            throw ApiError.badRequest("invalid_audio", e.getMessage());
        }
        if (audio.samples().length == 0) {
            throw ApiError.badRequest("invalid_audio", "the audio has no samples");
        }
        if (audio.sampleRate() < 4_000) {
            throw ApiError.badRequest("invalid_audio", "sample rate " + audio.sampleRate() + " Hz is too low for speech");
        }
        if (audio.durationSeconds() > state.config().maxAudioSeconds()) {
            throw new ApiError(413, "audio_too_long", String.format(Locale.ROOT, "%.1f s of audio; the limit is %.0f s",
                    audio.durationSeconds(), state.config().maxAudioSeconds()));
        }
        return audio;
    }

    private void analyzeText(RoutingContext ctx) {
        Buffer raw = ctx.body().buffer();
        if (raw == null || raw.length() == 0) {
            fail(ctx, ApiError.badRequest("empty_body", "the request body is empty; send JSON {\"text\": \"...\"}"));
            return;
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(raw.getBytes());
        } catch (IOException e) {
            fail(ctx, ApiError.badRequest("bad_json", "the body must be JSON {\"text\": \"...\"}"));
            return;
        }
        JsonNode text = body == null ? null : body.get("text");
        if (text == null || !text.isTextual() || text.asText().isBlank()) {
            fail(ctx, ApiError.badRequest("missing_text", "the body must be JSON {\"text\": \"...\"} with non-empty text"));
            return;
        }
        if (text.asText().length() > MAX_TEXT_CHARS) {
            fail(ctx, ApiError.badRequest("text_too_long", "text over " + MAX_TEXT_CHARS + " characters"));
            return;
        }
        EmotionAnalyzer a = analyzer();
        state.pool().submit(() -> {
            try {
                return a.analyzeText(text.asText());
            } catch (UnsupportedOperationException e) {
                throw new ApiError(422, "unsupported", e.getMessage());
            }
        }).onComplete(ar -> {
            if (ar.succeeded()) {
                json(ctx, 200, ar.result());
            } else {
                fail(ctx, ar.cause());
            }
        });
    }

    /**
     * JSONL in, JSONL out, streamed both ways: lines are scored on the pool a few at a time and
     * written back in input order as they finish; reading pauses while the window is full.
     */
    private void score(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        HttpServerResponse res = ctx.response();
        BatchScorer scorer = new BatchScorer(analyzer(), state.audioRoots());
        res.setChunked(true).putHeader(HttpHeaders.CONTENT_TYPE, "application/x-ndjson");
        long[] lineNo = {0};
        int[] inFlight = {0};
        boolean[] inputDone = {false};
        Future<?>[] tail = {Future.succeededFuture()};
        Runnable maybeEnd = () -> {
            if (inputDone[0] && inFlight[0] == 0 && !res.ended()) {
                res.end();
            }
        };
        int maxLine = (int) Math.min(Integer.MAX_VALUE, state.config().bodyLimitBytes());
        Runnable tooLong = () -> {
            if (!res.headWritten()) {
                fail(ctx, new ApiError(413, "line_too_long", "a line exceeds " + maxLine + " bytes"));
            } else {
                res.reset();
            }
        };
        RecordParser lines = RecordParser.newDelimited("\n", req);
        // maxRecordSize bounds what is buffered while a line is incomplete; a long line that arrives
        // whole in one network read passes it, so each line is checked again.
        lines.maxRecordSize(maxLine);
        lines.handler(buf -> {
            if (res.ended() || res.closed()) {
                return;
            }
            if (buf.length() > maxLine) {
                tooLong.run();
                return;
            }
            String line = buf.toString(StandardCharsets.UTF_8);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            long n = ++lineNo[0];
            String input = line;
            inFlight[0]++;
            if (inFlight[0] >= SCORE_WINDOW) {
                lines.pause();
            }
            Future<String> result = state.pool().submitAdmitted(() -> scorer.score(input, n));
            // Chain on the previous line so results leave in input order.
            tail[0] = tail[0].eventually(() -> result.andThen(ar -> {
                if (!res.closed() && !res.ended()) {
                    res.write(ar.succeeded() ? ar.result() + "\n" : errorLine(n, ar.cause()));
                }
                inFlight[0]--;
                lines.resume();
                maybeEnd.run();
            }));
        });
        lines.exceptionHandler(e -> tooLong.run());
        lines.endHandler(v -> {
            if (lineNo[0] == 0 && !res.headWritten()) {
                fail(ctx, ApiError.badRequest("empty_body", "the request body is empty; send one JSON dialogue per line"));
                return;
            }
            inputDone[0] = true;
            tail[0].onComplete(ar -> maybeEnd.run());
        });
        req.resume();
    }

    private static String errorLine(long n, Throwable t) {
        ObjectNode o = Json.MAPPER.createObjectNode().put("line", n).put("error", "internal").put("detail",
                "line " + n + ": " + t);
        return Json.write(o) + "\n";
    }

    // ---- WebSocket -----------------------------------------------------------------------------

    private void upgrade(RoutingContext ctx, WireProtocol protocol) {
        HttpServerRequest req = ctx.request();
        if (!req.canUpgradeToWebSocket()) {
            fail(ctx, new ApiError(426, "upgrade_required", "this endpoint speaks WebSocket only"));
            return;
        }
        StringBuilder why = new StringBuilder();
        String client = req.remoteAddress() == null ? "?" : req.remoteAddress().hostAddress();
        Optional<StreamAdmission.Ticket> ticket = state.admission().tryAdmit(client, why);
        if (ticket.isEmpty()) {
            fail(ctx, ApiError.busy(why.toString(), state.config().retryAfterS()));
            return;
        }
        req.toWebSocket().onComplete(ar -> {
            Runnable inFlight = ctx.get(IN_FLIGHT);
            if (ar.failed()) {
                ticket.get().release();
                inFlight.run();
                LOG.debug("websocket upgrade failed: {}", ar.cause().toString());
                return;
            }
            java.util.function.IntConsumer observed = ctx.get(OBSERVED);
            observed.accept(101);
            java.util.concurrent.atomic.AtomicReference<StreamSocket> self = new java.util.concurrent.atomic.AtomicReference<>();
            StreamSocket socket = new StreamSocket(ctx.vertx(), ar.result(), protocol, analyzer(), state.pool(),
                    state.config(), state.metrics(), () -> {
                        ticket.get().release();
                        state.openStreams().remove(self.get());
                    });
            self.set(socket);
            state.openStreams().add(socket);
            inFlight.run(); // counted as an open stream from here on
            socket.start();
        });
    }

    // ---- answers -------------------------------------------------------------------------------

    private static void json(RoutingContext ctx, int status, Object body) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        send(ctx, Buffer.buffer(Json.write(body)));
    }

    /** Ends with {@code body}, or for HEAD with its length only (Vert.x would send a HEAD body). */
    private static void send(RoutingContext ctx, Buffer body) {
        if (ctx.request().method() == HttpMethod.HEAD) {
            ctx.response().putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length())).end();
        } else {
            ctx.response().end(body);
        }
    }

    private void fail(RoutingContext ctx, Throwable t) {
        ApiError e;
        if (t instanceof ApiError api) {
            e = api;
        } else {
            LOG.warn("request {} {} failed", ctx.request().method(), ctx.request().path(), t);
            e = new ApiError(500, "internal", "the server failed to process the request: " + t.getClass().getSimpleName());
        }
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        if (e.retryAfterS() != null) {
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Integer.toString(e.retryAfterS()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.error());
        body.put("detail", e.detail());
        json(ctx, e.status(), body);
    }

    /**
     * Failures raised by vert.x-web itself (body too large, timeout, a CORS refusal, a malformed
     * multipart body) or thrown by a handler: an {@link ApiError} as it is, a framework status with
     * its code, anything else 500 {@code internal}.
     */
    private void failure(RoutingContext ctx) {
        Throwable t = ctx.failure();
        int status = ctx.statusCode();
        if (t instanceof ApiError || (t != null && (status < 400 || status >= 500))) {
            fail(ctx, t);
            return;
        }
        String error = switch (status) {
            case 400 -> "bad_request";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "body_too_large";
            case 415 -> "unsupported_media_type";
            case 504 -> "timeout";
            default -> status >= 500 ? "internal" : "bad_request";
        };
        String detail = switch (status) {
            case 413 -> "the request body exceeds " + state.config().bodyLimitBytes() + " bytes";
            case 504 -> "the request took longer than " + state.config().requestTimeoutS() + " s";
            default -> t != null && t.getMessage() != null ? t.getMessage() : "request failed with status " + status;
        };
        fail(ctx, new ApiError(status, error, detail, status == 503 ? state.config().retryAfterS() : null));
    }
}
