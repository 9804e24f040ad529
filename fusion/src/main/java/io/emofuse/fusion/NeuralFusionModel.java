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
        RawPrediction raw = members.get(0).predict(acoustic, text);
        for (int m = 1; m < members.size(); m++) {
            raw = add(raw, members.get(m).predict(acoustic, text));
        }
        if (members.size() > 1) {
            raw = scale(raw, 1.0 / members.size());
        }
        List<Emotion> out = new ArrayList<>(raw.vad().length);
        for (int i = 0; i < raw.vad().length; i++) {
            out.add(Emotions.of(raw.vad()[i], raw.probabilities() == null ? null : raw.probabilities()[i],
                    raw.binary() == null ? null : raw.binary()[i], scaler, categories));
        }
        return out;
    }

    private static RawPrediction add(RawPrediction a, RawPrediction b) {
        return new RawPrediction(add(a.vad(), b.vad()), add(a.probabilities(), b.probabilities()), add(a.binary(), b.binary()));
    }

    private static double[][] add(double[][] a, double[][] b) {
        if (a == null) {
            return null;
        }
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] += b[i][j];
            }
        }
        return out;
    }

    private static RawPrediction scale(RawPrediction r, double f) {
        return new RawPrediction(scale(r.vad(), f), scale(r.probabilities(), f), scale(r.binary(), f));
    }

    private static double[][] scale(double[][] a, double f) {
        if (a != null) {
            for (double[] row : a) {
                for (int j = 0; j < row.length; j++) {
                    row[j] *= f;
                }
            }
        }
        return a;
    }

    @Override
    public void close() {
        members.forEach(NetworkPredictor::close);
    }
}
