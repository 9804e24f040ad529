package io.emofuse.linguistic.asr;

import io.emofuse.audio.Audio;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * Vosk recognisers kept warm between uses. A new recogniser decodes several times slower for its
 * first seconds of audio (its decoding-graph caches start empty: 100-300 ms per 0.3 s of audio
 * against 10-40 ms once warm, measured on RAVDESS utterances), and every REST call and every
 * stream used to start a new one. The caller bounds how many are out at once (its slots); this
 * pool keeps what comes back, most recently used first.
 */
final class RecognizerPool implements AutoCloseable {

    private final Model model;
    private final String grammar;
    private final Path modelDir;
    private final ConcurrentLinkedDeque<Lease> idle = new ConcurrentLinkedDeque<>();

    RecognizerPool(Model model, String grammar, Path modelDir) {
        this.model = model;
        this.grammar = grammar;
        this.modelDir = modelDir;
    }

    /** A warm recogniser when one is idle, else a new one. */
    Lease borrow() {
        Lease l = idle.pollFirst();
        return l != null ? l : new Lease(newRecognizer());
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

    /** Frees the idle recognisers (the caller has all of them back). */
    @Override
    public void close() {
        for (Lease l = idle.pollFirst(); l != null; l = idle.pollFirst()) {
            l.recognizer.close();
        }
    }

    /** One use of a recogniser. */
    final class Lease {
        private final Recognizer recognizer;
        /** Audio the recogniser heard in earlier uses: Vosk's word times run on across uses. */
        private long samplesBefore;

        private Lease(Recognizer recognizer) {
            this.recognizer = recognizer;
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
                recognizer.getFinalResult();
            } catch (RuntimeException e) {
                recognizer.close();
                return;
            }
            samplesBefore += samplesFed;
            idle.offerFirst(this);
        }
    }
}
