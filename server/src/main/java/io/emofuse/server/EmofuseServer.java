package io.emofuse.server;

import io.emofuse.analysis.EmotionAnalyzer;
import io.emofuse.server.stream.StreamSocket;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running server: HTTP verticles (one per core) on a shared port, the analysis pool, and the
 * models, which load in the background after the port is open (/health answers at once, /ready
 * once they are loaded). {@link #stop} drains: new work is refused with 503, work in flight and
 * open streams get up to the grace period to finish.
 */
public final class EmofuseServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmofuseServer.class);

    private final Vertx vertx;
    private final ServerState state;
    private final int port;
    private final CompletableFuture<EmotionAnalyzer> loaded;
    private final boolean ownsAnalyzer;
    private volatile boolean stopped;

    private EmofuseServer(Vertx vertx, ServerState state, int port, CompletableFuture<EmotionAnalyzer> loaded,
                          boolean ownsAnalyzer) {
        this.vertx = vertx;
        this.state = state;
        this.port = port;
        this.loaded = loaded;
        this.ownsAnalyzer = ownsAnalyzer;
    }

    /**
     * Opens the port and starts loading models.
     *
     * @param loader builds the analyser (runs on a background thread)
     */
    public static EmofuseServer start(ServerConfig config, Supplier<EmotionAnalyzer> loader) throws Exception {
        return start(config, loader, true);
    }

    /**
     * @param ownsAnalyzer whether {@link #stop} closes the analyser (false when several servers
     *                     share one, as tests do)
     */
    public static EmofuseServer start(ServerConfig config, Supplier<EmotionAnalyzer> loader, boolean ownsAnalyzer)
            throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Math.max(2, cores))
                .setMaxWorkerExecuteTime(10).setMaxWorkerExecuteTimeUnit(TimeUnit.MINUTES));
        try {
            ServerMetrics metrics = new ServerMetrics();
            AnalysisPool pool = new AnalysisPool(vertx, config.workers(),
                    Math.max(config.workers(), config.maxStreams()), config.maxQueuedRequests(),
                    config.retryAfterS(), metrics);
            ServerState state = new ServerState(config, metrics, pool);
            HttpApi api = new HttpApi(state);
            // One instance per core, sharing one port (Vert.x balances connections over them). Port 0
            // would give each instance its own random port, so a free port is picked first.
            int wanted = config.port() == 0 ? freePort(config.host()) : config.port();
            List<HttpVerticle> instances = new CopyOnWriteArrayList<>();
            vertx.deployVerticle(() -> {
                HttpVerticle v = new HttpVerticle(api, config, wanted);
                instances.add(v);
                return v;
            }, new DeploymentOptions().setInstances(Math.max(1, cores)))
                    .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            int port = instances.get(0).actualPort();
            if (instances.stream().anyMatch(v -> v.actualPort() != port)) {
                throw new IllegalStateException("HTTP verticles listen on different ports");
            }
            CompletableFuture<EmotionAnalyzer> loaded = CompletableFuture.supplyAsync(() -> {
                long t0 = System.nanoTime();
                EmotionAnalyzer a = loader.get();
                LOG.info("models loaded in {} ms: {}", (System.nanoTime() - t0) / 1_000_000, a.models());
                if (config.warmup()) {
                    state.warmup(Warmup.run(a, config.maxStreams()));
                }
                state.analyzer(a); // /ready and /v1 open only now, with warm recognisers

                return a;
            }, r -> {
                Thread t = new Thread(r, "emofuse-model-loader");
                t.setDaemon(true);
                t.start();
            });
            loaded.exceptionally(e -> {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                state.loadError(String.valueOf(cause.getMessage()));
                LOG.error("models failed to load: {}", cause.toString());
                return null;
            });
            LOG.info("emofuse listening on {}:{}", config.host(), port);
            return new EmofuseServer(vertx, state, port, loaded, ownsAnalyzer);
        } catch (Exception e) {
            vertx.close();
            throw e;
        }
    }

    private static int freePort(String host) throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
            return s.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    public ServerState state() {
        return state;
    }

    /** Waits for the models; throws what loading threw. */
    public EmotionAnalyzer awaitReady(Duration timeout) throws Exception {
        try {
            return loaded.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }

    /**
     * Graceful stop: refuse new work, let REST requests, batch jobs and open streams finish within
     * {@code grace}, then tell the remaining streams and close everything. Returns as soon as
     * nothing is in flight. Call from any thread but an event loop (it blocks); synchronized, so a
     * shutdown hook and a second call do not stop twice.
     */
    public synchronized void stop(Duration grace) {
        if (stopped) {
            return;
        }
        stopped = true;
        state.drain();
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline
                && (state.inFlight().get() > 0 || !state.openStreams().isEmpty() || !state.pool().idle())) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!state.openStreams().isEmpty()) {
            LOG.info("closing {} streams still open after the grace period", state.openStreams().size());
            // Each socket's fields belong to its own event loop; goingAway() hops there (issue 21:
            // vertx.runOnContext from this thread ran it on a fresh context, racing the socket).
            state.openStreams().forEach(StreamSocket::goingAway);
            long closeBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (!state.openStreams().isEmpty() && System.nanoTime() < closeBy) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("closing Vert.x: {}", e.toString());
        }
        EmotionAnalyzer a = state.analyzer();
        if (a != null && ownsAnalyzer) {
            a.close();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(state.config().shutdownGraceS()));
    }
}
