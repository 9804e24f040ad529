package io.emofuse.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Streams never queue behind requests, and a full request queue is refused with a 503 at once. */
class AnalysisPoolTest {

    private Vertx vertx;
    private AnalysisPool pool;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        pool = new AnalysisPool(vertx, 1, 1, 2, 7, new ServerMetrics());
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        pool.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Occupies the one request worker until the test ends; returns once the job runs. */
    private void holdTheRequestWorker() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        pool.submit(() -> {
            running.countDown();
            return release.await(10, TimeUnit.SECONDS);
        });
        assertTrue(running.await(10, TimeUnit.SECONDS));
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void streamJobRunsWhileTheRequestWorkerIsBusy() throws Exception {
        holdTheRequestWorker();
        assertEquals("final", await(pool.submitStream(() -> "final")));
    }

    @Test
    void fullQueueIsRefusedWithA503AndRetryAfter() throws Exception {
        holdTheRequestWorker();
        List<Future<String>> queued = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            queued.add(pool.submit(() -> "queued"));
        }
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> await(pool.submit(() -> "one too many")));
        ApiError error = assertInstanceOf(ApiError.class, refused.getCause());
        assertEquals(503, error.status());
        assertEquals(7, error.retryAfterS());
        assertTrue(error.getMessage().contains("2 jobs waiting"), error.getMessage());
        // admitted work (a batch's lines) still queues, and everything queued runs once the worker frees
        Future<String> admitted = pool.submitAdmitted(() -> "admitted");
        release.countDown();
        for (Future<String> f : queued) {
            assertEquals("queued", await(f));
        }
        assertEquals("admitted", await(admitted));
        assertTrue(awaitIdle(), "nothing queued or running once all jobs ended");
    }

    private boolean awaitIdle() throws InterruptedException {
        for (int i = 0; i < 100 && !pool.idle(); i++) {
            Thread.sleep(10);
        }
        return pool.idle();
    }
}
