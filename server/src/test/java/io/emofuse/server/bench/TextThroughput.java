package io.emofuse.server.bench;

import io.emofuse.analysis.ComponentLoader;
import io.emofuse.analysis.EmotionAnalyzer;
import io.emofuse.linguistic.TextEmbedder;
import io.emofuse.linguistic.models.ModelStore;
import io.emofuse.server.EmofuseServer;
import io.emofuse.server.ServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * REST throughput of {@code POST /v1/analyze/text} with the default model: C clients send EmoBank
 * sentences back to back for S seconds; requests per second, with the text embedder as it is
 * (concurrent calls on pooled predictors) and behind one lock (every embedding serialised, as
 * when the embedder had a single synchronized predictor), interleaved in one run.
 *
 * <pre>java -cp "app/target/dist/lib/*:server/target/test-classes" io.emofuse.server.bench.TextThroughput
 *     ../shared/data/emobank/manifest.csv CLIENTS SECONDS ROUNDS</pre>
 */
public final class TextThroughput {

    private TextThroughput() {
    }

    /** The embedder behind one lock: one call at a time. */
    private record Serialised(TextEmbedder inner) implements TextEmbedder {
        @Override
        public String id() {
            return inner.id();
        }

        @Override
        public int dimension() {
            return inner.dimension();
        }

        @Override
        public synchronized float[] embed(String text) {
            return inner.embed(text);
        }

        @Override
        public synchronized float[][] sequence(String text) {
            return inner.sequence(text);
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> sentences = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0])).subList(1, 2001)) {
            // utt_id,text,V,A,D: the text is what lies between the first comma and the last three
            int end = line.length();
            for (int k = 0; k < 3; k++) {
                end = line.lastIndexOf(',', end - 1);
            }
            sentences.add(line.substring(line.indexOf(',') + 1, end).replace("\"", ""));
        }
        int clients = Integer.parseInt(args[1]);
        double seconds = Double.parseDouble(args[2]);
        int rounds = Integer.parseInt(args[3]);
        ServerConfig cfg = ServerConfig.defaults().with(Map.of("port", 0, "host", "127.0.0.1", "model", "default",
                "workers", clients));
        EmotionAnalyzer pooled = ComponentLoader.load(cfg.analysis(), ModelStore.fromEnvironment());
        EmotionAnalyzer.Components p = pooled.components();
        EmotionAnalyzer locked = new EmotionAnalyzer(new EmotionAnalyzer.Components(p.asr(), p.acoustic(),
                new Serialised(p.text()), p.emotion(), p.speakerAdaptation()));
        System.out.printf(Locale.ROOT, "# %d clients, %.0f s per run, %d cores%n", clients, seconds,
                Runtime.getRuntime().availableProcessors());
        for (int r = 0; r < rounds; r++) {
            for (EmotionAnalyzer a : List.of(locked, pooled)) {
                EmofuseServer server = EmofuseServer.start(cfg, () -> a, false);
                server.awaitReady(Duration.ofMinutes(2));
                run(server.port(), sentences, clients, 2); // warm-up
                double rps = run(server.port(), sentences, clients, seconds);
                System.out.printf(Locale.ROOT, "round %d %-10s %7.1f requests/s%n", r + 1,
                        a == pooled ? "pooled" : "serialised", rps);
                server.stop(Duration.ofSeconds(5));
            }
        }
        pooled.close();
        System.exit(0);
    }

    private static double run(int port, List<String> sentences, int clients, double seconds) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Integer>> done = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int offset = c * 997;
            done.add(pool.submit(() -> {
                int n = 0;
                while (System.nanoTime() < end) {
                    String text = sentences.get((offset + n) % sentences.size());
                    String body = "{\"text\":" + io.emofuse.analysis.Json.write(text) + "}";
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/v1/analyze/text")).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException(r.statusCode() + " " + r.body());
                    }
                    n++;
                }
                return n;
            }));
        }
        int total = 0;
        for (Future<Integer> f : done) {
            total += f.get();
        }
        pool.shutdown();
        return total / ((System.nanoTime() - t0) / 1e9);
    }
}
