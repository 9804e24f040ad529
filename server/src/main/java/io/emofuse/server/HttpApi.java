package io.emofuse.server;

import io.emofuse.analysis.EmotionAnalyzer;
import io.emofuse.analysis.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emofuse.acoustic.AudioTooShortException;
import io.emofuse.acoustic.audio.Audio;
import io.emofuse.acoustic.audio.AudioFormatException;
import io.emofuse.acoustic.audio.WavReader;
import io.emofuse.analysis.batch.BatchScorer;
import io.emofuse.server.stream.EmofuseProtocol;
import io.emofuse.server.stream.StreamSocket;
import io.emofuse.server.stream.VoskProtocol;
import io.emofuse.server.stream.WireProtocol;
import io.vertx.core.Future;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST and WebSocket routes. Handlers run on the event loop and only parse, admit and answer;
 * decoding audio, ASR, features and inference go to the {@link AnalysisPool}.
 */
public final class HttpApi {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final Set<String> WAV_TYPES = Set.of("audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave",
            "application/octet-stream");
    private static final Set<String> ROUTES = Set.of("/", "/health", "/ready", "/metrics", "/openapi.yaml",
            "/v1/models", "/v1/analyze", "/v1/analyze/text", "/v1/score", "/v1/stream", "/v1/vosk");
    private static final int MAX_TEXT_CHARS = 10_000;
    /** Batch lines in flight per /v1/score request. */
    private static final int SCORE_WINDOW = 8;

    private final ServerState state;

    public HttpApi(ServerState state) {
        this.state = state;
    }

