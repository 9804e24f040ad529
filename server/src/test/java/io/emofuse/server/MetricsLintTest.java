package io.emofuse.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * /metrics passes {@code promtool check metrics} (Debian's {@code prometheus} package, installed
 * by .ci/run; that test skips without it), and the same lint rules checked here in Java so a
 * machine without promtool still enforces them, plus bounded histograms.
 */
class MetricsLintTest {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    /** promtool's abbreviated units (its lintUnitAbbreviations list). */
    private static final Set<String> ABBREVIATED = Set.of("ns", "us", "μs", "ms", "s", "sec", "secs", "kb",
            "mb", "gb", "tb", "pb", "b");
    private static final int MAX_BUCKETS = 16;
    private static EmofuseServer server;
    private static String scrape;

    @BeforeAll
    static void scrapeAfterTraffic() throws Exception {
        server = TestFixtures.server(Map.of("max_streams", 2, "warmup", false));
        Http http = new Http(server.port());
        http.get("/health");
        http.get("/nope");
        http.post("/v1/analyze", "audio/wav", Files.readAllBytes(TestFixtures.wav("03-01-01-01-01-01-01.wav")));
        WsClient c = WsClient.connect(server.port(), "/v1/stream");
        byte[] pcm = StreamingTest.pcm("03-01-01-01-01-01-01.wav", 0.5);
        c.binary(pcm, 0, pcm.length);
        c.text("{\"type\":\"eof\"}");
        c.awaitClose(60);
        scrape = http.get("/metrics").body();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(Duration.ofSeconds(2));
        }
    }

    @Test
    void promtoolAcceptsTheScrape() throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        Assumptions.assumeTrue(Files.isExecutable(promtool), "promtool not installed (apt-get install prometheus)");
        Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        p.getOutputStream().write(scrape.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "promtool check metrics:\n" + out);
        assertEquals("", out.trim(), "no lint findings");
    }

    @Test
    void theSameRulesInJava() {
        Map<String, String> types = new HashMap<>();
        Set<String> helped = new java.util.HashSet<>();
        for (String line : scrape.split("\n")) {
            Matcher m = Pattern.compile("# (TYPE|HELP) (\\S+) ?(.*)").matcher(line);
            if (m.matches() && m.group(1).equals("TYPE")) {
                types.put(m.group(2), m.group(3));
            } else if (m.matches()) {
                if (!m.group(3).isBlank()) {
                    helped.add(m.group(2));
                }
            }
        }
        assertTrue(types.size() > 10, scrape);
        List<String> problems = new ArrayList<>();
        types.forEach((name, type) -> {
            if (!NAME.matcher(name).matches() || !name.equals(name.toLowerCase())) {
                problems.add(name + ": not snake_case");
            }
            if (!helped.contains(name)) {
                problems.add(name + ": no HELP");
            }
            if (type.equals("counter") && !name.endsWith("_total")) {
                problems.add(name + ": counter without _total");
            }
            if (!type.equals("counter") && name.endsWith("_total")) {
                problems.add(name + ": _total on a " + type);
            }
            if (!type.equals("histogram") && !type.equals("summary")
                    && (name.endsWith("_count") || name.endsWith("_sum") || name.endsWith("_bucket"))) {
                problems.add(name + ": reserved suffix on a " + type);
            }
            for (String part : name.split("_")) {
                if (ABBREVIATED.contains(part)) {
                    problems.add(name + ": abbreviated unit '" + part + "'");
                }
            }
        });
        assertEquals(List.of(), problems);
        assertTrue(types.containsKey("process_cpu_seconds_total") && types.containsKey("process_cpu_usage"), scrape);
    }

    @Test
    void histogramsHaveAHandfulOfBuckets() {
        Map<String, Integer> buckets = new HashMap<>();
        for (String line : scrape.split("\n")) {
            if (line.startsWith("emofuse_") && line.contains("_bucket{")) {
                String series = line.substring(0, line.indexOf('{')) + line.replaceAll(".*\\{", "{")
                        .replaceAll(",?le=\"[^\"]*\"", "").replaceAll(" .*", "");
                buckets.merge(series, 1, Integer::sum);
            }
        }
        assertTrue(buckets.keySet().stream().anyMatch(k -> k.startsWith("emofuse_http_requests_seconds_bucket")), scrape);
        assertTrue(buckets.keySet().stream().anyMatch(k -> k.startsWith("emofuse_stream_final_latency_seconds_bucket")),
                scrape);
        buckets.forEach((series, n) -> assertTrue(n <= MAX_BUCKETS, series + " has " + n + " buckets"));
        assertTrue(scrape.contains("emofuse_stream_final_latency_seconds_bucket{le=\"0.5\"}"),
                "a bucket at the 500 ms SLO");
    }
}
