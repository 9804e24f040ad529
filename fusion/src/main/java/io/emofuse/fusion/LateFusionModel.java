package io.emofuse.fusion;

import io.emofuse.fusion.late.SecondStage;
import io.emofuse.fusion.nn.Emotions;
import io.emofuse.fusion.nn.LabelScaler;
import io.emofuse.fusion.nn.NetworkPredictor;
import io.emofuse.fusion.nn.RawPrediction;
import java.util.ArrayList;
import java.util.List;

/**
 * Decision-level fusion: an acoustic and a text network, each trained on its own, and a second
 * stage that maps their six V/A/D predictions to V, A, D. With a categorical head the two
 * networks' class probabilities are averaged.
 */
public final class LateFusionModel implements FusionModel, AutoCloseable {

    private final NetworkPredictor acoustic;
    private final NetworkPredictor text;
    private final SecondStage stage;
    private final LabelScaler scaler;
    private final List<String> categories;

    public LateFusionModel(NetworkPredictor acoustic, NetworkPredictor text, SecondStage stage, LabelScaler scaler,
                           List<String> categories) {
        this.acoustic = acoustic;
        this.text = text;
        this.stage = stage;
        this.scaler = scaler;
        this.categories = List.copyOf(categories);
    }

    public NetworkPredictor acousticNetwork() {
        return acoustic;
    }

    public NetworkPredictor textNetwork() {
        return text;
    }

    public SecondStage stage() {
        return stage;
    }

    @Override
    public Emotion predict(float[] a, float[] t) {
        return predictAll(a == null ? null : new float[][] {a}, t == null ? null : new float[][] {t}).get(0);
    }

    @Override
    public List<Emotion> predictAll(float[][] a, float[][] t) {
        RawPrediction pa = acoustic.predict(a, null);
        RawPrediction pt = text.predict(null, t);
        List<Emotion> out = new ArrayList<>(pa.vad().length);
        for (int i = 0; i < pa.vad().length; i++) {
            double[] six = stack(pa.vad()[i], pt.vad()[i]);
            double[] probs = null;
            if (pa.probabilities() != null && pt.probabilities() != null) {
                probs = new double[pa.probabilities()[i].length];
                for (int k = 0; k < probs.length; k++) {
                    probs[k] = (pa.probabilities()[i][k] + pt.probabilities()[i][k]) / 2;
                }
            }
            out.add(Emotions.of(stage.combine(six), probs, scaler, categories));
        }
        return out;
    }

    /** The second stage's input: acoustic V, A, D then text V, A, D. */
    public static double[] stack(double[] acousticVad, double[] textVad) {
        return new double[] {acousticVad[0], acousticVad[1], acousticVad[2], textVad[0], textVad[1], textVad[2]};
    }

    @Override
    public void close() {
        acoustic.close();
        text.close();
    }
}
