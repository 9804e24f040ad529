package io.emofuse.analysis;

import io.emofuse.acoustic.FeatureExtractor;
import io.emofuse.acoustic.audio.Audio;
import io.emofuse.fusion.Emotion;
import io.emofuse.fusion.FusionModel;
import io.emofuse.fusion.Modalities;
import io.emofuse.fusion.bundle.LoadedModel;
import io.emofuse.fusion.input.AcousticInput;
import io.emofuse.fusion.input.InputEncoding;
import io.emofuse.fusion.input.SpeakerAdaptation;
import io.emofuse.fusion.input.TextInput;
import io.emofuse.fusion.nn.Emotions;
import io.emofuse.fusion.nn.Normaliser;
import io.emofuse.linguistic.TextEmbedder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A loaded emotion model bundle and how to build its input rows from audio and text exactly as
 * training did (functionals or segment-averaged LLDs; pooled or padded token vectors).
 */
public final class EmotionModel implements AutoCloseable {

    private final String name;
    private final Path source;
    private final FusionModel model;
    private final AcousticInput acoustic;
    private final TextInput text;
    private final List<String> categories;
    private final String strategy;
    private final AutoCloseable owner;
    /** True for a model that scores whichever modalities are present (the composite default). */
    private final boolean modalitiesOptional;
    /** Training population statistics of the acoustic row, for speaker adaptation; null when not applicable. */
    private Normaliser acousticPopulation;
    /** Category temperature for speaker-adapted acoustic rows (LoadedModel#adaptedTemperature). */
    private double adaptedTemperature = 1.0;
    /** Category temperature the model itself applies to every row (LoadedModel#temperature). */
    private double temperature = 1.0;

    /** The category temperature of {@link #predictAdapted} (1: none). */
    double adaptedTemperature() {
        return adaptedTemperature;
    }

    /** The category temperature of {@link #predict} (1: none). */
    double temperature() {
        return temperature;
    }

    private EmotionModel(String name, Path source, FusionModel model, AcousticInput acoustic, TextInput text,
                         List<String> categories, String strategy, AutoCloseable owner) {
        this(name, source, model, acoustic, text, categories, strategy, owner, false);
    }

    private EmotionModel(String name, Path source, FusionModel model, AcousticInput acoustic, TextInput text,
                         List<String> categories, String strategy, AutoCloseable owner, boolean modalitiesOptional) {
        this.modalitiesOptional = modalitiesOptional;
        this.name = name;
        this.source = source;
        this.model = model;
        this.acoustic = acoustic;
        this.text = text;
        this.categories = List.copyOf(categories);
        this.strategy = strategy;
        this.owner = owner;
    }

    /** A trained bundle directory (bundle.json and its parameter files) or a composite of two. */
    public static EmotionModel load(Path dir) throws IOException {
        LoadedModel l = LoadedModel.open(dir, null);
        EmotionModel m = new EmotionModel(dir.toAbsolutePath().normalize().getFileName().toString(), dir, l.model(),
                l.acousticInput().orElse(null), l.textInput().orElse(null), l.categories(), l.kind(), l,
                l.modalitiesOptional());
        m.acousticPopulation = l.acousticPopulation().orElse(null);
        m.adaptedTemperature = l.adaptedTemperature();
        m.temperature = l.temperature();
        return m;
    }

    /** A model built in code (embedding emofuse, tests); either input may be null, not both. */
    public static EmotionModel of(String name, FusionModel model, AcousticInput acoustic, TextInput text,
                                  List<String> categories) {
        if (acoustic == null && text == null) {
            throw new IllegalArgumentException("a model needs at least one input");
        }
        return new EmotionModel(name, Path.of(name), model, acoustic, text, categories, "in-memory", null);
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
        return acoustic == null ? null : acoustic.featureSet();
    }

    /** Text embedder spec the model takes, or null when it ignores text. */
    public String embedder() {
        return text == null ? null : text.embedder();
    }

    public boolean usesAcoustic() {
        return acoustic != null;
    }

    public boolean usesText() {
        return text != null;
    }

    /** True when training z-scored features per speaker, which a server cannot do for an unknown speaker. */
    public boolean speakerNormalised() {
        return acoustic != null && acoustic.speakerNormalised();
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

    /**
     * The model's acoustic row for 16 kHz audio: of its first {@code max_seconds} when the model was
     * trained that way (the bundle records it), else of all of it.
     */
    public float[] acousticRow(FeatureExtractor fx, Audio at16k) {
        if (acoustic.maxSeconds() > 0) {
            at16k = at16k.firstSeconds(acoustic.maxSeconds());
        }
        if (acoustic.kind().equals("lld")) {
            return InputEncoding.segmentMeans(fx.lld(at16k), acoustic.steps(), fx.lldNames().size());
        }
        return InputEncoding.vector(fx.functionals(at16k));
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
        if (text.kind().equals("sequence")) {
            return InputEncoding.padded(te.sequence(words), text.steps(), te.dimension());
        }
        return te.embed(words);
    }

    public Emotion predict(float[] acousticRow, float[] textRow) {
        return model.predict(acousticRow, textRow);
    }

    /**
     * As {@link #predict(float[], float[])} for an acoustic row that SpeakerAdaptation normalised:
     * the category probabilities get the model's adapted temperature (online normalisation makes the
     * model under-confident; the default's card measures it).
     */
    public Emotion predictAdapted(float[] acousticRow, float[] textRow) {
        // Temperatures compose by multiplication (softmax's normaliser is a constant shift of log p),
        // so the model's own one is replaced by the adapted one, not stacked on it.
        return Emotions.withTemperature(model.predict(acousticRow, textRow), adaptedTemperature / temperature);
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
