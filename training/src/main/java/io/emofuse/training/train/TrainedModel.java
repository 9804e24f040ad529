package io.emofuse.training.train;

import io.emofuse.fusion.FusionModel;
import io.emofuse.fusion.classical.ClassicalModel;
import io.emofuse.fusion.late.SecondStage;
import io.emofuse.fusion.nn.LabelScaler;
import io.emofuse.fusion.nn.NetworkPredictor;
import java.util.List;
import java.util.Map;

/**
 * A trained model ready to predict and to be written as a bundle: its networks by bundle name
 * ({@code main}, or {@code acoustic} + {@code text} for a late fusion), the second stage (late
 * only), the label scaler, and the learning curves of its networks by name. A classical classifier
 * ({@code model.type: svm | random_forest}) has no networks and is {@code classical}.
 */
public record TrainedModel(FusionModel model, Map<String, NetworkPredictor> networks, SecondStage stage, LabelScaler scaler,
                           List<String> categories, Map<String, TrainedNetwork> curves, ClassicalModel classical)
        implements AutoCloseable {

    public TrainedModel(FusionModel model, Map<String, NetworkPredictor> networks, SecondStage stage, LabelScaler scaler,
                        List<String> categories, Map<String, TrainedNetwork> curves) {
        this(model, networks, stage, scaler, categories, curves, null);
    }

    /** A classical classifier: no networks, no curves. */
    public static TrainedModel classical(ClassicalModel m) {
        return new TrainedModel(m, Map.of(), null, null, m.categories(), Map.of(), m);
    }

    @Override
    public void close() {
        networks.values().forEach(NetworkPredictor::close);
    }
}
