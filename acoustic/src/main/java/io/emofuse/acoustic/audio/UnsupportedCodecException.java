package io.emofuse.acoustic.audio;

/**
 * A well-formed WAV file whose codec the native reader does not decode (IMA ADPCM, GSM, ...):
 * {@link AudioFiles} then hands it to ffmpeg when one is installed.
 */
public final class UnsupportedCodecException extends AudioFormatException {

    public UnsupportedCodecException(String input, String problem) {
        super(input, problem);
    }
}
