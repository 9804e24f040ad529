package io.emofuse.linguistic.asr;

import io.emofuse.linguistic.Transcript;

/**
 * What a {@link StreamingRecognizer} reports while audio arrives: a {@link Partial} hypothesis that
 * may still change, or a {@link Final} segment that will not (Vosk detected an endpoint, or the
 * stream was finished).
 */
public sealed interface AsrEvent permits AsrEvent.Partial, AsrEvent.Final {

    /** The current hypothesis for the segment being spoken; sent only when it changes. */
    record Partial(String text) implements AsrEvent {
    }

    /**
     * A finished segment.
     *
     * @param transcript its text and words; word times are seconds from the start of the stream
     * @param startSec   start of the first word (or of the segment's audio when no word was heard)
     * @param endSec     end of the last word (or of the segment's audio when no word was heard)
     * @param alternatives Vosk's n-best list when the session asked for one
     *                     ({@link StreamingRecognizer#maxAlternatives(int)}), best first, the first
     *                     being {@code transcript}; empty otherwise
     */
    record Final(Transcript transcript, double startSec, double endSec, java.util.List<Alternative> alternatives)
            implements AsrEvent {

        public Final(Transcript transcript, double startSec, double endSec) {
            this(transcript, startSec, endSec, java.util.List.of());
        }
    }

    /**
     * One n-best hypothesis: its words (times as in the transcript; Vosk gives n-best words no
     * confidence, so each word's {@code conf} is 1) and Vosk's unnormalised log-likelihood.
     */
    record Alternative(Transcript transcript, double confidence) {
    }
}
