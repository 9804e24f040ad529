package io.emofuse.analysis.timeline;

import io.emofuse.fusion.Emotion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a speaker's (or the whole recording's) utterances add up to: each utterance weighs as much
 * as it lasted, so a long calm turn outweighs a short outburst.
 *
 * @param speaker        {@code channel N}, {@code mix}, or {@code all} for the whole recording
 * @param utterances     utterances heard
 * @param scored         of those, the ones with an emotion
 * @param speechS        seconds of speech (first word to last word of each utterance)
 * @param valence        duration-weighted mean (null when none was scored)
 * @param arousal        duration-weighted mean
 * @param dominance      duration-weighted mean
 * @param category       the category with the largest share of scored speech time (null: none)
 * @param categoryShare  share of scored speech time per category (sums to 1)
 * @param uncertainShare share of scored speech time whose category was marked uncertain (null when
 *                       the model states no threshold)
 */
public record Summary(String speaker, int utterances, int scored, double speechS, Double valence, Double arousal,
                      Double dominance, String category, Map<String, Double> categoryShare, Double uncertainShare) {

    /** The summary of {@code list} under {@code speaker}. */
    public static Summary of(String speaker, List<Utterance> list) {
        double weight = 0;
        double v = 0;
        double a = 0;
        double d = 0;
        double speech = 0;
        double uncertainWeight = 0;
        boolean marked = false;
        int scored = 0;
        Map<String, Double> share = new TreeMap<>();
        for (Utterance u : list) {
            speech += u.durationS();
            Emotion e = u.emotion();
            if (e == null) {
                continue;
            }
            scored++;
            // a one-word utterance still counts, a little (word times can coincide)
            double w = Math.max(u.durationS(), 0.01);
            weight += w;
            v += w * e.valence();
            a += w * e.arousal();
            d += w * e.dominance();
            if (e.category() != null) {
                share.merge(e.category(), w, Double::sum);
            }
            if (e.uncertain() != null) {
                marked = true;
                if (e.uncertain()) {
                    uncertainWeight += w;
                }
            }
        }
        double categorised = share.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> shares = new LinkedHashMap<>();
        share.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(x -> shares.put(x.getKey(), x.getValue() / categorised));
        String top = shares.isEmpty() ? null : shares.keySet().iterator().next();
        return new Summary(speaker, list.size(), scored, speech, scored == 0 ? null : v / weight,
                scored == 0 ? null : a / weight, scored == 0 ? null : d / weight, top, shares,
                marked ? uncertainWeight / weight : null);
    }
}
