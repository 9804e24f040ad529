package io.emofuse.analysis.timeline;

import java.util.List;

/**
 * A recording heard utterance by utterance: what was said when, by which channel, with which
 * emotion, in time order, and what that adds up to per speaker and overall.
 *
 * @param durationS  seconds of audio read
 * @param channels   channels in the recording
 * @param mode       {@code mix} or {@code split}
 * @param utterances every utterance, by start time (ties: by channel)
 * @param speakers   one summary per speaker (per channel when split; one {@code mix} otherwise)
 * @param overall    the whole recording's summary ({@code all})
 */
public record Timeline(double durationS, int channels, String mode, List<Utterance> utterances,
                       List<Summary> speakers, Summary overall) {

    public Timeline {
        utterances = List.copyOf(utterances);
        speakers = List.copyOf(speakers);
    }
}
