package io.emofuse.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's Prometheus metrics: requests by route and status with latency histograms, active
 * streams, analysis jobs waiting for a worker, seconds of audio processed, and the JVM's heap,
 * threads, open file descriptors and CPU.
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
        new ProcessorMetrics().bindTo(registry);
    }

    /** Records one finished HTTP request. */
    public void request(String route, String method, int status, long nanos) {
        Timer.builder("emofuse_http_requests")
                .description("HTTP requests by route, method and status")
                .tag("route", route).tag("method", method).tag("status", Integer.toString(status))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry).record(Duration.ofNanos(nanos));
    }

    /** Records the latency of a streamed final result after the end of its speech. */
    public void streamFinal(long nanos) {
        Timer.builder("emofuse_stream_final_latency")
                .description("time from receiving the audio that ended an utterance to sending its final")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
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
