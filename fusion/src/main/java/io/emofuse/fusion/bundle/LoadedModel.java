package io.emofuse.fusion.bundle;

import ai.djl.Device;
import io.emofuse.fusion.FusionModel;
import io.emofuse.fusion.input.AcousticInput;
import io.emofuse.fusion.input.InputEncoder;
import io.emofuse.fusion.input.TextInput;
import io.emofuse.fusion.nn.Normaliser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An emotion model read from a folder: a training bundle ({@link ModelBundle}) or a composite of a
 * text and an acoustic bundle ({@link CompositeBundle}, e.g. the shipped default). What predicting
 * needs from either; {@link #open} is the one place that tells them apart.
 */
public interface LoadedModel extends AutoCloseable {

    FusionModel model();

    /** The acoustic features the model takes; empty for a text-only model. */
    Optional<AcousticInput> acousticInput();

    /** The text embedding the model takes; empty for an acoustic-only model. */
    Optional<TextInput> textInput();

    /** The rule that builds this model's input rows, from the inputs the bundle records. */
    default InputEncoder encoder() {
        return new InputEncoder(acousticInput().orElse(null), textInput().orElse(null));
    }

    /** The categorical head's classes; empty without one. */
    List<String> categories();

    /** The training population's acoustic statistics, for online speaker adaptation; may be empty. */
    Optional<Normaliser> acousticPopulation();

    /** True when a row with audio only or text only is scored from that modality (composites). */
    boolean modalitiesOptional();

    /**
     * Temperature for the category probabilities when the acoustic row was normalised online per
     * speaker (SpeakerAdaptation), which changes how confident the model is; 1 = none.
     */
    default double adaptedTemperature() {
        return 1.0;
    }

    /** Temperature {@link #model()} already applies to every row's category probabilities; 1 = none. */
    default double temperature() {
        return 1.0;
    }

    /**
     * The category probability below which every face marks the category uncertain: the key
     * {@code uncertainBelow} of the folder's composite.json or bundle.json (measured out of fold
     * with the model, e.g. scripts/uncertainty-threshold.py); NaN when it states none.
     */
    double uncertainBelow();

    /** {@code uncertainBelow} as {@code description} (a composite.json or bundle.json) states it, else NaN. */
    static double uncertainBelow(Path description) {
        try {
            com.fasterxml.jackson.databind.JsonNode v = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(description.toFile()).get("uncertainBelow");
            return v != null && v.isNumber() && v.asDouble() > 0 && v.asDouble() <= 1 ? v.asDouble() : Double.NaN;
        } catch (IOException e) {
            return Double.NaN; // loading the model itself reports a damaged file
        }
    }

    /** {@code composite}, or the bundle's fusion strategy. */
    String kind();

    @Override
    void close();

    /** The model in {@code dir}; {@code device} null = the engine's default (a GPU when present). */
    static LoadedModel open(Path dir, Device device) throws IOException {
        if (CompositeBundle.isComposite(dir)) {
            return CompositeBundle.load(dir, device);
        }
        return ModelBundle.load(dir, device);
    }
}
