package io.emofuse.analysis.timeline;

import io.emofuse.fusion.Emotion;
import java.util.List;

/**
 * One utterance of a recording's {@link Timeline}, as Vosk's endpointing cut it.
 *
 * @param channel    1-based channel it was heard on; 0 for channels mixed
 * @param speaker    {@code channel N} when channels are split, {@code mix} otherwise
 * @param start      seconds from the start of the recording (its first word)
 * @param end        seconds from the start of the recording (its last word)
 * @param transcript what Vosk heard
 * @param emotion    the emotion of its own audio and words; null without a model or for audio too
 *                   short to measure
 * @param modalities what the emotion came from ({@code audio}, {@code text(asr)})
 */
public record Utterance(int channel, String speaker, double start, double end, String transcript, Emotion emotion,
                        List<String> modalities) {

    public Utterance {
        modalities = List.copyOf(modalities);
    }

    public double durationS() {
        return Math.max(0, end - start);
    }
}
