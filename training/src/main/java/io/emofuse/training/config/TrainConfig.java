package io.emofuse.training.config;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.emofuse.acoustic.audio.augment.Augmentation;
import io.emofuse.fusion.FusionStrategy;
import io.emofuse.fusion.input.AcousticInput;
import io.emofuse.fusion.input.TextInput;
import io.emofuse.fusion.nn.ArchitectureSpec;
import io.emofuse.fusion.nn.BranchSpec;
import io.emofuse.fusion.nn.LossSpec;
import io.emofuse.linguistic.TextEmbedders;
import io.emofuse.training.split.SplitSpec;
import io.emofuse.training.train.TrainingSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A training config as written in YAML (snake_case keys; every key optional, defaults below;
 * unknown keys are errors so that typos do not pass silently). See configs/README.md.
 * Mutable binding classes so that Jackson can fill in defaults; {@code *Spec()} methods turn
 * them into the validated records the trainer uses.
 */
public final class TrainConfig {

    public String name;
    public String strategy = "concat";
    public Features features = new Features();
    public Model model = new Model();
    public Loss loss = new Loss();
    public Training training = new Training();
    public Split split = new Split();

    public static final class Features {
        public Acoustic acoustic = new Acoustic();
        public Text text = new Text();
        /** {@code manifest}: the text column (ASR where a row has audio but no text); {@code asr}: always ASR. */
        public String textSource = "manifest";
        /** Feature cache folder; relative paths are against the config file's folder. */
        public String cache = ".emofuse-cache";
        /** Training-time augmentation: each recipe adds an augmented copy of every training row. */
        public List<Augment> augment = List.of();
        /**
         * Copies of the training rows (and of each augmented copy) as a stream or dialogue serves them:
         * each speaker's utterances in a random order, normalised online per speaker
         * (io.emofuse.fusion.input.SpeakerAdaptation), so one network learns both single utterances and
         * speaker-adapted ones. 0: none. Acoustic functionals with population statistics only.
         */
        public int speakerAdaptedCopies = 0;
    }

    /** One augmentation recipe (io.emofuse.acoustic.audio.augment.Augmentation): speed, then pitch, then noise. */
    public static final class Augment {
        public double speed = 1;
        public double semitones = 0;
        /** SNR of added noise in dB; null adds none. */
        public Double snrDb;
        /** Noise recording (relative to the working directory); null: white Gaussian noise. */
        public String noise;

        public Augmentation recipe() {
            if (!(speed > 0)) {
                throw new IllegalArgumentException("features.augment speed must be > 0, got " + speed);
            }
            return new Augmentation(speed, semitones, snrDb == null ? Double.NaN : snrDb, noise == null ? null : Path.of(noise));
        }
    }

    public List<Augmentation> augmentations() {
        return features.augment.stream().map(Augment::recipe).toList();
    }

    public static final class Acoustic {
        public String set = "egemaps";
        public String kind = "functionals";
        public int steps = 0;
        public boolean speakerNormalise = false;
        /** Use only the first N seconds of each utterance (0 = all); `--max-seconds` overrides. */
        public double maxSeconds = 0;
    }

    public static final class Text {
        /** One embedder spec; a YAML list ({@code [bge-small, e5-small]}) is kept joined by '+' (TextEmbedders). */
        public String embedder = "minilm";

        @JsonSetter("embedder")
        void embedder(JsonNode value) {
            if (value.isArray()) {
                List<String> parts = new ArrayList<>();
                value.forEach(v -> parts.add(v.asText().trim()));
                if (parts.isEmpty()) {
                    throw new IllegalArgumentException("features.text.embedder: an empty list; name one embedder or more");
                }
                embedder = String.join(TextEmbedders.CONCAT, parts);
            } else {
                embedder = value.asText();
            }
        }
        public String kind = "pooled";
        public int steps = 0;
    }

    public static final class Branch {
        public String type = "dense";
        public List<Integer> hidden = List.of(64);
        public double dropout = 0.2;

        public BranchSpec spec() {
            return new BranchSpec(type, hidden, dropout);
        }
    }

    /** Layer sizes of a seed architecture; 0 / empty = the paper's (or our documented) default. */
    public static final class Layers {
        public List<Integer> hidden = List.of();
        public List<Integer> dense = List.of();
        public int filters = 0;
        public int kernel = 0;
        public double dropout = 0;
    }

