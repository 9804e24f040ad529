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
}
