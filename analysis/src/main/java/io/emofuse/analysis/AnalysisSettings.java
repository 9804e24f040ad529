package io.emofuse.analysis;

import java.nio.file.Path;

/**
 * What {@link ComponentLoader} needs to know, whichever face asks (server, {@code score},
 * {@code analyze}, Spark).
 *
 * @param model             emotion model directory or catalogue name; null: transcripts only
 * @param recognisers       Vosk recognisers kept warm (streams plus REST/batch workers)
 * @param speakerAdaptation normalise each stream's (and each named dialogue speaker's) voice with
 *                          their earlier utterances
 */
public record AnalysisSettings(Path model, int recognisers, boolean speakerAdaptation) {

    public AnalysisSettings {
        if (recognisers < 1) {
            throw new IllegalArgumentException("recognisers must be >= 1, got " + recognisers);
        }
    }

    /** One worker's worth: a single recogniser, speaker adaptation on. */
    public static AnalysisSettings single(Path model) {
        return new AnalysisSettings(model, 1, true);
    }

    public AnalysisSettings withRecognisers(int n) {
        return new AnalysisSettings(model, n, speakerAdaptation);
    }

    public AnalysisSettings withModel(Path m) {
        return new AnalysisSettings(m, recognisers, speakerAdaptation);
    }
}
