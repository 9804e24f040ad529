package io.emofuse.fusion;

import io.emofuse.fusion.nn.Emotions;
import io.emofuse.fusion.nn.LabelScaler;
import io.emofuse.fusion.nn.NetworkPredictor;
import io.emofuse.fusion.nn.RawPrediction;
import java.util.ArrayList;
import java.util.List;

/**
 * A single network (unimodal, early, concat or hierarchical) with its label scaler. {@code scaler}
 * is null for a model trained without V/A/D labels (categories only): V, A, D are then NaN.
 */
public final class NeuralFusionModel implements FusionModel, AutoCloseable {

    private final NetworkPredictor network;
    private final LabelScaler scaler;
    private final List<String> categories;

    public NeuralFusionModel(NetworkPredictor network, LabelScaler scaler, List<String> categories) {
        this.network = network;
        this.scaler = scaler;
        this.categories = List.copyOf(categories);
    }

    public NetworkPredictor network() {
        return network;
    }

    @Override
    public Emotion predict(float[] acoustic, float[] text) {
        return predictAll(acoustic == null ? null : new float[][] {acoustic}, text == null ? null : new float[][] {text}).get(0);
    }

    @Override
    public List<Emotion> predictAll(float[][] acoustic, float[][] text) {
        RawPrediction raw = network.predict(acoustic, text);
        List<Emotion> out = new ArrayList<>(raw.vad().length);
        for (int i = 0; i < raw.vad().length; i++) {
            out.add(Emotions.of(raw.vad()[i], raw.probabilities() == null ? null : raw.probabilities()[i],
                    raw.binary() == null ? null : raw.binary()[i], scaler, categories));
        }
        return out;
    }

    @Override
    public void close() {
        network.close();
    }
}
