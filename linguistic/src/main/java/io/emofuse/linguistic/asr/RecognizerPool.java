package io.emofuse.linguistic.asr;

import io.emofuse.acoustic.audio.Audio;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * Vosk recognisers kept warm between uses. A new recogniser decodes several times slower for its
 * first seconds of audio (its decoding-graph caches start empty: 100-300 ms per 0.3 s of audio
 * against 10-40 ms once warm, measured on RAVDESS utterances), and every REST call and every
 * stream used to start a new one. At most {@code concurrency} are out at once (one slot each); the
 * pool keeps what comes back, most recently used first.
 */
final class RecognizerPool implements AutoCloseable {

    private final Model model;
    private final String grammar;
    private final Path modelDir;
    private final ConcurrentLinkedDeque<Lease> idle = new ConcurrentLinkedDeque<>();
    private final Semaphore slots;
    private final int concurrency;

    RecognizerPool(Model model, String grammar, Path modelDir, int concurrency) {
        this.model = model;
        this.grammar = grammar;
        this.modelDir = modelDir;
        this.concurrency = concurrency;
        this.slots = new Semaphore(concurrency, true);
    }

    /** A recogniser, waiting while all slots are out. */
    Lease acquire() {
        slots.acquireUninterruptibly();
        return borrow();
    }

    /** A recogniser, or null when all slots are out. */
    Lease tryAcquire() {
        return slots.tryAcquire() ? borrow() : null;
    }

    /**
     * A recogniser restricted to a grammar (a JSON array of phrases), or null when all slots are out.
     * Such a recogniser is built for this use and freed afterwards (never pooled): its decoding graph
     * is the grammar's, which no other use may inherit.
     */
    Lease tryAcquire(String grammarJson) {
        if (grammarJson == null) {
            return tryAcquire();
        }
        if (!slots.tryAcquire()) {
            return null;
        }
        try {
            Recognizer rec = new Recognizer(model, Audio.TARGET_RATE, grammarJson);
            rec.setWords(true);
            return new Lease(rec, false);
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
    }

    /** A recogniser, or null when no slot frees up within {@code wait}. */
    Lease tryAcquire(Duration wait) throws InterruptedException {
        return slots.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS) ? borrow() : null;
    }

    /** A warm recogniser when one is idle, else a new one; the caller holds a slot. */
    private Lease borrow() {
        try {
            Lease l = idle.pollFirst();
            return l != null ? l : new Lease(newRecognizer(), true);
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
    }

    private Recognizer newRecognizer() {
        try {
            Recognizer rec = grammar == null ? new Recognizer(model, Audio.TARGET_RATE)
                    : new Recognizer(model, Audio.TARGET_RATE, grammar);
            rec.setWords(true);
            return rec;
        } catch (IOException e) {
            throw new IllegalStateException("Vosk cannot create a recogniser for " + modelDir, e);
        }
    }

    /** Waits for every recogniser to come back, then frees them. */
    @Override
    public void close() {
        slots.acquireUninterruptibly(concurrency);
        for (Lease l = idle.pollFirst(); l != null; l = idle.pollFirst()) {
            l.recognizer.close();
        }
    }

    /** One use of a recogniser. */
    final class Lease {
        private final Recognizer recognizer;
        /** False for a use-once recogniser (own grammar): closed, not kept, when given back. */
        private final boolean pooled;
        /** Audio the recogniser heard in earlier uses: Vosk's word times run on across uses. */
        private long samplesBefore;

        private Lease(Recognizer recognizer, boolean pooled) {
            this.recognizer = recognizer;
            this.pooled = pooled;
        }

        Recognizer recognizer() {
            return recognizer;
        }

        /** Subtract from Vosk's word times to get times from the start of this use. */
        double offsetSeconds() {
            return samplesBefore / (double) Audio.TARGET_RATE;
        }

        /**
         * Returns the recogniser to the pool. A final result first ends Vosk's utterance, so the
         * next use starts a fresh feature pipeline (no speaker adaptation carried from one client to
         * the next) while the graph caches stay warm.
         *
         * @param samplesFed 16 kHz samples this use fed it
         */
        void giveBack(long samplesFed) {
            try {
                if (!pooled) {
                    recognizer.close();
                    return;
                }
                recognizer.getFinalResult();
                // A use may have asked for n-best results; the next one starts with the default.
                recognizer.setMaxAlternatives(0);
                samplesBefore += samplesFed;
                idle.offerFirst(this);
            } catch (RuntimeException e) {
                recognizer.close();
            } finally {
                slots.release();
            }
        }
    }
}
