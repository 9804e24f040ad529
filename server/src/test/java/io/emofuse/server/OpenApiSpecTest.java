package io.emofuse.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * openapi.yaml is valid OpenAPI 3 by swagger-parser (the validator behind swagger-editor and the
 * npm {@code swagger-parser}'s Java sibling), documents every route and method the router answers,
 * and lists every error code the code can emit, found by reading the sources.
 */
class OpenApiSpecTest {

    private static String spec() throws IOException {
        try (InputStream in = HttpApi.class.getResourceAsStream("openapi.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static OpenAPI parse() throws IOException {
        ParseOptions opts = new ParseOptions();
        opts.setResolve(true);
        SwaggerParseResult r = new OpenAPIV3Parser().readContents(spec(), null, opts);
        assertEquals(List.of(), r.getMessages() == null ? List.of() : r.getMessages(), "swagger-parser findings");
        assertNotNull(r.getOpenAPI());
        return r.getOpenAPI();
    }

    @Test
    void isValidOpenApi3() throws IOException {
        OpenAPI api = parse();
        assertEquals("3.0.3", api.getOpenapi());
        // A flow map with an unquoted comma once made bogus properties: each parameter and schema
        // property here has exactly the keys it was written with.
        api.getPaths().forEach((path, item) -> item.readOperations().forEach(op -> {
            assertNotNull(op.getSummary(), path);
            assertTrue(op.getResponses() != null && !op.getResponses().isEmpty(), path);
        }));
    }

    @Test
    void everyRouteAndMethodIsDocumented() throws IOException {
        OpenAPI api = parse();
        for (Map.Entry<String, String> route : HttpApi.METHODS.entrySet()) {
            PathItem item = api.getPaths().get(route.getKey());
            assertNotNull(item, "openapi.yaml documents " + route.getKey());
            for (String method : route.getValue().split(", ")) {
                assertNotNull(item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method)),
                        method + " " + route.getKey() + " is documented");
            }
            assertEquals(route.getValue().split(", ").length, item.readOperations().size(),
                    route.getKey() + ": documented methods are the ones answered");
        }
        assertEquals(new TreeSet<>(HttpApi.METHODS.keySet()), new TreeSet<>(api.getPaths().keySet()));
    }

    @Test
    void everyErrorCodeTheCodeEmitsIsInTheSpec() throws IOException {
        OpenAPI api = parse();
        Set<String> documented = new TreeSet<>();
        for (String schema : List.of("Error", "StreamError")) {
            Schema<?> s = api.getComponents().getSchemas().get(schema);
            Schema<?> error = (Schema<?>) s.getProperties().get("error");
            error.getEnum().forEach(e -> documented.add(String.valueOf(e)));
        }
        Set<String> emitted = emittedCodes();
        assertTrue(emitted.size() >= 30, "found the codes in the sources: " + emitted);
        List<String> missing = new ArrayList<>(emitted);
        missing.removeAll(documented);
        assertEquals(List.of(), missing, "codes the server emits but openapi.yaml does not list");
        List<String> stale = new ArrayList<>(documented);
        stale.removeAll(emitted);
        assertEquals(List.of(), stale, "codes openapi.yaml lists but nothing emits");
    }

    /** Every error code in the server's sources: ApiError, stream fail(...), BadMessage, framework mappings. */
    static Set<String> emittedCodes() throws IOException {
        Path src = Path.of("src/main/java/io/emofuse/server");
        List<Pattern> patterns = List.of(
                Pattern.compile("new ApiError\\(\\d{3}, \"([a-z_]+)\""),
                Pattern.compile("ApiError\\.badRequest\\(\"([a-z_]+)\""),
                Pattern.compile("\\bfail\\(\"([a-z_]+)\""),
                Pattern.compile("BadMessage\\(\"([a-z_]+)\""),
                Pattern.compile("case \\d{3} -> \"([a-z_]+)\""),
                Pattern.compile("\\? \"(internal)\" : \"([a-z_]+)\""),
                Pattern.compile("\\bcode = \"([a-z_]+)\""));
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(src)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                for (Pattern p : patterns) {
                    Matcher m = p.matcher(text);
                    while (m.find()) {
                        for (int g = 1; g <= m.groupCount(); g++) {
                            codes.add(m.group(g));
                        }
                    }
                }
                if (text.contains("ApiError.busy(")) {
                    codes.add("busy");
                }
            }
        }
        return codes;
    }
}
