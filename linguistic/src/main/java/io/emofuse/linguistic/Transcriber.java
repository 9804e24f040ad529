package io.emofuse.linguistic;

import io.emofuse.audio.Audio;

/** Speech to text. Implementations are thread-safe: each call decodes on its own recogniser. */
public interface Transcriber extends AutoCloseable {

    Transcript transcribe(Audio audio);

    /**
     * As {@link #transcribe(Audio)}, calling {@code pace} between chunks of the decode so that the
     * caller can hold it back (the server lets its real-time streams go first).
     */
    default Transcript transcribe(Audio audio, Runnable pace) {
        return transcribe(audio);
    }

    @Override
    void close();
}
