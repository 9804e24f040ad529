package io.emofuse.fusion;

import io.emofuse.fusion.nn.Emotions;
import java.util.Map;

/**
 * Decision-level fusion of two separately trained models (one per modality) by a fixed weighted
 * mean per dimension, which keeps working when either modality is missing: text alone gives the
 * text model's V/A/D, audio alone the acoustic model's. The category comes from the acoustic model
 * only (the text model has no categorical head), so it is empty without audio.
 *
 * Each unimodal V/A/D is clamped to the documented scale before mixing: a network z-scored with its
 * training statistics can extrapolate far off the scale for an unusual voice or level (seen: arousal
 * 40 on 1-5 for a clipped RAVDESS file of an unseen actor), and one such value must not swamp the other
 * modality.
 *
 * @param textWeights weight of the text prediction for V, A, D (the acoustic one gets 1 - w)
 * @param scale       lowest and highest V/A/D value (both models' label scale, e.g. 1 and 5)
 * @param temperature temperature of the acoustic model's category probabilities, softmax(log p / t)
 *                    (calibration measured on held-out speakers; 1 = as the network gives them)
 */
public final class ModalityWeightedFusion implements FusionModel, AutoCloseable {

    private final FusionModel text;
    private final FusionModel acoustic;
    private final double[] textWeights;
    private final double low;
    private final double high;
    private final double temperature;

    public ModalityWeightedFusion(FusionModel text, FusionModel acoustic, double[] textWeights, double[] scale) {
        this(text, acoustic, textWeights, scale, 1.0);
    }

    public ModalityWeightedFusion(FusionModel text, FusionModel acoustic, double[] textWeights, double[] scale,
                                  double temperature) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
        }
        this.temperature = temperature;
        if (scale.length != 2 || !(scale[0] < scale[1])) {
            throw new IllegalArgumentException("scale must be [low, high] with low < high");
        }
        this.low = scale[0];
        this.high = scale[1];
        if (textWeights.length != 3) {
            throw new IllegalArgumentException("need 3 text weights (V, A, D), got " + textWeights.length);
        }
        for (double w : textWeights) {
            if (!(w >= 0 && w <= 1)) {
                throw new IllegalArgumentException("text weights must lie in [0, 1], got " + w);
            }
        }
        this.text = text;
        this.acoustic = acoustic;
        this.textWeights = textWeights.clone();
    }

    public double[] textWeights() {
        return textWeights.clone();
    }

    @Override
    public Emotion predict(float[] acousticRow, float[] textRow) {
        if (acousticRow == null && textRow == null) {
            throw new IllegalArgumentException("neither audio nor text given");
        }
        Emotion fromText = textRow == null ? null : clamped(text.predict(null, textRow));
        Emotion fromVoice = acousticRow == null ? null
                : Emotions.withTemperature(clamped(acoustic.predict(acousticRow, null)), temperature);
        if (fromVoice == null) {
            return new Emotion(fromText.valence(), fromText.arousal(), fromText.dominance(), null, Map.of());
        }
        if (fromText == null) {
            return fromVoice;
        }
        return new Emotion(mix(0, fromText.valence(), fromVoice.valence()),
                mix(1, fromText.arousal(), fromVoice.arousal()),
                mix(2, fromText.dominance(), fromVoice.dominance()),
                fromVoice.category(), fromVoice.probabilities());
    }

    private Emotion clamped(Emotion e) {
        return new Emotion(clamp(e.valence()), clamp(e.arousal()), clamp(e.dominance()), e.category(), e.probabilities());
    }

    private double clamp(double x) {
        return Math.max(low, Math.min(high, x));
    }

    private double mix(int dimension, double t, double a) {
        return textWeights[dimension] * t + (1 - textWeights[dimension]) * a;
    }

    @Override
    public void close() throws Exception {
        if (text instanceof AutoCloseable c) {
            c.close();
        }
        if (acoustic instanceof AutoCloseable c) {
            c.close();
        }
    }
}