    public static final class Model {
        /**
         * network (the default: trained by gradient descent, see architecture) | svm | random_forest:
         * a classical category classifier on the strategy's input row (acoustic, text, or early's
         * concatenation), needs category_head: true (docs/seeds.md).
         */
        public String type = "network";
        public Svm svm = new Svm();
        public Forest forest = new Forest();
        /** fusion (the strategy's branches) | mt_a_dnn | cnn | stacked_lstm (docs/seeds.md). */
        public String architecture = "fusion";
        public Layers layers = new Layers();
        /** Binary valence and activation heads, their targets derived from the category (BinaryAffect). */
        public boolean binaryHeads = false;
        public Branch acoustic = new Branch();
        public Branch text = new Branch();
        public List<Integer> fusion = List.of(64);
        public List<Integer> shared = List.of();
        public boolean categoryHead = false;
        public Late late = new Late();
        /**
         * Early fusion only: how the z-scored acoustic and text blocks are weighed in the concatenated
         * input (io.emofuse.fusion.nn.BlockScaling): equal_variance (each block the same total
         * variance) or none (as z-scored; bundles from before the option).
         */
        public String earlyScaling = "equal_variance";

        public ArchitectureSpec architectureSpec() {
            return new ArchitectureSpec(architecture, layers.hidden, layers.dense, layers.filters, layers.kernel,
                    layers.dropout).withDefaults();
        }
    }

    /** LIBSVM C-SVC, RBF kernel (model.type: svm). */
    public static final class Svm {
        public double c = 10;
        /** RBF γ; 0 = 1 / number of features (LIBSVM's default). */
        public double gamma = 0;
    }

    /** Tribuo random forest of CART trees (model.type: random_forest). */
    public static final class Forest {
        public int trees = 100;
        /** 0 = no depth limit (Tribuo stops at a minimum child weight of 5). */
        public int maxDepth = 0;
        /** Share of the features tried at each split; 0 = √d / d. */
        public double featureFraction = 0;
    }

    public boolean classical() {
        return !model.type.equals("network");
    }

    public static final class Late {
        /** svr, linear or mean. */
        public String stage = "svr";
        /** Folds for the out-of-fold predictions the second stage is trained on. */
        public int innerFolds = 5;
        /**
         * Map the stage's outputs to the training targets' mean and spread (SpreadMatchedStage): a
         * regression stage shrinks weak predictions towards the mean, which costs CCC.
         */
        public boolean matchSpread = true;
    }

    public static final class Loss {
        public String kind = "ccc";
        public double alpha = 1;
        public double beta = 1;
        /** null (YAML {@code gamma: null}) → γ = 1 − α − β. */
        public Double gamma = 1.0;
        public double categoryWeight = 1;
        /** Cross-entropy weights of the binary valence / activation heads (model.binary_heads). */
        public double valenceClassWeight = 1;
        public double activationClassWeight = 1;

        public LossSpec spec() {
            return new LossSpec(kind, alpha, beta, gamma, categoryWeight, valenceClassWeight, activationClassWeight);
        }
    }

    public static final class Training {
        public String optimizer = "adam";
        public double learningRate = 1e-3;
        public int batchSize = 32;
        public int epochs = 100;
        public int patience = 15;
        public long seed = 42;
        public String device = "auto";
        /** Share of training speakers (or rows) held out for early stopping when the split gives no dev set. */
        public double devFraction = 0.15;
        /** Networks trained with seeds seed, seed+1, ... whose predictions are averaged (1: a single network). */
        public int ensemble = 1;

        public TrainingSettings settings() {
            return new TrainingSettings(optimizer, learningRate, batchSize, epochs, patience, seed, device);
        }
    }

    public static final class Split {
        public String kind = "speaker";
        public int folds = 0;
        public double testFraction = 0.2;
        public long seed = 42;

        public SplitSpec spec() {
            return new SplitSpec(kind, folds, testFraction, seed);
        }
    }

    public FusionStrategy strategyValue() {
        return FusionStrategy.fromId(strategy);
    }

    public AcousticInput acousticInput() {
        return strategyValue().usesAcoustic()
                ? new AcousticInput(features.acoustic.set, features.acoustic.kind, features.acoustic.steps,
                        features.acoustic.speakerNormalise, features.acoustic.maxSeconds)
                : null;
    }

    public TextInput textInput() {
        return strategyValue().usesText()
                ? new TextInput(features.text.embedder, features.text.kind, features.text.steps) : null;
    }

    public String displayName() {
        return name != null ? name : strategy;
    }

