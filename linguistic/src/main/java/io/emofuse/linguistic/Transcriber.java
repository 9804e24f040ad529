package io.emofuse.linguistic;

import io.emofuse.acoustic.audio.Audio;

/** Speech to text. Implementations are thread-safe: each call decodes on its own recogniser. */
public interface Transcriber extends AutoCloseable {

    Transcript transcribe(Audio audio);

    @Override
    void close();
}
