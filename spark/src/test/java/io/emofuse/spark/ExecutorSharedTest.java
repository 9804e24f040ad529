package io.emofuse.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Values are shared per key, never closed while a task holds them, and never left open once replaced. */
class ExecutorSharedTest {

    private final List<String> closed = new ArrayList<>();
    private final AtomicInteger loads = new AtomicInteger();
    private final ExecutorShared<String, String> shared = new ExecutorShared<>(k -> {
        loads.incrementAndGet();
        return "model " + k;
    }, v -> {
        synchronized (closed) {
            closed.add(v);
        }
    });

    @Test
    void aReplacedValueIsClosedOnlyAfterItsLastUser() {
        var a = shared.acquire("a");
        var a2 = shared.acquire("a");
        assertSame(a.value(), a2.value());
        assertEquals(1, loads.get());
        var b = shared.acquire("b"); // a later job while a task still scores with "a"
        assertEquals(List.of(), closed, "a value in use is never closed");
        a.close();
        assertEquals(List.of(), closed);
        a2.close();
        assertEquals(List.of("model a"), closed, "the replaced value closes with its last lease");
        b.close();
        assertEquals(List.of("model a"), closed, "the latest value stays loaded for the next task");
        shared.acquire("c").close();
        assertEquals(List.of("model a", "model b"), closed, "an idle replaced value closes at once");
        assertEquals(1, shared.loaded());
    }

    @Test
    void concurrentTasksLoadOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> got = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            got.add(pool.submit(() -> {
                start.await();
                try (var lease = shared.acquire("x")) {
                    return lease.value();
                }
            }));
        }
        start.countDown();
        for (Future<String> f : got) {
            assertEquals("model x", f.get());
        }
        pool.shutdown();
        assertEquals(1, loads.get());
        assertEquals(List.of(), closed);
    }
}
