package io.emofuse.fusion.bundle;

import ai.djl.Device;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.emofuse.fusion.FusionModel;
import io.emofuse.fusion.FusionStrategy;
import io.emofuse.fusion.LateFusionModel;
import io.emofuse.fusion.NeuralFusionModel;
import io.emofuse.fusion.classical.ClassicalModel;
import io.emofuse.fusion.classical.Classifier;
import io.emofuse.fusion.classical.ForestClassifier;
import io.emofuse.fusion.classical.SvmClassifier;
import io.emofuse.fusion.input.AcousticInput;
import io.emofuse.fusion.input.TextInput;
import io.emofuse.fusion.late.SecondStage;
import io.emofuse.fusion.nn.Devices;
import io.emofuse.fusion.nn.NetworkPredictor;
import io.emofuse.linguistic.models.OfflineGuard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A trained model on disk and in memory. A bundle directory holds:
 * <pre>
 *   bundle.json        {@link BundleDescription}: strategy, inputs (feature set, embedder), label scaler,
 *                      networks (spec, normalisers, parameter file), late-fusion stage kind, provenance
 *   *.params           DJL parameters of each network
 *   svr-*.model | linear-stage.json   the late-fusion second stage, when there is one
 *   svm.model | forest.tribuo          a classical classifier (model.type svm | random_forest) instead of networks
 *   config.yaml, metrics.json         written by training, for people (not read back)
 * </pre>
 * Usage: {@code try (ModelBundle b = ModelBundle.load(dir)) { b.model().predict(acoustic, text); }}
 * where the acoustic row comes from {@link #acousticInput()}'s feature set and the text row from
 * {@link #textInput()}'s embedder (see {@link io.emofuse.fusion.input.InputEncoding}).
 */
public final class ModelBundle implements LoadedModel {

    static {
        OfflineGuard.enforce();
    }

    public static final String DESCRIPTION = "bundle.json";

    private final Path dir;
    private final BundleDescription description;
    private final FusionModel model;

    private ModelBundle(Path dir, BundleDescription description, FusionModel model) {
        this.dir = dir;
        this.description = description;
        this.model = model;
    }

    public static ObjectMapper json() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Loads on the engine's default device (a GPU when present). */
    public static ModelBundle load(Path dir) throws IOException {
        return load(dir, Devices.choose(null));
    }

    /** {@code device} null = the engine's default. */
    public static ModelBundle load(Path dir, Device device) throws IOException {
        if (device == null) {
            return load(dir);
        }
        Path file = dir.resolve(DESCRIPTION);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(dir.toString(), null, "not a model bundle (no " + DESCRIPTION + ")");
        }
        BundleDescription d;
        try {
            d = json().readValue(file.toFile(), BundleDescription.class);
        } catch (IOException e) {
            throw new IOException(file + ": unreadable bundle description: " + e.getMessage(), e);
        }
        if (d.format() != BundleDescription.FORMAT) {
            throw new IOException(file + ": bundle format " + d.format() + ", this emofuse reads " + BundleDescription.FORMAT);
        }
        FusionModel model;
        if (d.classifier() != null) {
            model = classical(dir, d);
        } else if (d.strategy() == FusionStrategy.LATE) {
            NetworkPredictor a = network(dir, d, "acoustic", device);
            NetworkPredictor t = network(dir, d, "text", device);
            model = new LateFusionModel(a, t, SecondStage.load(d.secondStage(), dir), d.labelScaler(), d.categories());
        } else {
            // an ensemble (training.ensemble) stores its members as main, main-2, main-3, ...
            List<NetworkPredictor> members = new ArrayList<>();
            members.add(network(dir, d, ensembleMember(1), device));
            for (int m = 2; d.networks().containsKey(ensembleMember(m)); m++) {
                members.add(network(dir, d, ensembleMember(m), device));
            }
            model = new NeuralFusionModel(members, d.labelScaler(), d.categories());
        }
        return new ModelBundle(dir, d, model);
    }

    private static ClassicalModel classical(Path dir, BundleDescription d) throws IOException {
        ClassifierEntry c = d.classifier();
        Classifier classifier = switch (c.kind()) {
            case "svm" -> SvmClassifier.load(dir, d.categories().size(), c.provenance());
            case "random_forest" -> ForestClassifier.load(dir, d.categories(), c.features());
            default -> throw new IOException(dir.resolve(DESCRIPTION) + ": unknown classifier '" + c.kind() + "'");
        };
        return new ClassicalModel(d.strategy(), c.acousticNormaliser(), c.textNormaliser(), c.blockScales(), classifier,
                d.categories());
    }

    /**
     * Writes a classical classifier's bundle: its model file, {@code bundle.json} (with the
     * {@link ClassifierEntry} filled in here) and, for Tribuo, its provenance as text
     * ({@code provenance.txt}, for people).
     */
    public static void writeClassical(Path dir, BundleDescription d, ClassicalModel m) throws IOException {
        Files.createDirectories(dir);
        Classifier c = m.classifier();
        c.save(dir);
        int features = (m.acousticNormaliser() == null ? 0 : m.acousticNormaliser().mean().length)
                + (m.textNormaliser() == null ? 0 : m.textNormaliser().mean().length);
        ClassifierEntry entry = new ClassifierEntry(c.kind(), c.file(), m.acousticNormaliser(), m.textNormaliser(),
                m.blockScales(), features, c.provenance());
        if (c instanceof ForestClassifier f) {
            Files.writeString(dir.resolve("provenance.txt"), f.provenanceText());
        }
        BundleDescription full = new BundleDescription(d.format(), d.strategy(), d.acousticInput(), d.textInput(),
                m.categories(), null, Map.of(), null, d.provenance(), entry);
        json().writeValue(dir.resolve(DESCRIPTION).toFile(), full);
    }

    /** The bundle name of an ensemble's {@code m}-th network (1-based; the first is {@code main}). */
    public static String ensembleMember(int m) {
        return m == 1 ? "main" : "main-" + m;
    }

    private static NetworkPredictor network(Path dir, BundleDescription d, String name, Device device) throws IOException {
        NetworkEntry e = d.networks().get(name);
        if (e == null) {
            throw new IOException(dir.resolve(DESCRIPTION) + ": no network '" + name + "' for strategy " + d.strategy().id());
        }
        Path params = dir.resolve(e.parameters());
        if (!Files.isRegularFile(params)) {
            throw new NoSuchFileException(params.toString(), null, "network parameters missing from the bundle");
        }
        return NetworkPredictor.load(params, e.spec(), e.acousticNormaliser(), e.textNormaliser(), device);
    }

    /**
     * Writes a bundle: the networks' parameters ({@code NAME.params}), the second stage if any, and
     * {@code bundle.json} (whose network entries are filled in here).
     */
    public static void write(Path dir, BundleDescription d, Map<String, NetworkPredictor> networks, SecondStage stage)
            throws IOException {
        Files.createDirectories(dir);
        Map<String, NetworkEntry> entries = new LinkedHashMap<>();
        for (Map.Entry<String, NetworkPredictor> n : networks.entrySet()) {
            String file = n.getKey() + ".params";
            n.getValue().saveParameters(dir.resolve(file));
            entries.put(n.getKey(), new NetworkEntry(n.getValue().spec(), n.getValue().acousticNormaliser(),
                    n.getValue().textNormaliser(), file));
        }
        if (stage != null) {
            stage.save(dir);
        }
        BundleDescription full = new BundleDescription(d.format(), d.strategy(), d.acousticInput(), d.textInput(),
                d.categories(), d.labelScaler(), entries, stage == null ? null : stage.kind(), d.provenance());
        json().writeValue(dir.resolve(DESCRIPTION).toFile(), full);
    }

    public Path directory() {
        return dir;
    }

    public BundleDescription description() {
        return description;
    }

    @Override
    public FusionModel model() {
        return model;
    }

    @Override
    public List<String> categories() {
        return description.categories();
    }

    @Override
    public boolean modalitiesOptional() {
        return false;
    }

    @Override
    public double uncertainBelow() {
        return LoadedModel.uncertainBelow(dir.resolve(DESCRIPTION));
    }

    @Override
    public String kind() {
        return String.valueOf(description.strategy());
    }

    /** The acoustic features the model takes; empty for a text-only model. */
    @Override
    public Optional<AcousticInput> acousticInput() {
        return Optional.ofNullable(description.acousticInput());
    }

    /**
     * The training population's statistics of the acoustic rows (the acoustic normaliser of the
     * bundle's networks) for a model on utterance functionals; empty for a text-only model, a
     * sequence model, or one trained on per-speaker statistics.
     */
    @Override
    public Optional<io.emofuse.fusion.nn.Normaliser> acousticPopulation() {
        AcousticInput in = description.acousticInput();
        if (in == null || in.speakerNormalised() || !in.kind().equals("functionals")) {
            return Optional.empty();
        }
        if (description.classifier() != null) {
            return Optional.ofNullable(description.classifier().acousticNormaliser());
        }
        return description.networks().values().stream().map(NetworkEntry::acousticNormaliser)
                .filter(java.util.Objects::nonNull).findFirst();
    }

    /** The text embedding the model takes; empty for an acoustic-only model. */
    @Override
    public Optional<TextInput> textInput() {
        return Optional.ofNullable(description.textInput());
    }

    @Override
    public void close() {
        if (model instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
