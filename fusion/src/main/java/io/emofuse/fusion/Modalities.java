package io.emofuse.fusion;

/** The names outputs use to say which modalities an emotion came from (server, analyze, predict). */
public final class Modalities {

    /** Acoustic features of the audio. */
    public static final String AUDIO = "audio";
    /** Words given with the input (a manifest's text, a request's text). */
    public static final String TEXT = "text";
    /** Words from ASR of the input's audio. */
    public static final String TEXT_FROM_ASR = "text(asr)";

    /**
     * Whether words count as a text modality: blank words (silence through ASR, an empty field) do
     * not, so a model that scores either modality alone reads the voice only.
     */
    public static boolean hasWords(String words) {
        return words != null && !words.isBlank();
    }

    private Modalities() {
    }
}