    public static ObjectMapper yaml() {
        return new ObjectMapper(new YAMLFactory()).setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Reads and validates a config; errors name the file and the problem. */
    public static TrainConfig load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "config not found");
        }
        TrainConfig c;
        try {
            c = yaml().readValue(file.toFile(), TrainConfig.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage().lines().findFirst().orElse("unreadable YAML"));
        }
        if (c == null) {
            throw new IllegalArgumentException(file + ": empty config");
        }
        try {
            c.validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
        return c;
    }

    /** Builds every spec once so a bad value fails before any work starts. */
    public void validate() {
        strategyValue();
        acousticInput();
        textInput();
        model.acoustic.spec();
        model.text.spec();
        augmentations();
        if (!features.augment.isEmpty() && !strategyValue().usesAcoustic()) {
            throw new IllegalArgumentException("features.augment changes audio; the text strategy uses none");
        }
        if (training.ensemble < 1 || training.ensemble > 16) {
            throw new IllegalArgumentException("training.ensemble must be 1..16 networks, got " + training.ensemble);
        }
        if (training.ensemble > 1 && strategyValue() == FusionStrategy.LATE) {
            throw new IllegalArgumentException("training.ensemble averages single-network models; the late strategy has two networks and a second stage");
        }
        if (features.speakerAdaptedCopies < 0) {
            throw new IllegalArgumentException("features.speaker_adapted_copies must be >= 0, got " + features.speakerAdaptedCopies);
        }
        if (features.speakerAdaptedCopies > 0 && (!strategyValue().usesAcoustic()
                || !features.acoustic.kind.equals("functionals") || features.acoustic.speakerNormalise)) {
            throw new IllegalArgumentException("features.speaker_adapted_copies needs acoustic functionals with "
                    + "speaker_normalise: false (it simulates the server's online per-speaker normalisation)");
        }
        ArchitectureSpec arch = model.architectureSpec();
        if (!arch.isFusion() && strategyValue() != FusionStrategy.ACOUSTIC) {
            throw new IllegalArgumentException("model.architecture " + arch.type() + " takes acoustic features only; set strategy: acoustic");
        }
        if (model.binaryHeads && !model.categoryHead) {
            throw new IllegalArgumentException("model.binary_heads needs model.category_head: true (their labels come from the category)");
        }
        loss.spec();
        training.settings();
        split.spec();
        if (!List.of("manifest", "asr").contains(features.textSource)) {
            throw new IllegalArgumentException("features.text_source must be manifest or asr, got '" + features.textSource + "'");
        }
        if (!List.of("svr", "linear", "mean").contains(model.late.stage)) {
            throw new IllegalArgumentException("model.late.stage must be svr, linear or mean, got '" + model.late.stage + "'");
        }
        io.emofuse.fusion.nn.BlockScaling.mode(model.earlyScaling);
        if (!List.of("network", "svm", "random_forest").contains(model.type)) {
            throw new IllegalArgumentException("model.type must be network, svm or random_forest, got '" + model.type + "'");
        }
        if (classical()) {
            FusionStrategy s = strategyValue();
            if (s != FusionStrategy.ACOUSTIC && s != FusionStrategy.TEXT && s != FusionStrategy.EARLY) {
                throw new IllegalArgumentException("model.type " + model.type + " learns from one input row: strategy acoustic, text or early, not " + s.id());
            }
            if (!model.categoryHead) {
                throw new IllegalArgumentException("model.type " + model.type + " is a category classifier: set model.category_head: true");
            }
            if (!arch.isFusion() || model.binaryHeads) {
                throw new IllegalArgumentException("model.type " + model.type + " has no network: leave model.architecture and model.binary_heads out");
            }
            if ((s.usesAcoustic() && features.acoustic.kind.equals("lld")) || (s.usesText() && features.text.kind.equals("sequence"))) {
                throw new IllegalArgumentException("model.type " + model.type + " takes vectors: acoustic kind functionals, text kind pooled");
            }
            if (!features.augment.isEmpty() || features.speakerAdaptedCopies > 0) {
                throw new IllegalArgumentException("model.type " + model.type + " learns from the rows as they are: leave features.augment and speaker_adapted_copies out");
            }
            if (!(model.svm.c > 0) || model.svm.gamma < 0) {
                throw new IllegalArgumentException("model.svm needs c > 0 and gamma >= 0 (0 = 1 / features)");
            }
            if (model.forest.trees < 1 || model.forest.maxDepth < 0 || model.forest.featureFraction < 0 || model.forest.featureFraction > 1) {
                throw new IllegalArgumentException("model.forest needs trees >= 1, max_depth >= 0, 0 <= feature_fraction <= 1");
            }
        }
        if (model.late.innerFolds < 2) {
            throw new IllegalArgumentException("model.late.inner_folds must be >= 2, got " + model.late.innerFolds);
        }
    }

    public String toYaml() {
        try {
            return yaml().writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
