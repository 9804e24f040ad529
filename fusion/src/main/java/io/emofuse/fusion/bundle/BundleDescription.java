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
 * is empty without a categorical head. Inputs a strategy does not use are null. {@code classifier}
 * is set (and {@code networks} empty) for a classical classifier ({@code model.type: svm |
 * random_forest}); bundles of networks have none, and older readers ignore the key.
 */
public record BundleDescription(int format, FusionStrategy strategy, AcousticInput acousticInput, TextInput textInput,
                                List<String> categories, LabelScaler labelScaler, Map<String, NetworkEntry> networks,
                                String secondStage, Provenance provenance,
                                @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                                ClassifierEntry classifier) {

    public static final int FORMAT = 1;

    /** A bundle of networks (no classical classifier). */
    public BundleDescription(int format, FusionStrategy strategy, AcousticInput acousticInput, TextInput textInput,
                             List<String> categories, LabelScaler labelScaler, Map<String, NetworkEntry> networks,
                             String secondStage, Provenance provenance) {
        this(format, strategy, acousticInput, textInput, categories, labelScaler, networks, secondStage, provenance, null);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public BundleDescription {
        categories = categories == null ? List.of() : List.copyOf(categories);
        networks = networks == null ? Map.of() : Map.copyOf(networks);
    }
}
