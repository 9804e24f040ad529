package io.emofuse.training.manifest;

import java.nio.file.Path;

/**
 * One utterance of a manifest. Only {@code uttId} is required; {@code wav} is resolved against the
 * manifest's folder; V, A, D are on whatever scale the corpus uses. {@code line} is where the row
 * came from (1 = first line of the file), for error messages.
 */
public record ManifestRow(int line, String uttId, Path wav, String text, String speaker, String session,
                          Double valence, Double arousal, Double dominance, String category, String split) {

    public boolean hasVad() {
        return valence != null && arousal != null && dominance != null;
    }

    public double[] vad() {
        return new double[] {valence, arousal, dominance};
    }

    public boolean hasText() {
        return text != null && !text.isBlank();
    }

    public ManifestRow withText(String t) {
        return new ManifestRow(line, uttId, wav, t, speaker, session, valence, arousal, dominance, category, split);
    }

    public ManifestRow withoutText() {
        return withText(null);
    }
}
