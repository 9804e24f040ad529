package io.emofuse.fusion;

import java.util.ArrayList;
import java.util.List;

/**
 * Predicts emotion from an acoustic feature vector and a text vector. Either may be null when
 * that modality is missing; models that need it say so with an {@link IllegalArgumentException}.
 */
public interface FusionModel {

    Emotion predict(float[] acoustic, float[] text);

    /** Many rows at once (one forward pass where the model can); either array may be null. */
    default List<Emotion> predictAll(float[][] acoustic, float[][] text) {
        int n = acoustic != null ? acoustic.length : text.length;
        List<Emotion> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(predict(acoustic == null ? null : acoustic[i], text == null ? null : text[i]));
        }
        return out;
    }
}
