package io.emofuse.analysis.batch;

import io.emofuse.acoustic.audio.Audio;

/**
 * Where the audio named in batch input comes from. {@link AudioRoots} reads local files confined to
 * configured directories; the Spark scorer reads through Hadoop's FileSystem API with the same
 * confinement. Either way a bad name is a {@link BatchInputException} for that turn, never a crash.
 */
public interface BatchAudioSource {

    /** The whole recording an input line's {@code audio} field names, as 16 kHz mono. */
    Audio load(String name) throws BatchInputException;

    /**
     * Each channel of the recording {@code name} as its own audio (one rate, one length), for turns
     * that split channels into speakers; a source that reads mono only gives one.
     */
    default java.util.List<Audio> loadChannels(String name) throws BatchInputException {
        return java.util.List.of(load(name));
    }

    /** The checks every source makes first: audio is allowed at all, and the name can be a path. */
    static void checkName(boolean haveRoots, String name) throws BatchInputException {
        if (!haveRoots) {
            throw new BatchInputException("audio_not_allowed", "audio paths are disabled: no audio roots configured");
        }
        if (name.isBlank() || name.indexOf('\0') >= 0) {
            throw new BatchInputException("bad_audio_path", "empty or invalid audio path");
        }
    }
}
