package io.emofuse.acoustic;

/** Audio shorter than the one analysis frame a feature set needs (60 ms for the GeMAPS family). */
public class AudioTooShortException extends IllegalArgumentException {
    private final String source;

    public AudioTooShortException(String source, double seconds, double minSeconds) {
        super(String.format(java.util.Locale.ROOT, "%s: %.3f s of audio, shorter than one %.0f ms frame",
                source, seconds, minSeconds * 1000));
        this.source = source;
    }

    public String source() {
        return source;
    }
}
