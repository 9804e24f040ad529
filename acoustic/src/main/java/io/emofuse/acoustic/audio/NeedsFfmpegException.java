package io.emofuse.acoustic.audio;

/**
 * Audio in a format only ffmpeg decodes, where there is no ffmpeg: the message says how to install
 * it. A server answers it as an unsupported media type, not as broken audio.
 */
public final class NeedsFfmpegException extends AudioFormatException {

    public NeedsFfmpegException(String input, String problem) {
        super(input, problem);
    }
}
