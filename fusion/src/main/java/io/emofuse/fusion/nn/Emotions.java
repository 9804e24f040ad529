package io.emofuse.fusion.nn;

import io.emofuse.fusion.Emotion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link Emotion}s from network output on the training scale. */
public final class Emotions {

    private Emotions() {
    }

    /** Scales V, A, D back to the label scale; picks the most probable category when there are probabilities. */
    public static Emotion of(double[] unitVad, double[] probabilities, LabelScaler scaler, List<String> categories) {
        return of(unitVad, probabilities, null, scaler, categories);
    }

    /** As above, with the binary heads' P(valence positive) and P(activation high) when not null. */
    public static Emotion of(double[] unitVad, double[] probabilities, double[] binary, LabelScaler scaler,
                             List<String> categories) {
        double[] vad = scaler == null ? new double[] {Double.NaN, Double.NaN, Double.NaN} : scaler.fromUnit(unitVad);
        String category = null;
        Map<String, Double> probs = new LinkedHashMap<>();
        if (probabilities != null && !categories.isEmpty()) {
            int best = 0;
            for (int k = 0; k < categories.size(); k++) {
                probs.put(categories.get(k), probabilities[k]);
                if (probabilities[k] > probabilities[best]) {
                    best = k;
                }
            }
            category = categories.get(best);
        }
        Map<String, Double> affect = null;
        if (binary != null) {
            affect = new LinkedHashMap<>();
            affect.put(Emotion.VALENCE_POSITIVE, binary[0]);
            affect.put(Emotion.ACTIVATION_HIGH, binary[1]);
        }
        return new Emotion(vad[0], vad[1], vad[2], category, probs, affect);
    }

    /**
     * {@code e} with its category probabilities temperature-scaled, softmax(log p / t) (t < 1
     * sharpens, t > 1 flattens); V, A, D and the most probable category do not change.
     */
    public static Emotion withTemperature(Emotion e, double t) {
        if (t == 1.0 || e.probabilities().isEmpty()) {
            return e;
        }
        Map<String, Double> scaled = new LinkedHashMap<>();
        double top = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, Double> p : e.probabilities().entrySet()) {
            double v = Math.log(Math.max(p.getValue(), 1e-12)) / t;
            scaled.put(p.getKey(), v);
            top = Math.max(top, v);
        }
        double sum = 0;
        for (Map.Entry<String, Double> p : scaled.entrySet()) {
            p.setValue(Math.exp(p.getValue() - top));
            sum += p.getValue();
        }
        for (Map.Entry<String, Double> p : scaled.entrySet()) {
            p.setValue(p.getValue() / sum);
        }
        return new Emotion(e.valence(), e.arousal(), e.dominance(), e.category(), scaled, e.binary());
    }
}
