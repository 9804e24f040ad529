package io.emofuse.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * The worker threads that run ASR, feature extraction and inference, sized to the cores so heavy
 * work never runs on an event loop and never oversubscribes the CPU. Jobs beyond the queue limit
 * are refused at once with a 503 rather than piling up behind a saturated CPU.
 */
public final class AnalysisPool implements AutoCloseable {

    private final WorkerExecutor executor;
    private final ServerMetrics metrics;
    private final int maxQueued;
    private final int retryAfterS;

    public AnalysisPool(Vertx vertx, int threads, int maxQueued, int retryAfterS, ServerMetrics metrics) {
        // No blocked-thread warnings for long jobs: a 2-minute recording legitimately takes a while.
        this.executor = vertx.createSharedWorkerExecutor("emofuse-analysis", threads, 10, TimeUnit.MINUTES);
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
        return submitUnbounded(job);
    }

    /** Runs a job on a worker even when the queue is long (streams, which were admitted already). */
    public <T> Future<T> submitUnbounded(Callable<T> job) {
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
        executor.close();
    }
}