    /** A router for one verticle instance (routers belong to a Vert.x instance, handlers are shared). */
    public Router router(Vertx vertx) {
        ServerConfig cfg = state.config();
        Router r = Router.router(vertx);
        r.route().handler(this::observe);
        if (!cfg.corsOrigins().isEmpty()) {
            r.route().handler(CorsHandler.create().addOriginsWithRegex(cfg.corsOrigins())
                    .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.OPTIONS))
                    .allowedHeaders(Set.of("Authorization", "Content-Type")));
        }
        r.get("/health").handler(ctx -> json(ctx, 200, Map.of("status", "ok")));
        r.get("/ready").handler(this::ready);
        r.get("/metrics").handler(ctx -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE,
                "text/plain; version=0.0.4; charset=utf-8").end(state.metrics().scrape()));
        r.get("/openapi.yaml").handler(this::openapi);

        r.route("/v1/*").handler(this::guard);
        r.get("/v1/models").handler(ctx -> json(ctx, 200, Map.of("models", analyzer().models())));
        BodyHandler body = BodyHandler.create(System.getProperty("java.io.tmpdir") + "/emofuse-uploads")
                .setBodyLimit(cfg.bodyLimitBytes()).setDeleteUploadedFilesOnEnd(true);
        TimeoutHandler timeout = TimeoutHandler.create(cfg.requestTimeoutS() * 1000L, 504);
        r.post("/v1/analyze").handler(timeout).handler(body).handler(this::analyze);
        r.post("/v1/analyze/text").handler(timeout).handler(body).handler(this::analyzeText);
        r.post("/v1/score").handler(this::score);
        r.get("/v1/stream").handler(ctx -> upgrade(ctx, new EmofuseProtocol()));
        r.get("/v1/vosk").handler(ctx -> upgrade(ctx, new VoskProtocol()));
        r.route("/v1/*").handler(ctx -> fail(ctx, new ApiError(404, "not_found", "no such endpoint: "
                + ctx.request().method() + " " + ctx.request().path())));
        r.route("/*").handler(StaticHandler.create("io/emofuse/server/webroot").setCachingEnabled(false));
        r.route().failureHandler(this::failure);
        return r;
    }

    // ---- cross-cutting -------------------------------------------------------------------------

    /** Counts and times every request (bounded route label: unknown paths are "other"). */
    private void observe(RoutingContext ctx) {
        long t0 = System.nanoTime();
        String path = ctx.request().path();
        String route = path != null && ROUTES.contains(path) ? path : "other";
        String method = ctx.request().method().name();
        ctx.addEndHandler(ar -> state.metrics().request(route, method, ctx.response().getStatusCode(),
                System.nanoTime() - t0));
        ctx.next();
    }

    /** /v1: refuse while draining or loading, check the API key, count in-flight work. */
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
        ctx.addEndHandler(ar -> state.inFlight().decrementAndGet());
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
        if (state.loadError() != null) {
            body.put("error", state.loadError());
        }
        json(ctx, a != null && !state.draining() ? 200 : 503, body);
    }

    private void openapi(RoutingContext ctx) {
        try (InputStream in = HttpApi.class.getResourceAsStream("openapi.yaml")) {
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml; charset=utf-8")
                    .end(Buffer.buffer(in.readAllBytes()));
        } catch (IOException | NullPointerException e) {
            fail(ctx, new ApiError(500, "internal", "openapi.yaml missing from the jar"));
        }
    }

    // ---- REST ----------------------------------------------------------------------------------

    private void analyze(RoutingContext ctx) {
        Optional<FileUpload> upload = ctx.fileUploads().stream().filter(f -> f.name().equals("audio")).findFirst();
        String contentType = Optional.ofNullable(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE)).orElse("")
                .split(";")[0].trim().toLowerCase(Locale.ROOT);
        Future<Buffer> wav;
        String text;
        if (contentType.equals("multipart/form-data")) {
            if (upload.isEmpty()) {
                fail(ctx, ApiError.badRequest("missing_audio", "multipart body needs a file part named 'audio'"));
                return;
            }
            wav = ctx.vertx().fileSystem().readFile(upload.get().uploadedFileName());
            text = ctx.request().getFormAttribute("text");
        } else if (contentType.isEmpty() || WAV_TYPES.contains(contentType)) {
            wav = Future.succeededFuture(ctx.body().buffer());
            text = ctx.request().getParam("text");
        } else {
            fail(ctx, new ApiError(415, "unsupported_media_type",
                    "send audio/wav or multipart/form-data with an 'audio' part, not " + contentType));
            return;
        }
        if (text != null && text.length() > MAX_TEXT_CHARS) {
            fail(ctx, ApiError.badRequest("text_too_long", "text over " + MAX_TEXT_CHARS + " characters"));
            return;
        }
        EmotionAnalyzer a = analyzer();
        wav.compose(bytes -> state.pool().submit(() -> {
            Audio audio = decode(bytes);
            EmotionAnalyzer.Analysis result;
            try {
                result = a.analyze(audio, text, null);
            } catch (AudioTooShortException e) {
                throw ApiError.badRequest("audio_too_short", e.getMessage());
            }
            state.metrics().audioProcessed(result.durationS());
            return result;
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
            throw ApiError.badRequest("empty_body", "the request body is empty; send a WAV file");
        }
        Audio audio;
        try {
            audio = WavReader.read(bytes.getBytes(), "request body");
        } catch (AudioFormatException e) {
            throw ApiError.badRequest("invalid_audio", e.getMessage());
        }
        if (audio.samples().length == 0) {
            throw ApiError.badRequest("invalid_audio", "the WAV file has no samples");
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
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes());
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
            if (ar.failed()) {
                ticket.get().release();
                LOG.debug("websocket upgrade failed: {}", ar.cause().toString());
                return;
            }
            java.util.concurrent.atomic.AtomicReference<StreamSocket> self = new java.util.concurrent.atomic.AtomicReference<>();
            StreamSocket socket = new StreamSocket(ctx.vertx(), ar.result(), protocol, analyzer(), state.pool(),
                    state.config(), state.metrics(), () -> {
                        ticket.get().release();
                        state.openStreams().remove(self.get());
                    });
            self.set(socket);
            state.openStreams().add(socket);
            socket.start();
        });
    }

    // ---- answers -------------------------------------------------------------------------------

    private static void json(RoutingContext ctx, int status, Object body) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(Json.write(body));
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

    /** Failures raised by vert.x-web itself (body too large, timeout) or thrown by a handler. */
    private void failure(RoutingContext ctx) {
        if (ctx.failure() != null) {
            fail(ctx, ctx.failure());
            return;
        }
        int status = ctx.statusCode();
        String error = switch (status) {
            case 413 -> "body_too_large";
            case 504 -> "timeout";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            default -> "http_" + status;
        };
        String detail = switch (status) {
            case 413 -> "the request body exceeds " + state.config().bodyLimitBytes() + " bytes";
            case 504 -> "the request took longer than " + state.config().requestTimeoutS() + " s";
            default -> "request failed with status " + status;
        };
        fail(ctx, new ApiError(status, error, detail, status == 503 ? state.config().retryAfterS() : null));
    }
}
