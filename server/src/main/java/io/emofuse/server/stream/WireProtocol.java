package io.emofuse.server.stream;

import io.emofuse.analysis.stream.StreamEvent;
import java.util.List;

/**
 * How one WebSocket protocol spells things: it parses the client's text messages into commands
 * and turns session events into the messages it sends. One instance per connection (a protocol
 * may remember what it last sent and how the client asked for answers); used only from that
 * connection's event loop, so it needs no locking.
 */
public interface WireProtocol {

    /** A parsed client text message. */
    sealed interface Command permits Config, Eof, Reset {
    }

    /**
     * Stream settings; each field null when the message did not set it.
     *
     * @param sampleRate      Hz of the client's PCM
     * @param phrases         restrict recognition to these phrases (a Vosk grammar); empty: free speech
     * @param maxAlternatives n-best hypotheses on each final (0: none)
     * @param words           whether finals carry their word list
     */
    record Config(Integer sampleRate, List<String> phrases, Integer maxAlternatives, Boolean words)
            implements Command {

        public static Config rate(Integer sampleRate) {
            return new Config(sampleRate, null, null, null);
        }
    }

    record Eof() implements Command {
    }

    /** End the current utterance, answer with its result, and go on (vosk-server's {@code {"reset" : 1}}). */
    record Reset() implements Command {
    }

    /** A client message this protocol cannot accept. */
    final class BadMessage extends Exception {
        private final String code;

        public BadMessage(String code, String detail) {
            super(detail, null, false, false);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    Command parse(String text) throws BadMessage;

    /** The rate of the client's PCM until a config says otherwise. */
    default int defaultSampleRate() {
        return io.emofuse.acoustic.audio.Audio.TARGET_RATE;
    }

    /**
     * Whether a config may come after audio. When true, its output options ({@code words},
     * {@code max_alternatives}) apply from the next answer on; a new sample rate or phrase list
     * is ignored then, as vosk-server (which builds its recogniser at the first audio) does.
     */
    default boolean configAnyTime() {
        return false;
    }

    /**
     * True when every audio message needs its own answer (vosk-server clients wait for one); else
     * queued audio may be decoded in one job, which lets a stream that fell behind catch up.
     */
    default boolean answersEachMessage() {
        return false;
    }

    /** Takes the output options of a config ({@code words}); called in stream order. */
    default void apply(Config c) {
    }

    /** Messages for the events one binary audio message produced. */
    List<String> afterAudio(List<StreamEvent> events);

    /** The answer to a {@link Reset}: the result of the utterance it ended. */
    default List<String> afterReset(List<StreamEvent> events) {
        return afterEof(events);
    }

    /** Messages for the events of the end of the stream, before the close. */
    List<String> afterEof(List<StreamEvent> events);

    /** A typed error message. */
    String error(String code, String detail);
}
