package io.emofuse.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The demo page in a real browser: Debian's headless chromium, driven by playwright-core from
 * server/src/test/browser (install with `npm ci` there), streams a RAVDESS WAV through the page's
 * file input and must show the transcript. Skips when node, chromium or node_modules are absent.
 */
class DemoPageBrowserTest {

    private static final Path HARNESS = Path.of("src", "test", "browser");

    @Test
    void transcriptOfAStreamedWavAppearsOnThePage() throws Exception {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        assumeTrue(Files.isExecutable(chromium), "chromium not installed (apt-get install -y chromium)");
        assumeTrue(Files.isDirectory(HARNESS.resolve("node_modules").resolve("playwright-core")),
                "playwright-core not installed (cd server/src/test/browser && npm ci)");
        assumeTrue(onPath("node"), "node not installed");
        Path wav = TestFixtures.wav("03-01-01-01-01-01-01.wav");
        // -Demofuse.screenshot=PATH: serve the shipped emotion model and keep the page's screenshot
        // there (docs/demo-page.png is made so); otherwise the shared Vosk-only analyser.
        String keep = System.getProperty("emofuse.screenshot");
        EmofuseServer server = keep == null ? TestFixtures.server(Map.of()) : withDefaultModel();
        try {
            Path shot = keep != null ? Path.of(keep).toAbsolutePath() : Path.of("target", "demo-page.png").toAbsolutePath();
            Files.createDirectories(shot.getParent());
            Process p = new ProcessBuilder("node", "demo.test.mjs", "http://127.0.0.1:" + server.port(),
                    wav.toAbsolutePath().toString(), "kids are talking by the door", shot.toString())
                    .directory(HARNESS.toFile()).redirectErrorStream(true).start();
            boolean done = p.waitFor(120, TimeUnit.SECONDS);
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!done) {
                p.destroyForcibly();
            }
            assertTrue(done, "browser test timed out: " + output);
            assertEquals(0, p.exitValue(), output);
            assertTrue(output.contains("kids are talking by the door"), output);
        } finally {
            server.stop(java.time.Duration.ofSeconds(5));
        }
    }

    private static EmofuseServer withDefaultModel() throws Exception {
        ServerConfig cfg = ServerConfig.defaults().with(Map.of("port", 0, "host", "127.0.0.1", "workers", 2,
                "max_streams", 2, "model", "default"));
        EmofuseServer s = EmofuseServer.start(cfg, () -> io.emofuse.analysis.ComponentLoader.load(cfg.analysis(),
                io.emofuse.linguistic.models.ModelStore.fromEnvironment()));
        s.awaitReady(java.time.Duration.ofMinutes(3));
        return s;
    }

    private static boolean onPath(String exe) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, exe))) {
                return true;
            }
        }
        return false;
    }
}
