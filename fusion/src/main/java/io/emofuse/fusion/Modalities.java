package io.emofuse.fusion;

/** The names outputs use to say which modalities an emotion came from (server, analyze, predict). */
public final class Modalities {

    /** Acoustic features of the audio. */
    public static final String AUDIO = "audio";
    /** Words given with the input (a manifest's text, a request's text). */
    public static final String TEXT = "text";
    /** Words from ASR of the input's audio. */
    public static final String TEXT_FROM_ASR = "text(asr)";

    private Modalities() {
    }
}
