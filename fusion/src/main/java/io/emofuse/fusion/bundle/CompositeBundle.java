package io.emofuse.fusion.bundle;

import io.emofuse.fusion.ModalityWeightedFusion;
import io.emofuse.fusion.input.AcousticInput;
import io.emofuse.fusion.input.TextInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Two unimodal bundles (a text one and an acoustic one, each trained on its own corpus) fused at
 * decision level by {@link ModalityWeightedFusion}. The directory holds {@code composite.json}
 * ({@link Description}) and the two bundle folders it names. This is the layout of the shipped
 * default model, whose text and voice parts come from different corpora (EmoBank, RAVDESS).
 */
public final class CompositeBundle implements LoadedModel {

    public static final String DESCRIPTION = "composite.json";

    /**
     * @param format      layout version (1)
     * @param text        folder of the text bundle, relative to the composite
     * @param acoustic    folder of the acoustic bundle
     * @param textWeights weight of the text prediction for V, A, D (acoustic: 1 - w)
     * @param scale       lowest and highest V/A/D of the label scale; predictions are clamped to it
     * @param rationale   where the weights come from, for people
     * @param adaptedTemperature temperature for the category probabilities when the voice is
     *                    normalised online per speaker (null: 1, none); measured, see the model card
     * @param temperature temperature for the category probabilities of a single utterance, read with
     *                    the training population's statistics (null: 1, none); measured likewise
     */
    public record Description(int format, String text, String acoustic, double[] textWeights, double[] scale,
                              String rationale, Double adaptedTemperature, Double temperature) {
        public Description {
            if (adaptedTemperature != null && !(adaptedTemperature > 0)) {
                throw new IllegalArgumentException("adaptedTemperature must be > 0, got " + adaptedTemperature);
            }
            if (temperature != null && !(temperature > 0)) {
                throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
            }
        }
    }

    private final Path dir;
    private final Description description;
    private final ModelBundle text;
    private final ModelBundle acoustic;
    private final ModalityWeightedFusion model;

    private CompositeBundle(Path dir, Description description, ModelBundle text, ModelBundle acoustic) {
        this.dir = dir;
        this.description = description;
        this.text = text;
        this.acoustic = acoustic;
        this.model = new ModalityWeightedFusion(text.model(), acoustic.model(), description.textWeights(), description.scale(),
                temperature());
    }

    public static boolean isComposite(Path dir) {
        return Files.isRegularFile(dir.resolve(DESCRIPTION));
    }

    public static CompositeBundle load(Path dir) throws IOException {
        return load(dir, null);
    }

    /** {@code device} null = the engine's default. */
    public static CompositeBundle load(Path dir, ai.djl.Device device) throws IOException {
        Path file = dir.resolve(DESCRIPTION);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(dir.toString(), null, "not a composite model (no " + DESCRIPTION + ")");
        }
        Description d = ModelBundle.json().readValue(file.toFile(), Description.class);
        if (d.format() != 1) {
            throw new IOException(file + ": composite format " + d.format() + ", this emofuse reads 1");
        }
        ModelBundle t = ModelBundle.load(dir.resolve(d.text()), device);
        try {
            ModelBundle a = ModelBundle.load(dir.resolve(d.acoustic()), device);
            if (t.textInput().isEmpty() || a.acousticInput().isEmpty()) {
                a.close();
                throw new IOException(file + ": '" + d.text() + "' must be a text bundle and '" + d.acoustic()
                        + "' an acoustic one");
            }
            return new CompositeBundle(dir, d, t, a);
        } catch (IOException | RuntimeException e) {
            t.close();
            throw e;
        }
    }

    public Path directory() {
        return dir;
    }

    public Description description() {
        return description;
    }

    @Override
    public ModalityWeightedFusion model() {
        return model;
    }

    @Override
    public Optional<TextInput> textInput() {
        return text.textInput();
    }

    @Override
    public Optional<AcousticInput> acousticInput() {
        return acoustic.acousticInput();
    }

    /** The acoustic part's training population statistics; see {@link ModelBundle#acousticPopulation()}. */
    @Override
    public Optional<io.emofuse.fusion.nn.Normaliser> acousticPopulation() {
        return acoustic.acousticPopulation();
    }

    /** The acoustic bundle's categories (the text bundle has none). */
    @Override
    public List<String> categories() {
        return acoustic.description().categories();
    }

    @Override
    public boolean modalitiesOptional() {
        return true;
    }

    @Override
    public double adaptedTemperature() {
        return description.adaptedTemperature() == null ? 1.0 : description.adaptedTemperature();
    }

    @Override
    public double temperature() {
        return description.temperature() == null ? 1.0 : description.temperature();
    }

    @Override
    public double uncertainBelow() {
        return LoadedModel.uncertainBelow(dir.resolve(DESCRIPTION));
    }

    @Override
    public String kind() {
        return "composite";
    }

    @Override
    public void close() {
        text.close();
        acoustic.close();
    }
}
