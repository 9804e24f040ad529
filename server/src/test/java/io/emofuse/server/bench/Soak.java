package io.emofuse.server.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The soak and saturation modes of {@link ServerBenchmark}, against a server running in another
 * process ({@code emofuse serve}, started by scripts/soak.sh): one phase of N real-time stream
 * clients plus paced /v1/analyze calls (and optionally a burst of them at once), with the server's
 * RSS and open files from /proc and its heap and threads from /metrics sampled to a CSV.
 * Stream clients that are refused (503) wait the Retry-After they were given and try again, as a
 * well-behaved client does; refusals without Retry-After count as errors.
 */
final class Soak {

    /** What one phase is asked to do. */
    record Plan(String phase, int port, long pid, double seconds, int streams, double restPerMinute, int restBurst,
                double sampleEveryS, Path csv) {
    }

    /** One resource sample of the server process. */
    record Sample(double t, String phase, long rssKb, long heapBytes, long fds, long threads, long activeStreams,
                  long queueDepth) {
        static final String HEADER = "t_s,phase,rss_kb,heap_bytes,fds,threads,active_streams,queue_depth";

        String csv() {
            return String.format(Locale.ROOT, "%.1f,%s,%d,%d,%d,%d,%d,%d", t, phase, rssKb, heapBytes, fds, threads,
                    activeStreams, queueDepth);
        }
    }

