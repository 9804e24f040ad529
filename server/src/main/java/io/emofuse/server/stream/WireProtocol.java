package io.emofuse.server.stream;

import java.util.List;

/**
 * How one WebSocket protocol spells things: it parses the client's text messages into commands
 * and turns session events into the messages it sends. One instance per connection (a protocol
 * may remember what it last sent).
 */
public interface WireProtocol {

    /** A parsed client text message. */
    sealed interface Command permits Config, Eof {
    }

    /** Stream settings; {@code sampleRate} null when the message did not set it. */
    record Config(Integer sampleRate) implements Command {
    }

    record Eof() implements Command {
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

    /**
     * True when every audio message needs its own answer (vosk-server clients wait for one); else
     * queued audio may be decoded in one job, which lets a stream that fell behind catch up.
     */
    default boolean answersEachMessage() {
        return false;
    }

    /** Messages for the events one binary audio message produced. */
    List<String> afterAudio(List<StreamEvent> events);

    /** Messages for the events of the end of the stream, before the close. */
    List<String> afterEof(List<StreamEvent> events);

    /** A typed error message. */
    String error(String code, String detail);
}
