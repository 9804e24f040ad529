package io.emofuse.server;

import io.emofuse.analysis.EmotionAnalyzer;
import io.emofuse.analysis.batch.AudioRoots;
import io.emofuse.server.stream.StreamSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every verticle instance shares: the configuration, the analyser (null while models load),
 * the worker pool, limits, metrics, and the bookkeeping graceful shutdown needs.
 */
public final class ServerState {

    private final ServerConfig config;
    private final ServerMetrics metrics;
    private final AnalysisPool pool;
    private final StreamAdmission admission;
    private final ApiKeys apiKeys;
    private final AudioRoots audioRoots;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Set<StreamSocket> openStreams = ConcurrentHashMap.newKeySet();
    private volatile EmotionAnalyzer analyzer;
    private volatile String loadError;
    private volatile boolean draining;
    private volatile Warmup.Result warmup;

    public ServerState(ServerConfig config, ServerMetrics metrics, AnalysisPool pool) {
        this.config = config;
        this.metrics = metrics;
        this.pool = pool;
        this.admission = new StreamAdmission(config.maxStreams(), config.maxStreamsPerClient(), metrics.activeStreams());
        this.apiKeys = new ApiKeys(config.effectiveApiKeys());
        this.audioRoots = new AudioRoots(config.audioRoots());
    }

    public ServerConfig config() {
        return config;
    }

    public ServerMetrics metrics() {
        return metrics;
    }

    public AnalysisPool pool() {
        return pool;
    }

    public StreamAdmission admission() {
        return admission;
    }

    public ApiKeys apiKeys() {
        return apiKeys;
    }

    public AudioRoots audioRoots() {
        return audioRoots;
    }

    /**
     * Requests under /v1 being served now; a WebSocket upgrade counts until the socket is open
     * (it is then in {@link #openStreams()}). Thread-safe: every event loop updates it.
     */
    public AtomicInteger inFlight() {
        return inFlight;
    }

    /** Streams open now (a concurrent set: sockets add and remove themselves from their event loops). */
    public Set<StreamSocket> openStreams() {
        return openStreams;
    }

    public EmotionAnalyzer analyzer() {
        return analyzer;
    }

    void analyzer(EmotionAnalyzer a) {
        this.analyzer = a;
    }

    public String loadError() {
        return loadError;
    }

    void loadError(String e) {
        this.loadError = e;
    }

    /** What the warm-up before readiness did, or null when it was off. */
    public Warmup.Result warmup() {
        return warmup;
    }

    void warmup(Warmup.Result w) {
        this.warmup = w;
    }

    public boolean draining() {
        return draining;
    }

    void drain() {
        this.draining = true;
    }
}
