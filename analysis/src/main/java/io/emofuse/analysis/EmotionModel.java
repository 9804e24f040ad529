package io.emofuse.analysis;

import ai.djl.Device;
import io.emofuse.acoustic.FeatureExtractor;
import io.emofuse.acoustic.audio.Audio;
import io.emofuse.fusion.Emotion;
import io.emofuse.fusion.FusionModel;
import io.emofuse.fusion.Modalities;
import io.emofuse.fusion.bundle.LoadedModel;
import io.emofuse.fusion.input.AcousticInput;
import io.emofuse.fusion.input.InputEncoder;
import io.emofuse.fusion.input.SpeakerAdaptation;
import io.emofuse.fusion.input.TextInput;
import io.emofuse.fusion.nn.Emotions;
import io.emofuse.fusion.nn.Normaliser;
import io.emofuse.linguistic.TextEmbedder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A loaded emotion model bundle and the {@link InputEncoder} its bundle describes, which builds
 * its rows exactly as training did. Immutable; predicting is thread-safe as the fusion model is.
 */
public final class EmotionModel implements AutoCloseable {

    private final String name;
    private final Path source;
    private final FusionModel model;
    private final InputEncoder encoder;
    private final List<String> categories;
    private final String strategy;
    private final AutoCloseable owner;
    /** True for a model that scores whichever modalities are present (the composite default). */
    private final boolean modalitiesOptional;
    /** Training population statistics of the acoustic row, for speaker adaptation; null when not applicable. */
    private final Normaliser acousticPopulation;
    /** Category temperature for speaker-adapted acoustic rows (LoadedModel#adaptedTemperature). */
    private final double adaptedTemperature;
    /** Category temperature the model itself applies to every row (LoadedModel#temperature). */
    private final double temperature;
    /** Probability below which a category is marked uncertain (LoadedModel#uncertainBelow); NaN: none. */
    private final double uncertainBelow;

    private EmotionModel(String name, Path source, FusionModel model, InputEncoder encoder, List<String> categories,
                         String strategy, AutoCloseable owner, boolean modalitiesOptional, Normaliser acousticPopulation,
                         double adaptedTemperature, double temperature, double uncertainBelow) {
        this.name = name;
        this.source = source;
        this.model = model;
        this.encoder = encoder;
        this.categories = List.copyOf(categories);
        this.strategy = strategy;
        this.owner = owner;
        this.modalitiesOptional = modalitiesOptional;
        this.acousticPopulation = acousticPopulation;
        this.adaptedTemperature = adaptedTemperature;
        this.temperature = temperature;
        this.uncertainBelow = uncertainBelow;
    }

    /** The probability below which this model's category is marked uncertain; NaN when it states none. */
    public double uncertainBelow() {
        return uncertainBelow;
    }

    /** The category temperature of {@link #predictAdapted} (1: none). */
    double adaptedTemperature() {
        return adaptedTemperature;
    }

    /** The category temperature of {@link #predict} (1: none). */
    double temperature() {
        return temperature;
    }

    /** A trained bundle directory (bundle.json and its parameter files) or a composite of two. */
    public static EmotionModel load(Path dir) throws IOException {
        return load(dir, null);
    }

    /** As {@link #load(Path)} on {@code device} (null: the engine's default, a GPU when one is visible). */
    public static EmotionModel load(Path dir, Device device) throws IOException {
        LoadedModel l = LoadedModel.open(dir, device);
        return new EmotionModel(dir.toAbsolutePath().normalize().getFileName().toString(), dir, l.model(), l.encoder(),
                l.categories(), l.kind(), l, l.modalitiesOptional(), l.acousticPopulation().orElse(null),
                l.adaptedTemperature(), l.temperature(), l.uncertainBelow());
    }

    /** A model built in code (embedding emofuse, tests); either input may be null, not both. */
    public static EmotionModel of(String name, FusionModel model, AcousticInput acoustic, TextInput text,
                                  List<String> categories) {
        return new EmotionModel(name, Path.of(name), model, new InputEncoder(acoustic, text), categories, "in-memory",
                null, false, null, 1.0, 1.0, Double.NaN);
    }

    /** The bundle directory's name. */
    public String name() {
        return name;
    }

    public Path source() {
        return source;
    }

    /** Acoustic feature set the model takes, or null when it ignores audio. */
    public String featureSet() {
        return encoder.usesAcoustic() ? encoder.acoustic().featureSet() : null;
    }

    /** Text embedder spec the model takes, or null when it ignores text. */
    public String embedder() {
        return encoder.usesText() ? encoder.text().embedder() : null;
    }

    public boolean usesAcoustic() {
        return encoder.usesAcoustic();
    }

    public boolean usesText() {
        return encoder.usesText();
    }

    /** How this model's rows are built (the same object training used). */
    public InputEncoder encoder() {
        return encoder;
    }

    /** True when training z-scored features per speaker, which a server cannot do for an unknown speaker. */
    public boolean speakerNormalised() {
        return encoder.usesAcoustic() && encoder.acoustic().speakerNormalised();
    }

    public List<String> categories() {
        return categories;
    }

    /**
     * A fresh online per-speaker normalisation for one speaker's utterances (a stream, or one
     * speaker's turns in a dialogue), or null when the model has no population statistics to
     * start from (text-only, sequence input, or trained on per-speaker statistics).
     */
    public SpeakerAdaptation newSpeakerAdaptation() {
        return acousticPopulation == null ? null
                : new SpeakerAdaptation(acousticPopulation, SpeakerAdaptation.DEFAULT_PRIOR_WEIGHT);
    }

    public String strategy() {
        return strategy;
    }

    /** The model's acoustic row for 16 kHz audio ({@link InputEncoder#acousticRow}). */
    public float[] acousticRow(FeatureExtractor fx, Audio at16k) {
        return encoder.acousticRow(fx, at16k);
    }

    /** True when missing audio or text is scored from the other modality rather than refused. */
    public boolean modalitiesOptional() {
        return modalitiesOptional;
    }

    /** The model's text row; null for blank text when the model scores without text. */
    public float[] textRow(TextEmbedder te, String words) {
        if (modalitiesOptional && !Modalities.hasWords(words)) {
            return null;
        }
        return encoder.textRow(te, words);
    }

    /** The model's prediction, its category marked against the model's threshold ({@link Emotion#uncertain}). */
    public Emotion predict(float[] acousticRow, float[] textRow) {
        return model.predict(acousticRow, textRow).markedAgainst(uncertainBelow);
    }

    /**
     * As {@link #predict(float[], float[])} for an acoustic row that SpeakerAdaptation normalised:
     * the category probabilities get the model's adapted temperature (online normalisation makes the
     * model under-confident; the default's card measures it).
     */
    public Emotion predictAdapted(float[] acousticRow, float[] textRow) {
        // Temperatures compose by multiplication (softmax's normaliser is a constant shift of log p),
        // so the model's own one is replaced by the adapted one, not stacked on it.
        return Emotions.withTemperature(model.predict(acousticRow, textRow), adaptedTemperature / temperature)
                .markedAgainst(uncertainBelow);
    }

    @Override
    public void close() {
        if (owner != null) {
            try {
                owner.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing model " + name, e);
            }
        }
    }
}
