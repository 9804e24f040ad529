package io.emofuse.analysis.batch;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Maps items on N threads and hands results on in input order, with at most a few jobs per
 * thread in flight, so memory stays bounded on inputs of any length.
 */
public final class OrderedParallel {

    /** The output side; may throw to stop the run. */
    public interface Sink<R> {
        void accept(R result) throws Exception;
    }

    private OrderedParallel() {
    }

    public static <T, R> void run(Iterator<T> items, int threads, Function<T, R> work, Sink<R> sink) throws Exception {
        int n = Math.max(1, threads);
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "emofuse-score");
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<R>> window = new ArrayDeque<>();
            while (items.hasNext()) {
                T item = items.next();
                window.add(pool.submit(() -> work.apply(item)));
                if (window.size() >= 2 * n) {
                    sink.accept(take(window));
                }
            }
            while (!window.isEmpty()) {
                sink.accept(take(window));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> R take(ArrayDeque<Future<R>> window) throws Exception {
        try {
            return window.poll().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : new IllegalStateException(e.getCause());
        }
    }
}
