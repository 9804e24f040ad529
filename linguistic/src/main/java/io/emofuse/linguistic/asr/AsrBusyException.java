package io.emofuse.linguistic.asr;

/** Every recogniser slot of a {@link VoskTranscriber} is in use; try again when a stream ends. */
public class AsrBusyException extends RuntimeException {
    public AsrBusyException(String message) {
        super(message);
    }
}
