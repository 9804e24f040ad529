package io.emofuse.server.bench;

import io.emofuse.acoustic.audio.Audio;
import io.emofuse.acoustic.audio.WavReader;
import io.emofuse.linguistic.asr.VoskTranscriber;
import io.emofuse.linguistic.models.ModelStore;
import io.emofuse.linguistic.models.OfflineGuard;
import io.emofuse.analysis.ComponentLoader;
import io.emofuse.server.EmofuseServer;
import io.emofuse.analysis.EmotionAnalyzer;
import io.emofuse.server.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * Server benchmarks (run by server/bench/run-benchmarks.sh, not by the test suite):
 * <ul>
 *   <li>{@code streams N...}: N concurrent WebSocket clients, each streaming RAVDESS utterances at
 *       real-time pace, sending eof at the end of each utterance's speech and timing eof to final;
 *       next to N plain Vosk recognisers in-process fed the same audio at the same pace, timing
 *       the last chunk to getFinalResult.</li>
 *   <li>{@code analyze}: /v1/analyze latency for a 4.0 s utterance with 1 and 8 concurrent clients.</li>
 *   <li>{@code soak PHASE PORT PID SECONDS STREAMS REST_PER_MIN REST_BURST CSV}: one phase of a soak or
 *       saturation run against a server in another process (scripts/soak.sh); see {@link Soak}.</li>
 * </ul>
 * Usage: ServerBenchmark RAVDESS_DIR streams|analyze|soak [ARGS]
 */
public final class ServerBenchmark {

