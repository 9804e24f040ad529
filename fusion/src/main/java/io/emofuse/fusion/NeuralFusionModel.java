package io.emofuse.fusion;

import io.emofuse.fusion.nn.Emotions;
import io.emofuse.fusion.nn.LabelScaler;
import io.emofuse.fusion.nn.NetworkPredictor;
import io.emofuse.fusion.nn.RawPrediction;
import java.util.ArrayList;
import java.util.List;

/**
 * A network (unimodal, early, concat or hierarchical) with its label scaler, or an ensemble of such
 * networks trained with different seeds ({@code training.ensemble}), whose outputs (V/A/D on the unit
 * scale, category and binary probabilities) are averaged. {@code scaler} is null for a model trained
 * without V/A/D labels (categories only): V, A, D are then NaN.
 */
public final class NeuralFusionModel implements FusionModel, AutoCloseable {

    private final List<NetworkPredictor> members;
    private final LabelScaler scaler;
    private final List<String> categories;

    public NeuralFusionModel(NetworkPredictor network, LabelScaler scaler, List<String> categories) {
        this(List.of(network), scaler, categories);
    }

    /** An ensemble: the members' predictions are averaged. */
    public NeuralFusionModel(List<NetworkPredictor> members, LabelScaler scaler, List<String> categories) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one network");
        }
        this.members = List.copyOf(members);
        this.scaler = scaler;
        this.categories = List.copyOf(categories);
    }

    @Override
    public Emotion predict(float[] acoustic, float[] text) {
        return predictAll(acoustic == null ? null : new float[][] {acoustic}, text == null ? null : new float[][] {text}).get(0);
    }

    @Override
    public List<Emotion> predictAll(float[][] acoustic, float[][] text) {
        RawPrediction raw = members.size() == 1 ? members.get(0).predict(acoustic, text)
                : mean(members.stream().map(n -> n.predict(acoustic, text)).toList());
        List<Emotion> out = new ArrayList<>(raw.vad().length);
        for (int i = 0; i < raw.vad().length; i++) {
            out.add(Emotions.of(raw.vad()[i], raw.probabilities() == null ? null : raw.probabilities()[i],
                    raw.binary() == null ? null : raw.binary()[i], scaler, categories));
        }
        return out;
    }

    /** The members' outputs averaged, each head on its own (a head a model lacks stays null). */
    private static RawPrediction mean(List<RawPrediction> raws) {
        return new RawPrediction(mean(raws, RawPrediction::vad), mean(raws, RawPrediction::probabilities),
                mean(raws, RawPrediction::binary));
    }

    private static double[][] mean(List<RawPrediction> raws, java.util.function.Function<RawPrediction, double[][]> head) {
        double[][] first = head.apply(raws.get(0));
        if (first == null) {
            return null;
        }
        double[][] out = new double[first.length][first.length == 0 ? 0 : first[0].length];
        for (RawPrediction r : raws) {
            double[][] h = head.apply(r);
            for (int i = 0; i < out.length; i++) {
                for (int j = 0; j < out[i].length; j++) {
                    out[i][j] += h[i][j] / raws.size();
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        members.forEach(NetworkPredictor::close);
    }
}
