package io.emofuse.linguistic;

import io.emofuse.acoustic.audio.Audio;

/**
 * Speech to text. Implementations are thread-safe: each call decodes on a recogniser of its own,
 * taken from a bounded pool (a call waits when every recogniser is busy).
 */
public interface Transcriber extends AutoCloseable {

    Transcript transcribe(Audio audio);

    @Override
    void close();
}
