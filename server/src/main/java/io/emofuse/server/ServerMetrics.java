package io.emofuse.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's Prometheus metrics: requests by route and status with latency histograms, active
 * streams, analysis jobs waiting for a worker, seconds of audio processed, and the JVM's heap,
 * threads, open file descriptors and CPU.
 *
 * <p>Every name passes {@code promtool check metrics} (MetricsLintTest runs it, and the
 * same rules in Java): Micrometer's ProcessorMetrics is not bound
 * because its {@code process_cpu_time_ns_total} (abbreviated unit) and {@code system_cpu_count}
 * (a {@code _count} suffix on a gauge) fail the lint; the CPU series it gave are registered here
 * under names that pass. Latency histograms have a fixed handful of buckets around the SLOs
 * (stream finals p95 &le; 500 ms) instead of Micrometer's 70-odd percentile buckets per series.
 * Thread-safe: Micrometer meters are.
 */
public final class ServerMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicInteger activeStreams = new AtomicInteger();
    private final AtomicInteger queuedJobs = new AtomicInteger();
    private final AtomicInteger runningJobs = new AtomicInteger();
    private final Counter audioSeconds;

    public ServerMetrics() {
        Gauge.builder("emofuse_active_streams", activeStreams, AtomicInteger::get)
                .description("WebSocket streams open now").register(registry);
        Gauge.builder("emofuse_queue_depth", queuedJobs, AtomicInteger::get)
                .description("analysis jobs waiting for a worker thread").register(registry);
        Gauge.builder("emofuse_running_jobs", runningJobs, AtomicInteger::get)
                .description("analysis jobs on a worker thread now").register(registry);
        audioSeconds = Counter.builder("emofuse_audio_processed_seconds")
                .description("seconds of audio analysed (REST, streams and batch)").register(registry);
        // Heap, threads, open files and CPU: what a soak watches for growth and leaks.
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            Gauge.builder("process_cpu_usage", sun, com.sun.management.OperatingSystemMXBean::getProcessCpuLoad)
                    .description("recent CPU usage of this process, 0-1 of all cores").register(registry);
            Gauge.builder("system_cpu_usage", sun, com.sun.management.OperatingSystemMXBean::getCpuLoad)
                    .description("recent CPU usage of the whole machine, 0-1").register(registry);
            // Prometheus's own name for it (client libraries' process collector).
            FunctionCounter.builder("process_cpu", sun, b -> b.getProcessCpuTime() / 1e9)
                    .baseUnit("seconds").description("CPU time this process has used").register(registry);
        }
    }

    /** HTTP latency buckets: fast probes, typical REST analyses (0.1-5 s), the 120 s timeout's tail. */
    private static final Duration[] HTTP_BUCKETS = seconds(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 120);
    /** Stream final latency buckets around the 500 ms p95 target. */
    private static final Duration[] FINAL_BUCKETS = seconds(0.05, 0.1, 0.25, 0.5, 1, 2, 5);

    private static Duration[] seconds(double... s) {
        Duration[] d = new Duration[s.length];
        for (int i = 0; i < s.length; i++) {
            d[i] = Duration.ofNanos((long) (s[i] * 1e9));
        }
        return d;
    }

    /** Records one finished HTTP request. */
    public void request(String route, String method, int status, long nanos) {
        Timer.builder("emofuse_http_requests")
                .description("HTTP requests by route, method and status")
                .tag("route", route).tag("method", method).tag("status", Integer.toString(status))
                .serviceLevelObjectives(HTTP_BUCKETS)
                .register(registry).record(Duration.ofNanos(nanos));
    }

    /** Records the latency of a streamed final result after the end of its speech. */
    public void streamFinal(long nanos) {
        Timer.builder("emofuse_stream_final_latency")
                .description("time from receiving the audio that ended an utterance to sending its final")
                .serviceLevelObjectives(FINAL_BUCKETS)
                .register(registry).record(Duration.ofNanos(nanos));
    }

    public void audioProcessed(double seconds) {
        if (seconds > 0) {
            audioSeconds.increment(seconds);
        }
    }

    public AtomicInteger activeStreams() {
        return activeStreams;
    }

    public AtomicInteger queuedJobs() {
        return queuedJobs;
    }

    public AtomicInteger runningJobs() {
        return runningJobs;
    }

    /** Prometheus text exposition format. */
    public String scrape() {
        return registry.scrape();
    }
}
