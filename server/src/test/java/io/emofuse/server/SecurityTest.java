package io.emofuse.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The security points not covered by the other server tests: keys never logged, request size bounds. */
class SecurityTest {

    private static final String KEY = "k3y-n3ver-l0gged-7f2a";

    /**
     * Every log event at DEBUG and above, Netty's and Vert.x's included, over a server's life with a
     * key sent every way a client can send one (right, wrong, as a stream's access_token, on requests
     * that fail), must not contain the key; nor may the config's string form.
     */
    @Test
    void apiKeysNeverReachTheLogs() throws Exception {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        List<Logger> loggers = List.of(ctx.getLogger(Logger.ROOT_LOGGER_NAME), ctx.getLogger("io.netty"),
                ctx.getLogger("io.vertx"));
        List<Level> before = loggers.stream().map(Logger::getLevel).toList();
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.setContext(ctx);
        events.start();
        loggers.get(0).addAppender(events);
        loggers.forEach(l -> l.setLevel(Level.DEBUG));
        try {
            EmofuseServer s = TestFixtures.server(Map.of("api_keys", List.of(KEY)));
            try {
                assertFalse(s.state().config().toString().contains(KEY), s.state().config().toString());
                Http http = new Http(s.port());
                String auth = "Bearer " + KEY;
                assertEquals(200, http.get("/v1/models", "Authorization", auth).statusCode());
                assertEquals(401, http.get("/v1/models", "Authorization", auth + "x").statusCode());
                assertEquals(401, http.get("/v1/models?access_token=" + KEY + "x").statusCode());
                assertEquals(400, http.post("/v1/analyze", "audio/wav", "not a wav".getBytes(), "Authorization",
                        auth).statusCode());
                assertEquals(404, http.get("/v1/nope?access_token=" + KEY, "Authorization", auth).statusCode());
                WsClient c = WsClient.connect(s.port(), "/v1/stream?access_token=" + KEY);
                c.text("not json");
                assertEquals(1007, c.awaitClose(20));
                WsClient wrong = null;
                try {
                    wrong = WsClient.connect(s.port(), "/v1/stream?access_token=" + KEY + "x");
                } catch (java.util.concurrent.ExecutionException expected) {
                    // 401
                }
                assertEquals(null, wrong);
            } finally {
                s.stop(Duration.ofSeconds(2));
            }
        } finally {
            loggers.get(0).detachAppender(events);
            for (int i = 0; i < loggers.size(); i++) {
                loggers.get(i).setLevel(before.get(i));
            }
        }
        List<ILoggingEvent> seen = List.copyOf(events.list);
        assertTrue(seen.stream().anyMatch(e -> e.getFormattedMessage().contains("listening")),
                "the appender saw the server's log (" + seen.size() + " events)");
        assertTrue(seen.stream().anyMatch(e -> e.getLevel() == Level.DEBUG), "DEBUG events were captured too");
        for (ILoggingEvent e : seen) {
            String all = e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
                    : ThrowableProxyUtil.asString(e.getThrowableProxy()));
            assertFalse(all.contains(KEY.substring(0, 12)), "a log event holds the key: " + all);
        }
    }

    @Test
    void requestBodiesAreBounded() throws Exception {
        EmofuseServer s = TestFixtures.server(Map.of("body_limit_bytes", 4096));
        try {
            Http http = new Http(s.port());
            String big = "x".repeat(5000);
            HttpResponse<String> text = http.post("/v1/analyze/text", "application/json",
                    ("{\"text\":\"" + big + "\"}").getBytes(StandardCharsets.UTF_8));
            RestApiTest.assertError(text, 413, "body_too_large");
            // /v1/score streams (no total limit) but bounds each line.
            HttpResponse<String> line = http.post("/v1/score", "application/x-ndjson",
                    ("{\"dialogue_id\":\"a\",\"turns\":[{\"turn_id\":1,\"text\":\"" + big + "\"}]}\n")
                            .getBytes(StandardCharsets.UTF_8));
            RestApiTest.assertError(line, 413, "line_too_long");
            assertEquals(200, http.get("/health").statusCode(), "the server is fine afterwards");
        } finally {
            s.stop(Duration.ofSeconds(2));
        }
    }
}