    private final Plan plan;
    private final List<byte[]> utterances;
    private final byte[] analyzeWav;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(10)).build();
    private final List<Double> finals = Collections.synchronizedList(new ArrayList<>());
    private final List<Double> restMs = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final AtomicInteger clientsHeld = new AtomicInteger();
    private final long t0 = System.nanoTime();

    Soak(Plan plan, List<byte[]> utterances, byte[] analyzeWav) {
        this.plan = plan;
        this.utterances = utterances;
        this.analyzeWav = analyzeWav;
    }

    private void count(String what) {
        outcomes.computeIfAbsent(what, k -> new LongAdder()).increment();
    }

    private double elapsed() {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Runs the phase and prints its summary (one block, key=value lines). */
    void run() throws Exception {
        long end = t0 + (long) (plan.seconds() * 1e9);
        ExecutorService pool = Executors.newCachedThreadPool();
        AtomicBoolean done = new AtomicBoolean();
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        try {
            Future<?> sampler = pool.submit(() -> sample(samples, done));
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < plan.streams(); i++) {
                int idx = i;
                work.add(pool.submit(() -> streamClient(idx, end)));
            }
            if (plan.restPerMinute() > 0) {
                work.add(pool.submit(() -> restLoop(end)));
            }
            if (plan.restBurst() > 0) {
                work.add(pool.submit(this::restBurst));
            }
            for (Future<?> f : work) {
                f.get((long) plan.seconds() + 300, TimeUnit.SECONDS);
            }
            done.set(true);
            sampler.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        report(samples);
    }

    // ---- load -------------------------------------------------------------------------------------

    /** Streams utterances back to back at real time until {@code end}; one connection per utterance. */
    private Void streamClient(int index, long end) throws InterruptedException {
        Thread.sleep(index * 331L % 2000); // spread the phases
        boolean clean = true;
        for (int k = index; System.nanoTime() < end; k++) {
            byte[] pcm = utterances.get(k % utterances.size());
            try {
                Double ms = oneUtterance(pcm);
                if (ms != null) {
                    finals.add(ms);
                }
                count("stream_ok");
            } catch (Refused r) {
                count(r.retryAfterS == null ? "stream_503_without_retry_after" : "stream_refused_503");
                if (r.retryAfterS == null) {
                    clean = false;
                }
                long wait = Math.min(TimeUnit.SECONDS.toNanos(r.retryAfterS == null ? 1 : r.retryAfterS),
                        Math.max(0, end - System.nanoTime()));
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (Exception e) {
                clean = false;
                String why = String.valueOf(e.getMessage()).replaceAll("[\\s,=]+", " ");
                count("stream_error:" + e.getClass().getSimpleName() + ":" + why.substring(0, Math.min(60, why.length())));
            }
        }
        if (clean) {
            clientsHeld.incrementAndGet();
        }
        return null;
    }

    /** A 503 on the upgrade. */
    private static final class Refused extends Exception {
        final Integer retryAfterS;

        Refused(Integer retryAfterS) {
            super("503", null, false, false);
            this.retryAfterS = retryAfterS;
        }
    }

    /** One utterance on its own connection; eof-to-final latency in ms (null when nothing was heard). */
    private Double oneUtterance(byte[] pcm) throws Exception {
        FinalTimer timer = new FinalTimer();
        WebSocket ws;
        try {
            ws = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + plan.port() + "/v1/stream"), timer)
                    .get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h && h.getResponse().statusCode() == 503) {
                throw new Refused(h.getResponse().headers().firstValue("Retry-After").map(Integer::valueOf).orElse(null));
            }
            throw e;
        }
        ServerBenchmark.paced(pcm, b -> ws.sendBinary(ByteBuffer.wrap(b), true).join());
        long eof = System.nanoTime();
        ws.sendText("{\"type\":\"eof\"}", true).join();
        int code = timer.closed.get(120, TimeUnit.SECONDS);
        if (code != 1000 || !timer.error.isEmpty()) {
            throw new IllegalStateException("close " + code + " " + timer.error);
        }
        return timer.finalAt.isDone() ? (timer.finalAt.get() - eof) / 1e6 : null;
    }

    private HttpResponse<String> analyze() throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + plan.port() + "/v1/analyze"))
                .timeout(java.time.Duration.ofSeconds(180)).header("Content-Type", "audio/wav")
                .POST(HttpRequest.BodyPublishers.ofByteArray(analyzeWav)).build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    /** /v1/analyze of a 4 s utterance at a fixed rate (a late call does not bunch up the next ones). */
    private Void restLoop(long end) throws InterruptedException {
        long every = (long) (60e9 / plan.restPerMinute());
        for (long next = System.nanoTime() + every / 2; next < end; next += every) {
            TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
            restCall();
        }
        return null;
    }

    private void restCall() {
        long s = System.nanoTime();
        try {
            HttpResponse<String> r = analyze();
            if (r.statusCode() == 200) {
                restMs.add((System.nanoTime() - s) / 1e6);
                count("rest_ok");
            } else if (r.statusCode() == 503) {
                count(r.headers().firstValue("Retry-After").isPresent() ? "rest_refused_503" : "rest_503_without_retry_after");
            } else {
                count("rest_error:" + r.statusCode());
            }
        } catch (Exception e) {
            count("rest_error:" + e.getClass().getSimpleName());
        }
    }

    /** {@code restBurst} calls at once, early in the phase: the queue limit must refuse the excess at once. */
    private Void restBurst() throws Exception {
        Thread.sleep(5_000);
        ExecutorService burst = Executors.newFixedThreadPool(plan.restBurst());
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < plan.restBurst(); i++) {
                all.add(burst.submit(this::restCall));
            }
            for (Future<?> f : all) {
                f.get(600, TimeUnit.SECONDS);
            }
        } finally {
            burst.shutdownNow();
        }
        return null;
    }

    // ---- resources ----------------------------------------------------------------------------------

    private Void sample(List<Sample> samples, AtomicBoolean done) throws Exception {
        boolean header = !Files.exists(plan.csv()) || Files.size(plan.csv()) == 0;
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(plan.csv(), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND))) {
            if (header) {
                csv.println(Sample.HEADER);
            }
            long every = (long) (plan.sampleEveryS() * 1e9);
            for (long next = System.nanoTime(); ; next += every) {
                Sample s = sampleNow();
                samples.add(s);
                csv.println(s.csv());
                csv.flush();
                while (System.nanoTime() < next + every) {
                    if (done.get()) {
                        return null;
                    }
                    Thread.sleep(100);
                }
            }
        }
    }

    private Sample sampleNow() {
        long rss = -1;
        long fds = -1;
        try {
            Matcher m = Pattern.compile("VmRSS:\\s+(\\d+) kB").matcher(Files.readString(Path.of("/proc", plan.pid() + "", "status")));
            rss = m.find() ? Long.parseLong(m.group(1)) : -1;
            try (var s = Files.list(Path.of("/proc", plan.pid() + "", "fd"))) {
                fds = s.count();
            }
        } catch (IOException e) {
            count("sample_error:proc");
        }
        String metrics = "";
        try {
            metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + plan.port() + "/metrics"))
                    .timeout(java.time.Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            count("sample_error:metrics");
        }
        return new Sample(elapsed(), plan.phase(), rss, (long) metric(metrics, "jvm_memory_used_bytes", "area=\"heap\""),
                fds, (long) metric(metrics, "jvm_threads_live_threads", ""),
                (long) metric(metrics, "emofuse_active_streams", ""), (long) metric(metrics, "emofuse_queue_depth", ""));
    }

    /** The sum of a Prometheus metric's series whose labels contain {@code labelFilter}; -1 when absent. */
    static double metric(String text, String name, String labelFilter) {
        double sum = 0;
        boolean found = false;
        for (String line : text.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                String labels = line.startsWith(name + "{") ? line.substring(name.length(), line.indexOf('}') + 1) : "";
                if (labels.contains(labelFilter)) {
                    sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    found = true;
                }
            }
        }
        return found ? sum : -1;
    }

    // ---- summary ------------------------------------------------------------------------------------

    private void report(List<Sample> samples) {
        List<Double> lat = new ArrayList<>(finals);
        Collections.sort(lat);
        List<Double> rest = new ArrayList<>(restMs);
        Collections.sort(rest);
        PrintWriter out = new PrintWriter(System.out, true);
        out.printf(Locale.ROOT, "phase=%s seconds=%.0f streams=%d rest_per_min=%.1f rest_burst=%d%n", plan.phase(),
                plan.seconds(), plan.streams(), plan.restPerMinute(), plan.restBurst());
        out.printf(Locale.ROOT, "streams_held=%d/%d finals=%d final_p50_ms=%.0f final_p95_ms=%.0f final_p99_ms=%.0f "
                        + "final_max_ms=%.0f p95_within_500ms=%s%n", clientsHeld.get(), plan.streams(), lat.size(),
                ServerBenchmark.pct(lat, 0.5), ServerBenchmark.pct(lat, 0.95), ServerBenchmark.pct(lat, 0.99),
                lat.isEmpty() ? Double.NaN : lat.get(lat.size() - 1), ServerBenchmark.pct(lat, 0.95) <= 500);
        out.printf(Locale.ROOT, "rest_ok=%d rest_p50_ms=%.0f rest_p95_ms=%.0f rest_max_ms=%.0f%n", rest.size(),
                ServerBenchmark.pct(rest, 0.5), ServerBenchmark.pct(rest, 0.95),
                rest.isEmpty() ? Double.NaN : rest.get(rest.size() - 1));
        List<String> keys = new ArrayList<>(outcomes.keySet());
        Collections.sort(keys);
        long errors = 0;
        StringBuilder o = new StringBuilder();
        for (String k : keys) {
            long n = outcomes.get(k).sum();
            o.append(k).append('=').append(n).append(' ');
            if (k.contains("error") || k.contains("without_retry_after")) {
                errors += n;
            }
        }
        out.println("outcomes: " + o.toString().trim());
        out.println("errors=" + errors);
        growth(out, samples);
    }

    /** First half against second half of the samples: RSS and heap means, heap lows, file descriptors. */
    private static void growth(PrintWriter out, List<Sample> all) {
        List<Sample> s = all.stream().filter(x -> x.rssKb() > 0).toList();
        if (s.size() < 4) {
            out.println("growth: too few samples (" + s.size() + ")");
            return;
        }
        List<Sample> a = s.subList(0, s.size() / 2);
        List<Sample> b = s.subList(s.size() / 2, s.size());
        double rssA = a.stream().mapToLong(Sample::rssKb).average().orElse(0) / 1024;
        double rssB = b.stream().mapToLong(Sample::rssKb).average().orElse(0) / 1024;
        // The heap saw-tooths with GC: its lows (after a collection) are what a leak raises.
        double heapLowA = a.stream().mapToLong(Sample::heapBytes).min().orElse(0) / 1048576.0;
        double heapLowB = b.stream().mapToLong(Sample::heapBytes).min().orElse(0) / 1048576.0;
        long fdA = a.stream().mapToLong(Sample::fds).max().orElse(0);
        long fdB = b.stream().mapToLong(Sample::fds).max().orElse(0);
        long fdEnd = s.get(s.size() - 1).fds();
        boolean rssGrows = rssB > rssA * 1.10;
        boolean heapGrows = heapLowB > heapLowA * 1.25 + 16;
        boolean fdGrows = fdB > fdA + 16;
        out.printf(Locale.ROOT, "rss_mb first_half=%.0f second_half=%.0f (%+.1f%%) | heap_low_mb first_half=%.0f "
                        + "second_half=%.0f | fds_max first_half=%d second_half=%d end=%d | threads_end=%d%n", rssA, rssB,
                100 * (rssB - rssA) / rssA, heapLowA, heapLowB, fdA, fdB, fdEnd, s.get(s.size() - 1).threads());
        out.println("growth=" + (rssGrows || heapGrows || fdGrows ? "SUSPECT" : "none")
                + (rssGrows ? " rss" : "") + (heapGrows ? " heap" : "") + (fdGrows ? " fds" : ""));
    }
}
