package io.emofuse.fusion.bundle;

import io.emofuse.fusion.FusionStrategy;
import io.emofuse.fusion.input.AcousticInput;
import io.emofuse.fusion.input.TextInput;
import io.emofuse.fusion.nn.LabelScaler;
import java.util.List;
import java.util.Map;

/**
 * The contents of {@code bundle.json}. {@code networks}: {@code main} for a single-network model,
 * {@code acoustic} and {@code text} for a late fusion (whose {@code secondStage} names the stage
 * kind). {@code labelScaler} is null when the model has no V/A/D heads trained; {@code categories}
 * is empty without a categorical head. Inputs a strategy does not use are null.
 */
public record BundleDescription(int format, FusionStrategy strategy, AcousticInput acousticInput, TextInput textInput,
                                List<String> categories, LabelScaler labelScaler, Map<String, NetworkEntry> networks,
                                String secondStage, Provenance provenance) {

    public static final int FORMAT = 1;

    public BundleDescription {
        categories = categories == null ? List.of() : List.copyOf(categories);
        networks = Map.copyOf(networks);
    }
}
