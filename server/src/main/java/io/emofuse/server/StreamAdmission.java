package io.emofuse.server;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps concurrent streams globally and per client address, so one client cannot take every
 * recogniser and the CPU is never asked for more real-time streams than it can hold.
 */
public final class StreamAdmission {

    /** A held stream slot; release it exactly once when the stream ends. */
    public interface Ticket {
        void release();
    }

    private final int maxTotal;
    private final int maxPerClient;
    private final AtomicInteger total;
    private final ConcurrentHashMap<String, Integer> perClient = new ConcurrentHashMap<>();

    public StreamAdmission(int maxTotal, int maxPerClient, AtomicInteger activeCounter) {
        this.maxTotal = maxTotal;
        this.maxPerClient = maxPerClient;
        this.total = activeCounter;
    }

    /** A slot for {@code client}, or empty with the reason when a cap is reached. */
    public Optional<Ticket> tryAdmit(String client, StringBuilder reason) {
        if (total.incrementAndGet() > maxTotal) {
            total.decrementAndGet();
            reason.append("server holds its maximum of ").append(maxTotal).append(" streams");
            return Optional.empty();
        }
        boolean[] admitted = new boolean[1];
        // compute() runs atomically per key, so the per-client count can never overshoot.
        perClient.compute(client, (c, n) -> {
            int now = n == null ? 0 : n;
            admitted[0] = now < maxPerClient;
            return admitted[0] ? now + 1 : (now == 0 ? null : now);
        });
        if (!admitted[0]) {
            total.decrementAndGet();
            reason.append("this client already has ").append(maxPerClient).append(" streams open");
            return Optional.empty();
        }
        AtomicBoolean released = new AtomicBoolean();
        return Optional.of(() -> {
            if (released.compareAndSet(false, true)) {
                perClient.compute(client, (c, n) -> n == null || n <= 1 ? null : n - 1);
                total.decrementAndGet();
            }
        });
    }

    public int active() {
        return total.get();
    }
}
