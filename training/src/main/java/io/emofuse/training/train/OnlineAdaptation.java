package io.emofuse.training.train;

import io.emofuse.fusion.input.SpeakerAdaptation;
import io.emofuse.fusion.nn.Normaliser;
import io.emofuse.training.manifest.ManifestRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Training rows as the server sees them for a known speaker: each speaker's utterances in a random
 * order, each normalised with the running statistics of that speaker so far
 * ({@link SpeakerAdaptation}, the server's own class, with its default prior weight).
 */
final class OnlineAdaptation {

    private OnlineAdaptation() {
    }

    /**
     * A copy of {@code table} in which the rows {@code use} are adapted per speaker (rows without a
     * speaker form one group); other rows are left as they are.
     */
    static float[][] adapt(float[][] table, List<ManifestRow> rows, int[] use, Normaliser population, long seed) {
        Map<String, List<Integer>> bySpeaker = new LinkedHashMap<>();
        for (int i : use) {
            bySpeaker.computeIfAbsent(String.valueOf(rows.get(i).speaker()), k -> new ArrayList<>()).add(i);
        }
        float[][] out = table.clone();
        Random random = new Random(seed);
        for (List<Integer> group : bySpeaker.values()) {
            Collections.shuffle(group, random);
            SpeakerAdaptation speaker = new SpeakerAdaptation(population, SpeakerAdaptation.DEFAULT_PRIOR_WEIGHT);
            for (int i : group) {
                out[i] = speaker.adapt(table[i], true);
            }
        }
        return out;
    }
}
