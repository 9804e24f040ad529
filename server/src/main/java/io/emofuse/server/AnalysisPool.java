package io.emofuse.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The worker threads that run ASR, feature extraction and inference, so heavy work never runs on
 * an event loop. Request jobs beyond the queue limit are refused at once with a 503 rather than
 * piling up behind a saturated CPU.
 *
 * <p>Streams come first. A stream's chunks are small and due in real time, while a REST analysis
 * holds a thread for seconds: in one shared FIFO pool every running analysis took a thread from the
 * streams, and their finals waited behind it (30-minute soak: p95 590 ms). So streams have workers
 * of their own, and a request job calls {@link #yieldToStreams()} between chunks of its decode: while
 * running stream jobs and active requests would want more than the cores, the request steps aside.
 */
public final class AnalysisPool implements AutoCloseable {

    private final WorkerExecutor requests;
    private final WorkerExecutor streams;
    private final ServerMetrics metrics;
    private final int maxQueued;
    private final int retryAfterS;
    private final int threads;
    private final AtomicInteger runningStreamJobs = new AtomicInteger();
    private final AtomicInteger activeRequestJobs = new AtomicInteger();
    /** Set on a worker thread while it runs a request job: only those step aside for the streams. */
    private final ThreadLocal<Boolean> inRequestJob = ThreadLocal.withInitial(() -> Boolean.FALSE);

    public AnalysisPool(Vertx vertx, int threads, int maxQueued, int retryAfterS, ServerMetrics metrics) {
        // No blocked-thread warnings for long jobs: a 2-minute recording legitimately takes a while.
        this.requests = vertx.createSharedWorkerExecutor("emofuse-analysis", threads, 10, TimeUnit.MINUTES);
        this.streams = vertx.createSharedWorkerExecutor("emofuse-stream", threads, 10, TimeUnit.MINUTES);
        this.metrics = metrics;
        this.maxQueued = maxQueued;
        this.retryAfterS = retryAfterS;
        this.threads = threads;
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
        return run(requests, activeRequestJobs, true, job);
    }

    /** Runs a job of an admitted stream on the stream workers. */
    public <T> Future<T> submitStream(Callable<T> job) {
        return run(streams, runningStreamJobs, false, job);
    }

    private <T> Future<T> run(WorkerExecutor executor, AtomicInteger running, boolean request, Callable<T> job) {
        metrics.queuedJobs().incrementAndGet();
        return executor.executeBlocking(() -> {
            metrics.queuedJobs().decrementAndGet();
            metrics.runningJobs().incrementAndGet();
            running.incrementAndGet();
            inRequestJob.set(request);
            try {
                return job.call();
            } finally {
                inRequestJob.set(Boolean.FALSE);
                running.decrementAndGet();
                metrics.runningJobs().decrementAndGet();
            }
        }, false);
    }

    /**
     * Called by a request job between chunks of its work: while stream jobs and the active request
     * jobs together want more than the cores, waits for a stream job to finish (at most
     * {@value #MAX_YIELD_MS} ms per call, so requests still progress under a full stream load).
     * Anywhere but in a request job (a stream job, a thread of the caller's own) it returns at once.
     */
    public void yieldToStreams() {
        if (!inRequestJob.get() || runningStreamJobs.get() == 0 || runningStreamJobs.get() + activeRequestJobs.get() <= threads) {
            return;
        }
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_YIELD_MS);
        activeRequestJobs.decrementAndGet(); // stepped aside: another request may use the core
        try {
            while (runningStreamJobs.get() + activeRequestJobs.get() >= threads && System.nanoTime() < until) {
                LockSupport.parkNanos(YIELD_POLL_NANOS);
            }
        } finally {
            activeRequestJobs.incrementAndGet();
        }
    }

    /** Longest a request waits for the streams in one {@link #yieldToStreams()} call. */
    public static final long MAX_YIELD_MS = 250;
    private static final long YIELD_POLL_NANOS = 1_000_000;

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
