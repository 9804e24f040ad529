package io.emofuse.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTP edges on a real server: JSON for every error, HEAD, 405 + Allow, media types, empty bodies. */
class HttpSemanticsTest {

    private static EmofuseServer server;
    private static Http http;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = TestFixtures.server(Map.of("max_streams", 2, "warmup", false));
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(Duration.ofSeconds(2));
        }
    }

    private static HttpResponse<String> send(String method, String path, String contentType, byte[] body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(http.base() + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One raw HTTP/1.1 exchange: what a client the JDK would not let us write sends. */
    private static String raw(String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void unparseableRequestsGetAJsonError() throws Exception {
        String answer = raw("POST /v1/analyze HTTP/1.1\r\nHost: x\r\nContent-Length: 123456789012345678901234\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertTrue(answer.toLowerCase().contains("content-type: application/json"), answer);
        JsonNode body = Http.JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertEquals("bad_request", body.get("error").asText(), answer);
        assertTrue(body.hasNonNull("detail"));
    }

    @Test
    void unknownPathsAreJson404sEverywhere() throws Exception {
        for (String path : List.of("/nope", "/static/missing.js", "/v1/nope", "/v1/analyze/nope")) {
            HttpResponse<String> r = http.get(path);
            RestApiTest.assertError(r, 404, "not_found");
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
        }
    }

    @Test
    void headAnswersWhereGetDoes() throws Exception {
        for (String path : List.of("/", "/health", "/ready", "/metrics", "/openapi.yaml", "/favicon.ico",
                "/v1/models", "/app.js")) {
            HttpResponse<String> head = send("HEAD", path, null, null);
            assertEquals(200, head.statusCode(), "HEAD " + path);
            assertEquals("", head.body(), "HEAD has no body: " + path);
        }
    }

    @Test
    void aWrongMethodIs405WithAllow() throws Exception {
        Map<String, String> cases = Map.of("GET /v1/analyze", "POST", "PUT /v1/analyze/text", "POST",
                "GET /v1/score", "POST", "POST /health", "GET, HEAD", "DELETE /v1/models", "GET, HEAD",
                "POST /v1/stream", "GET, HEAD", "POST /metrics", "GET, HEAD", "POST /", "GET, HEAD");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            String[] mp = c.getKey().split(" ");
            HttpResponse<String> r = send(mp[0], mp[1], "application/json", "{}".getBytes());
            RestApiTest.assertError(r, 405, "method_not_allowed");
            assertEquals(c.getValue(), r.headers().firstValue("Allow").orElse(null), c.getKey());
        }
    }

    @Test
    void mediaTypesAreCheckedAlikeOnEveryRoute() throws Exception {
        byte[] some = "{\"text\":\"hello\"}".getBytes();
        RestApiTest.assertError(http.post("/v1/analyze/text", "text/plain", some), 415, "unsupported_media_type");
        RestApiTest.assertError(http.post("/v1/analyze/text", "audio/wav", some), 415, "unsupported_media_type");
        RestApiTest.assertError(http.post("/v1/score", "audio/wav", some), 415, "unsupported_media_type");
        RestApiTest.assertError(http.post("/v1/score", "application/json", some), 415, "unsupported_media_type");
        RestApiTest.assertError(http.post("/v1/analyze", "text/plain", some), 415, "unsupported_media_type");
        RestApiTest.assertError(http.post("/v1/analyze", "application/json", some), 415, "unsupported_media_type");
        // No Content-Type at all is the route's own type, on every route.
        int untyped = http.post("/v1/analyze/text", null, some).statusCode();
        assertTrue(untyped == 200 || untyped == 422, "read as JSON (422: no text model loaded), got " + untyped);
        HttpResponse<String> ndjson = http.post("/v1/score", "application/x-ndjson; charset=utf-8",
                "{\"dialogue_id\":\"d\",\"turns\":[]}\n".getBytes());
        assertEquals(200, ndjson.statusCode(), ndjson.body());
    }

    @Test
    void emptyBodiesAreEmptyBody() throws Exception {
        RestApiTest.assertError(http.post("/v1/analyze/text", "application/json", new byte[0]), 400, "empty_body");
        RestApiTest.assertError(http.post("/v1/score", "application/x-ndjson", new byte[0]), 400, "empty_body");
        RestApiTest.assertError(http.post("/v1/analyze", "audio/wav", new byte[0]), 400, "empty_body");
    }

    @Test
    void webSocketRoutesWithoutAnUpgradeAre426() throws Exception {
        RestApiTest.assertError(http.get("/v1/stream"), 426, "upgrade_required");
        RestApiTest.assertError(http.get("/v1/vosk"), 426, "upgrade_required");
    }

    @Test
    void theFaviconIsServed() throws Exception {
        HttpResponse<byte[]> r = CLIENT.send(HttpRequest.newBuilder(URI.create(http.base() + "/favicon.ico")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertEquals("image/x-icon", r.headers().firstValue("Content-Type").orElse(null));
        assertEquals(0, r.body()[0]);
        assertEquals(1, r.body()[2], "an ICO header");
    }
}