    private ServerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        OfflineGuard.enforce();
        Path ravdess = Path.of(args[0]);
        List<byte[]> utterances = utterances(ravdess, 24);
        switch (args[1]) {
            case "streams" -> {
                double seconds = Double.parseDouble(System.getProperty("bench.seconds", "30"));
                List<Integer> ns = new ArrayList<>();
                for (int i = 2; i < args.length; i++) {
                    ns.add(Integer.parseInt(args[i]));
                }
                streams(utterances, ns, seconds);
            }
            case "analyze" -> analyze(ravdess);
            case "soak" -> new Soak(new Soak.Plan(args[2], Integer.parseInt(args[3]), Long.parseLong(args[4]),
                    Double.parseDouble(args[5]), Integer.parseInt(args[6]), Double.parseDouble(args[7]),
                    Integer.parseInt(args[8]), Double.parseDouble(System.getProperty("soak.sample_s", "10")),
                    Path.of(args[9])), utterances, fourSeconds(ravdess)).run();
            default -> throw new IllegalArgumentException("streams, analyze or soak");
        }
        System.exit(0);
    }

    /** s16le PCM (16 kHz) of the first {@code n} RAVDESS files in name order. */
    static List<byte[]> utterances(Path ravdess, int n) throws Exception {
        List<Path> files;
        try (var s = Files.list(ravdess.resolve("wav"))) {
            files = s.filter(p -> p.toString().endsWith(".wav")).sorted().limit(n).toList();
        }
        List<byte[]> out = new ArrayList<>();
        for (Path f : files) {
            byte[] wav = Files.readAllBytes(f);
            out.add(java.util.Arrays.copyOfRange(wav, 44, wav.length));
        }
        return out;
    }

    /**
     * The emotion model the benchmark serves, as {@code emofuse serve} would: {@code BENCH_MODEL}
     * (a catalogued name or bundle directory; default {@code default}), or {@code none} for ASR only.
     */
    static ServerConfig withModel(ServerConfig cfg) {
        String model = System.getenv().getOrDefault("BENCH_MODEL", "default");
        System.out.println("# emotion model: " + model);
        return model.equals("none") ? cfg : cfg.with("model", Path.of(model));
    }

    // ---- streaming capacity ---------------------------------------------------------------------

    static void streams(List<byte[]> utterances, List<Integer> ns, double seconds) throws Exception {
        // The server admits (and so warms before /ready) as many streams as the largest point needs,
        // plus two for connections that overlap while one closes and the next opens.
        int admitted = ns.stream().mapToInt(Integer::intValue).max().orElse(1) + 2;
        ServerConfig cfg = withModel(ServerConfig.defaults().with(Map.of("port", 0, "host", "127.0.0.1",
                "max_streams", admitted, "max_streams_per_client", admitted)));
        EmotionAnalyzer analyzer = ComponentLoader.load(cfg.analysis(), ModelStore.fromEnvironment());
        EmofuseServer server = EmofuseServer.start(cfg, () -> analyzer, false);
        server.awaitReady(Duration.ofMinutes(2));
        VoskTranscriber asr = analyzer.components().asr();
        // Plain Vosk only up to this many streams (BENCH_PLAIN_MAX): past the point where it fails it
        // adds minutes and nothing to compare.
        int plainUpTo = Integer.parseInt(System.getenv().getOrDefault("BENCH_PLAIN_MAX", "1000"));
        System.out.printf(Locale.ROOT, "%-8s %-7s %8s %8s %8s %8s %-8s %s%n", "system", "streams", "finals", "p50_ms",
                "p95_ms", "max_ms", "p95<=500", "cpu_s_per_audio_s");
        try (Model model = new Model(asr.modelDir().toString())) {
            // Warm-up (JIT, connection setup) so the first measured row is not a cold start.
            runClients(1, 8, i -> serverClient(server.port(), utterances, i, 8));
            runClients(1, 4, i -> plainVosk(model, utterances, i, 4, true));
            for (int n : ns) {
                report("server", n, runClients(n, seconds, i -> serverClient(server.port(), utterances, i, seconds)));
                if (n <= plainUpTo) {
                    report("vosk", n, runClients(n, seconds, i -> plainVosk(model, utterances, i, seconds, false)));
                    report("vosk+p", n, runClients(n, seconds, i -> plainVosk(model, utterances, i, seconds, true)));
                }
            }
        }
        server.stop(Duration.ofSeconds(5));
        analyzer.close();
    }

    interface Client {
        List<Double> run(int index) throws Exception;
    }

    /** Audio seconds streamed by the last runClients call (summed over clients). */
    static final java.util.concurrent.atomic.DoubleAdder AUDIO = new java.util.concurrent.atomic.DoubleAdder();
    static double lastCpuPerAudio;

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static List<Double> runClients(int n, double seconds, Client client) throws Exception {
        AUDIO.reset();
        long cpu0 = processCpuNanos();
        try {
            return runClientsTimed(n, seconds, client);
        } finally {
            lastCpuPerAudio = (processCpuNanos() - cpu0) / 1e9 / Math.max(1e-9, AUDIO.sum());
        }
    }

    static List<Double> runClientsTimed(int n, double seconds, Client client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<List<Double>>> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int idx = i;
                all.add(pool.submit(() -> client.run(idx)));
            }
            List<Double> lat = new ArrayList<>();
            for (Future<List<Double>> f : all) {
                lat.addAll(f.get((long) seconds + 120, TimeUnit.SECONDS));
            }
            return lat;
        } finally {
            pool.shutdownNow();
        }
    }

    static void report(String system, int n, List<Double> lat) {
        Collections.sort(lat);
        double p95 = pct(lat, 0.95);
        System.out.printf(Locale.ROOT, "%-8s %-7d %8d %8.0f %8.0f %8.0f %-8s %.3f%n", system, n, lat.size(), pct(lat, 0.5),
                p95, lat.isEmpty() ? Double.NaN : lat.get(lat.size() - 1), p95 <= 500 ? "holds" : "FAILS",
                lastCpuPerAudio);
    }

    static double pct(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    /** Streams utterances one connection each, at real time; returns eof-to-final latencies (ms). */
    static List<Double> serverClient(int port, List<byte[]> utterances, int index, double seconds) throws Exception {
        List<Double> lat = new ArrayList<>();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        HttpClient http = HttpClient.newHttpClient();
        Thread.sleep(index * 97L % 1000); // spread the clients' phases
        for (int k = index; System.nanoTime() < end; k++) {
            byte[] pcm = utterances.get(k % utterances.size());
            FinalTimer timer = new FinalTimer();
            WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/v1/stream"), timer)
                    .get(10, TimeUnit.SECONDS);
            paced(pcm, b -> ws.sendBinary(ByteBuffer.wrap(b), true).join());
            AUDIO.add(pcm.length / 32_000.0);
            long eof = System.nanoTime();
            ws.sendText("{\"type\":\"eof\"}", true).join();
            timer.closed.get(60, TimeUnit.SECONDS);
            long got = timer.finalAt.getNow(timer.closedAt()); // a silent utterance has no final: its close counts
            lat.add((got - eof) / 1e6);
        }
        return lat;
    }

    /**
     * The same audio, pace and measurement on a plain Vosk recogniser in-process: each 100 ms chunk
     * becomes available at its real-time moment and is decoded then (or as soon as the recogniser
     * is free, when it has fallen behind); latency runs from the moment the audio ended in real
     * time to the final result, so a recogniser slower than real time accumulates lag exactly as a
     * server stream does. {@code partials}: also fetch a partial hypothesis per chunk, as
     * vosk-server and /v1/stream do.
     */
    static List<Double> plainVosk(Model model, List<byte[]> utterances, int index, double seconds, boolean partials)
            throws Exception {
        List<Double> lat = new ArrayList<>();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        Thread.sleep(index * 97L % 1000);
        for (int k = index; System.nanoTime() < end; k++) {
            byte[] pcm = utterances.get(k % utterances.size());
            try (Recognizer rec = new Recognizer(model, 16_000)) {
                rec.setWords(true);
                long t0 = System.nanoTime();
                for (int off = 0; off < pcm.length; off += 3200) {
                    int n = Math.min(3200, pcm.length - off);
                    long available = t0 + (long) ((off + n) / 32_000.0 * 1e9);
                    long wait = available - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    if (rec.acceptWaveForm(java.util.Arrays.copyOfRange(pcm, off, off + n), n)) {
                        rec.getResult();
                    } else if (partials) {
                        rec.getPartialResult();
                    }
                }
                long audioEnded = t0 + (long) (pcm.length / 32_000.0 * 1e9);
                AUDIO.add(pcm.length / 32_000.0);
                rec.getFinalResult();
                lat.add((System.nanoTime() - audioEnded) / 1e6);
            }
        }
        return lat;
    }

    interface ChunkSink {
        void accept(byte[] chunk) throws Exception;
    }

    /**
     * 100 ms chunks at real-time pace, each sent when it would have been recorded (at its end), as
     * a microphone client does; a sender never waits for the server.
     */
    static void paced(byte[] pcm, ChunkSink sink) throws Exception {
        int chunk = 3200;
        long t0 = System.nanoTime();
        for (int off = 0; off < pcm.length; off += chunk) {
            int n = Math.min(chunk, pcm.length - off);
            long wait = t0 + (long) ((off + n) / 32_000.0 * 1e9) - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            sink.accept(java.util.Arrays.copyOfRange(pcm, off, off + n));
        }
    }

    // ---- /v1/analyze latency --------------------------------------------------------------------

    static void analyze(Path ravdess) throws Exception {
        byte[] wav = fourSeconds(ravdess);
        ServerConfig cfg = withModel(ServerConfig.defaults().with(Map.of("port", 0, "host", "127.0.0.1")));
        EmofuseServer server = EmofuseServer.start(cfg, () -> ComponentLoader.load(cfg.analysis(), ModelStore.fromEnvironment()));
        server.awaitReady(Duration.ofMinutes(2));
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/analyze"))
                .header("Content-Type", "audio/wav").POST(HttpRequest.BodyPublishers.ofByteArray(wav)).build();
        for (int i = 0; i < 5; i++) { // warm-up
            http.send(req, HttpResponse.BodyHandlers.ofString());
        }
        System.out.printf(Locale.ROOT, "%-8s %9s %8s %8s %8s %10s%n", "clients", "requests", "p50_ms", "p99_ms", "max_ms",
                "req_per_s");
        int perClient = Integer.parseInt(System.getProperty("bench.requests", "24"));
        for (int clients : new int[] {1, 8}) {
            List<Double> lat = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long t0 = System.nanoTime();
            List<Future<?>> all = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                all.add(pool.submit(() -> {
                    for (int i = 0; i < perClient; i++) {
                        long s = System.nanoTime();
                        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException(r.body());
                        }
                        lat.add((System.nanoTime() - s) / 1e6);
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            pool.shutdown();
            List<Double> sorted = new ArrayList<>(lat);
            Collections.sort(sorted);
            System.out.printf(Locale.ROOT, "%-8d %9d %8.0f %8.0f %8.0f %10.2f%n", clients, sorted.size(),
                    pct(sorted, 0.5), pct(sorted, 0.99), sorted.get(sorted.size() - 1), sorted.size() / wall);
        }
        server.stop(Duration.ofSeconds(5));
    }

    /** Two RAVDESS utterances back to back, cut to exactly 4.0 s, as a 16 kHz WAV. */
    static byte[] fourSeconds(Path ravdess) throws Exception {
        Audio a = WavReader.read(ravdess.resolve("wav").resolve("03-01-05-02-01-01-05.wav"));
        Audio b = WavReader.read(ravdess.resolve("wav").resolve("03-01-05-02-02-01-05.wav"));
        int n = 64_000;
        ByteBuffer pcm = ByteBuffer.allocate(n * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            float v = i < a.samples().length ? a.samples()[i]
                    : i - a.samples().length < b.samples().length ? b.samples()[i - a.samples().length] : 0f;
            pcm.putShort((short) Math.max(-32768, Math.min(32767, Math.round(v * 32768))));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes()).putInt(36 + n * 2).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(16_000).putInt(32_000).putShort((short) 2)
                .putShort((short) 16).put("data".getBytes()).putInt(n * 2);
        out.write(h.array());
        out.write(pcm.array());
        return out.toByteArray();
    }
}
