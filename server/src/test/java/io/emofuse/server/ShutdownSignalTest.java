package io.emofuse.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 23: after any WebSocket stream, SIGTERM waited the whole 30 s grace, because the upgrade
 * request stayed counted as in flight. A real server process, a real stream, a real SIGTERM.
 */
class ShutdownSignalTest {

    @Test
    void sigtermAfterAStreamExitsAtOnce() throws Exception {
        TestFixtures.ravdess();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                ServerProcessMain.class.getName()).redirectErrorStream(true).start();
        try {
            CompletableFuture<Integer> port = new CompletableFuture<>();
            StringBuffer log = new StringBuffer();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        log.append(line).append('\n');
                        if (line.startsWith("PORT ")) {
                            port.complete(Integer.parseInt(line.substring(5).trim()));
                        }
                    }
                } catch (java.io.IOException ignored) {
                    // the process ended
                }
            });
            reader.setDaemon(true);
            reader.start();
            int server = port.get(120, TimeUnit.SECONDS);
            Http http = new Http(server);
            long readyBy = System.currentTimeMillis() + 120_000;
            while (http.get("/ready").statusCode() != 200) {
                assertTrue(System.currentTimeMillis() < readyBy, "ready in time: " + log);
                Thread.sleep(200);
            }
            // One stream of each protocol, opened, used and closed.
            WsClient vosk = WsClient.connect(server, "/v1/vosk");
            vosk.text("{\"config\": {\"sample_rate\": 16000}}");
            byte[] pcm = StreamingTest.pcm("03-01-01-01-01-01-01.wav", 0.3);
            vosk.binary(pcm, 0, pcm.length);
            vosk.text("{\"eof\" : 1}");
            assertEquals(1000, vosk.awaitClose(60));
            WsClient stream = WsClient.connect(server, "/v1/stream");
            stream.text("{\"type\":\"eof\"}");
            assertEquals(1000, stream.awaitClose(30));
            assertTrue(vosk.all.stream().anyMatch(m -> m.path("text").asText().contains("door")), vosk.all.toString());

            long t0 = System.nanoTime();
            p.destroy(); // SIGTERM
            boolean exited = p.waitFor(2, TimeUnit.SECONDS);
            double took = (System.nanoTime() - t0) / 1e9;
            assertTrue(exited, "exited within 2 s of SIGTERM (grace is 30 s); log:\n" + log);
            System.out.printf("SIGTERM to exit: %.2f s%n", took);
        } finally {
            p.destroyForcibly();
        }
    }
}
