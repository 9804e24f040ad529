package io.emofuse.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Streams first: a request job steps aside while stream jobs hold the cores, and only then. */
class AnalysisPoolTest {

    private Vertx vertx;
    private AnalysisPool pool;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        pool = new AnalysisPool(vertx, 1, 4, 1, new ServerMetrics());
    }

    @AfterEach
    void stop() throws Exception {
        pool.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void requestWaitsForARunningStreamJobAndResumesWhenItEnds() throws Exception {
        CountDownLatch streamRunning = new CountDownLatch(1);
        CountDownLatch releaseStream = new CountDownLatch(1);
        Future<String> stream = pool.submitStream(() -> {
            streamRunning.countDown();
            releaseStream.await(10, TimeUnit.SECONDS);
            return "stream";
        });
        assertTrue(streamRunning.await(10, TimeUnit.SECONDS));
        // One core, one stream job on it: the request job must wait; the stream job ends after 100 ms.
        vertx.setTimer(100, id -> releaseStream.countDown());
        Future<Long> waited = pool.submit(() -> {
            long t0 = System.nanoTime();
            pool.yieldToStreams();
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        });
        long ms = waited.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals("stream", stream.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
        assertTrue(ms >= 50 && ms < AnalysisPool.MAX_YIELD_MS + 200,
                "the request should wait for the stream job (~100 ms), waited " + ms + " ms");
    }

    @Test
    void requestWaitIsBoundedWhileStreamsHoldTheCores() throws Exception {
        CountDownLatch streamRunning = new CountDownLatch(1);
        CountDownLatch releaseStream = new CountDownLatch(1);
        pool.submitStream(() -> {
            streamRunning.countDown();
            return releaseStream.await(10, TimeUnit.SECONDS);
        });
        assertTrue(streamRunning.await(10, TimeUnit.SECONDS));
        try {
            long ms = pool.submit(() -> {
                long t0 = System.nanoTime();
                pool.yieldToStreams();
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            }).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertTrue(ms >= AnalysisPool.MAX_YIELD_MS - 10 && ms < AnalysisPool.MAX_YIELD_MS + 500,
                    "a request yields at most " + AnalysisPool.MAX_YIELD_MS + " ms per call, waited " + ms + " ms");
        } finally {
            releaseStream.countDown();
        }
    }

    @Test
    void requestRunsOnWithoutStreamJobs() throws Exception {
        long ms = pool.submit(() -> {
            long t0 = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                pool.yieldToStreams();
            }
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        }).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertTrue(ms < 50, "no stream job: yielding must not wait, took " + ms + " ms");
    }

    @Test
    void onlyRequestJobsStepAside() throws Exception {
        CountDownLatch running = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        pool.submitStream(() -> {
            running.countDown();
            return release.await(10, TimeUnit.SECONDS);
        });
        pool.submit(() -> {
            running.countDown();
            return release.await(10, TimeUnit.SECONDS);
        });
        assertTrue(running.await(10, TimeUnit.SECONDS));
        try {
            // one core, a stream job and a request job on it: a request job would step aside here,
            // a thread that runs no request job must not (nor disturb the pool's count of them)
            long t0 = System.nanoTime();
            pool.yieldToStreams();
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(ms < 50, "a thread outside the request jobs must not wait, waited " + ms + " ms");
        } finally {
            release.countDown();
        }
    }
}
