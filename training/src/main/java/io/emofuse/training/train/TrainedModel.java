package io.emofuse.training.train;

import io.emofuse.fusion.FusionModel;
import io.emofuse.fusion.late.SecondStage;
import io.emofuse.fusion.nn.LabelScaler;
import io.emofuse.fusion.nn.NetworkPredictor;
import java.util.List;
import java.util.Map;

/**
 * A trained model ready to predict and to be written as a bundle: its networks by bundle name
 * ({@code main}, or {@code acoustic} + {@code text} for a late fusion), the second stage (late
 * only), the label scaler, and the learning curves of its networks by name.
 */
public record TrainedModel(FusionModel model, Map<String, NetworkPredictor> networks, SecondStage stage, LabelScaler scaler,
                           List<String> categories, Map<String, TrainedNetwork> curves) implements AutoCloseable {

    @Override
    public void close() {
        networks.values().forEach(NetworkPredictor::close);
    }
}
