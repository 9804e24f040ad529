package io.emofuse.spark;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Something heavy (models) loaded once per executor JVM for a key and shared by every task thread
 * that asks for the same key; tasks hold a {@link Lease} while they use it. When a task asks for
 * another key (a later job in the same executor), the entries no task holds are closed at once and
 * the ones still held are closed when their last lease ends, so nothing in use is ever closed and
 * nothing replaced is left open. Thread-safe.
 *
 * @param <K> what the value was loaded for (a record with equals)
 * @param <V> the value
 */
final class ExecutorShared<K, V> {

    /** A task's hold on a value; close it when the task is done with the value. */
    final class Lease implements AutoCloseable {
        private final K key;
        private final V value;
        private boolean closed;

        private Lease(K key, V value) {
            this.key = key;
            this.value = value;
        }

        V value() {
            return value;
        }

        @Override
        public void close() {
            release(this);
        }
    }

    private final class Entry {
        final V value;
        int users;

        Entry(V value) {
            this.value = value;
        }
    }

    private final Function<K, V> loader;
    private final Consumer<V> closer;
    private final Map<K, Entry> entries = new HashMap<>();
    private K latest;

    ExecutorShared(Function<K, V> loader, Consumer<V> closer) {
        this.loader = loader;
        this.closer = closer;
    }

    synchronized Lease acquire(K key) {
        if (!key.equals(latest)) {
            latest = key;
            for (Iterator<Map.Entry<K, Entry>> it = entries.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<K, Entry> e = it.next();
                if (!e.getKey().equals(key) && e.getValue().users == 0) {
                    it.remove();
                    closer.accept(e.getValue().value);
                }
            }
        }
        Entry e = entries.get(key);
        if (e == null) {
            e = new Entry(loader.apply(key));
            entries.put(key, e);
        }
        e.users++;
        return new Lease(key, e.value);
    }

    private synchronized void release(Lease lease) {
        if (lease.closed) {
            return;
        }
        lease.closed = true;
        Entry e = entries.get(lease.key);
        if (--e.users == 0 && !lease.key.equals(latest)) {
            entries.remove(lease.key);
            closer.accept(e.value);
        }
    }

    /** Keys loaded now (for tests). */
    synchronized int loaded() {
        return entries.size();
    }
}
