package io.emofuse.analysis.stream;

import io.emofuse.fusion.Emotion;
import io.emofuse.linguistic.Word;
import io.emofuse.linguistic.asr.AsrEvent;
import java.util.List;

/** What a {@link StreamSession} reports; the WebSocket protocols turn these into messages. */
public sealed interface StreamEvent permits StreamEvent.Partial, StreamEvent.Final, StreamEvent.Interim {

    /** The hypothesis for the utterance being spoken; may still change. */
    record Partial(String text) implements StreamEvent {
    }

    /**
     * A finished utterance with the emotion of its own audio and transcript (null without a model).
     * Times are seconds from the start of the stream. {@code alternatives}: the recogniser's n-best
     * list when the stream asked for one (vosk-server's {@code max_alternatives}), else empty.
     * {@code modalities}: what the emotion came from ({@code audio}, {@code text(asr)}).
     */
    record Final(String text, List<Word> words, double start, double end, Emotion emotion,
                 List<AsrEvent.Alternative> alternatives, List<String> modalities) implements StreamEvent {
    }

    /** Emotion over the last few seconds of an utterance still being spoken. */
    record Interim(double start, double end, String text, Emotion emotion) implements StreamEvent {
    }
}
