package io.emofuse.training.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one task per manifest row on a pool of its own (created per call and shut down after it),
 * telling {@link FeaturePipeline.Progress} how far it is. Thread-safe: calls share no state.
 */
final class RowTasks {

    @FunctionalInterface
    interface RowTask {
        void run(int row) throws IOException;
    }

    private final int threads;
    private final FeaturePipeline.Progress progress;

    RowTasks(int threads, FeaturePipeline.Progress progress) {
        this.threads = Math.max(1, threads);
        this.progress = progress;
    }

    int threads() {
        return threads;
    }

    /** Runs {@code task} for every row; the first failure is rethrown as it was thrown. */
    void run(List<Integer> rows, RowTask task, String stage, int done0, int total) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, rows.size()));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i : rows) {
                futures.add(pool.submit(() -> {
                    task.run(i);
                    return null;
                }));
            }
            int done = done0;
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof IOException io) {
                        throw io;
                    }
                    if (c instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException(c);
                }
                progress.update(stage, ++done, total);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
