package io.emofuse.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * The worker threads that run ASR, feature extraction and inference, so heavy work never runs on
 * an event loop. Request jobs beyond the queue limit are refused at once with a 503 rather than
 * piling up behind a saturated CPU.
 *
 * <p>Streams have workers of their own. A stream's chunks are small and due in real time, while a
 * REST analysis holds a thread for seconds: in one shared FIFO pool every running analysis took a
 * thread from the streams, and their finals waited behind it (30-minute soak: p95 590 ms). With
 * their own workers the streams never queue behind requests; the OS shares the cores between both.
 * There is one stream worker per admitted stream: with as many as cores, two finals at once (each
 * also scoring the emotion) held up every other stream's audio, the p95 tail at 12+ streams
 * (docs/server-benchmark.md).
 * (Requests also used to step aside for streams between chunks of their ASR decode; a soak without
 * that gave a lower stream p95 and faster requests, so it went: docs/reliability.md.)
 */
public final class AnalysisPool implements AutoCloseable {

    private final WorkerExecutor requests;
    private final WorkerExecutor streams;
    private final ServerMetrics metrics;
    private final int maxQueued;
    private final int retryAfterS;

    /**
     * @param threads       request workers
     * @param streamThreads stream workers: one per admitted stream (a stream has at most one job in
     *                      flight), so one stream's final, which also scores its emotion, never
     *                      holds up another stream's audio; the OS shares the cores between them
     */
    public AnalysisPool(Vertx vertx, int threads, int streamThreads, int maxQueued, int retryAfterS,
                        ServerMetrics metrics) {
        // No blocked-thread warnings for long jobs: a 2-minute recording legitimately takes a while.
        this.requests = vertx.createSharedWorkerExecutor("emofuse-analysis", threads, 10, TimeUnit.MINUTES);
        this.streams = vertx.createSharedWorkerExecutor("emofuse-stream", streamThreads, 10, TimeUnit.MINUTES);
        this.metrics = metrics;
        this.maxQueued = maxQueued;
        this.retryAfterS = retryAfterS;
    }

    /** Runs a job on a worker; fails with a 503 ApiError when too many are already waiting. */
    public <T> Future<T> submit(Callable<T> job) {
        if (metrics.queuedJobs().get() >= maxQueued) {
            return Future.failedFuture(ApiError.busy("analysis queue is full (" + maxQueued + " jobs waiting)",
                    retryAfterS));
        }
        return submitAdmitted(job);
    }

    /** Runs a request job even when the queue is long (work that was admitted already, e.g. a batch). */
    public <T> Future<T> submitAdmitted(Callable<T> job) {
        return run(requests, job);
    }

    /** Runs a job of an admitted stream on the stream workers. */
    public <T> Future<T> submitStream(Callable<T> job) {
        return run(streams, job);
    }

    private <T> Future<T> run(WorkerExecutor executor, Callable<T> job) {
        metrics.queuedJobs().incrementAndGet();
        return executor.executeBlocking(() -> {
            metrics.queuedJobs().decrementAndGet();
            metrics.runningJobs().incrementAndGet();
            try {
                return job.call();
            } finally {
                metrics.runningJobs().decrementAndGet();
            }
        }, false);
    }

    /** True when no job is queued or running. */
    public boolean idle() {
        return metrics.queuedJobs().get() == 0 && metrics.runningJobs().get() == 0;
    }

    @Override
    public void close() {
        requests.close();
        streams.close();
    }
}
