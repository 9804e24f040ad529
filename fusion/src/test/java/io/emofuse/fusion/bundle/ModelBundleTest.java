package io.emofuse.fusion.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import io.emofuse.fusion.Emotion;
import io.emofuse.fusion.FusionModel;
import io.emofuse.fusion.FusionStrategy;
import io.emofuse.fusion.LateFusionModel;
import io.emofuse.fusion.NeuralFusionModel;
import io.emofuse.fusion.input.AcousticInput;
import io.emofuse.fusion.input.TextInput;
import io.emofuse.fusion.late.SecondStage;
import io.emofuse.fusion.nn.BranchSpec;
import io.emofuse.fusion.nn.Devices;
import io.emofuse.fusion.nn.FusionNetwork;
import io.emofuse.fusion.nn.InputShape;
import io.emofuse.fusion.nn.LabelScaler;
import io.emofuse.fusion.nn.NetworkPredictor;
import io.emofuse.fusion.nn.NetworkSpec;
import io.emofuse.fusion.nn.Normaliser;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bundle written and read back predicts exactly what the model in memory predicted. */
class ModelBundleTest {

    static final List<String> CLASSES = List.of("ang", "hap", "neu", "sad");
    static final LabelScaler SCALER = new LabelScaler(new double[] {1, 1, 1}, new double[] {5, 5, 5});

    static NetworkPredictor network(FusionStrategy s, BranchSpec acoustic, int categories) {
        NetworkSpec spec = new NetworkSpec(s, new InputShape(acoustic.recurrent() ? 4 : 1, 6), InputShape.vector(5),
                acoustic, BranchSpec.dense(8), List.of(8), List.of(4), categories);
        FusionNetwork net = new FusionNetwork(spec);
        Model model = Model.newInstance("test", Devices.choose("cpu"));
        model.setBlock(net);
        net.initialize(model.getNDManager(), DataType.FLOAT32, net.inputShapes(2));
        float[][] a = rows(20, spec.acousticInput().length(), 1);
        float[][] t = rows(20, 5, 2);
        return new NetworkPredictor(model, Normaliser.fit(a, 6), Normaliser.fit(t, 5));
    }

    static float[][] rows(int n, int d, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[n][d];
        for (float[] row : x) {
            for (int k = 0; k < d; k++) {
                row[k] = (float) (r.nextGaussian() * 3 + k);
            }
        }
        return x;
    }

    static BundleDescription description(FusionStrategy s) {
        Provenance p = new Provenance("m.csv", "00", 20, "unknown", "2026-01-01T00:00:00Z", Map.of("java", "17"), 42,
                "strategy: x", Map.of());
        return new BundleDescription(BundleDescription.FORMAT, s, new AcousticInput("egemaps", "functionals", 0, false),
                new TextInput("minilm", "pooled", 0), CLASSES, SCALER, Map.of(), null, p);
    }

    static void assertSame(FusionModel a, FusionModel b, float[][] ac, float[][] tx) {
        List<Emotion> x = a.predictAll(ac, tx);
        List<Emotion> y = b.predictAll(ac, tx);
        for (int i = 0; i < x.size(); i++) {
            assertEquals(x.get(i).valence(), y.get(i).valence(), 1e-6);
            assertEquals(x.get(i).arousal(), y.get(i).arousal(), 1e-6);
            assertEquals(x.get(i).dominance(), y.get(i).dominance(), 1e-6);
            assertEquals(x.get(i).category(), y.get(i).category());
            assertEquals(x.get(i).probabilities().keySet(), y.get(i).probabilities().keySet());
            for (String c : x.get(i).probabilities().keySet()) {
                assertEquals(x.get(i).probabilities().get(c), y.get(i).probabilities().get(c), 1e-6);
            }
        }
    }

    @Test
    void hierarchicalWithLstmBranchRoundTrips(@TempDir Path dir) throws Exception {
        NetworkPredictor n = network(FusionStrategy.HIERARCHICAL, new BranchSpec("lstm", List.of(8), 0), 4);
        NeuralFusionModel model = new NeuralFusionModel(n, SCALER, CLASSES);
        ModelBundle.write(dir, description(FusionStrategy.HIERARCHICAL), Map.of("main", n), null);
        float[][] a = rows(3, 24, 9);
        float[][] t = rows(3, 5, 10);
        try (ModelBundle b = ModelBundle.load(dir, Devices.choose("cpu"))) {
            assertSame(model, b.model(), a, t);
            assertEquals("egemaps", b.acousticInput().orElseThrow().featureSet());
            assertEquals("minilm", b.textInput().orElseThrow().embedder());
            Emotion e = b.model().predict(a[0], t[0]);
            assertTrue(e.valence() >= 1 - 4 && e.valence() <= 5 + 4, "scaled back to the label range");
            assertEquals(1.0, e.probabilities().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-5);
        }
        model.close();
    }

    @Test
    void ensembleAveragesItsMembersAndRoundTrips(@TempDir Path dir) throws Exception {
        List<NetworkPredictor> members = List.of(network(FusionStrategy.ACOUSTIC, BranchSpec.dense(8), 4),
                network(FusionStrategy.ACOUSTIC, BranchSpec.dense(8), 4), network(FusionStrategy.ACOUSTIC, BranchSpec.dense(8), 4));
        NeuralFusionModel ensemble = new NeuralFusionModel(members, SCALER, CLASSES);
        float[][] a = rows(5, 6, 11);
        List<Emotion> mean = ensemble.predictAll(a, null);
        List<List<Emotion>> each = members.stream().map(n -> new NeuralFusionModel(n, SCALER, CLASSES).predictAll(a, null)).toList();
        assertTrue(each.get(0).get(0).arousal() != each.get(1).get(0).arousal(), "members initialised differently");
        for (int i = 0; i < a.length; i++) {
            final int row = i;
            assertEquals(each.stream().mapToDouble(e -> e.get(row).arousal()).average().orElseThrow(), mean.get(i).arousal(), 1e-6);
            for (String c : CLASSES) {
                assertEquals(each.stream().mapToDouble(e -> e.get(row).probabilities().get(c)).average().orElseThrow(),
                        mean.get(i).probabilities().get(c), 1e-6);
            }
        }
        Map<String, NetworkPredictor> named = new java.util.LinkedHashMap<>();
        for (int m = 1; m <= members.size(); m++) {
            named.put(ModelBundle.ensembleMember(m), members.get(m - 1));
        }
        ModelBundle.write(dir, description(FusionStrategy.ACOUSTIC), named, null);
        assertTrue(Files.exists(dir.resolve("main-3.params")));
        try (ModelBundle b = ModelBundle.load(dir, Devices.choose("cpu"))) {
            assertSame(ensemble, b.model(), a, null);
        }
        ensemble.close();
    }

    @Test
    void lateFusionWithLinearStageRoundTrips(@TempDir Path dir) throws Exception {
        NetworkPredictor a = network(FusionStrategy.ACOUSTIC, BranchSpec.dense(8), 0);
        NetworkPredictor t = network(FusionStrategy.TEXT, BranchSpec.dense(8), 0);
        double[][] x = new double[30][];
        double[][] y = new double[30][];
        Random r = new Random(3);
        for (int i = 0; i < 30; i++) {
            x[i] = r.doubles(6, -1, 1).toArray();
            y[i] = new double[] {x[i][3], x[i][1], x[i][2]};
        }
        SecondStage stage = SecondStage.fit("linear", x, y);
        LateFusionModel model = new LateFusionModel(a, t, stage, SCALER, List.of());
        BundleDescription d = description(FusionStrategy.LATE);
        d = new BundleDescription(d.format(), d.strategy(), d.acousticInput(), d.textInput(), List.of(), SCALER, Map.of(),
                null, d.provenance());
        ModelBundle.write(dir, d, Map.of("acoustic", a, "text", t), stage);
        assertTrue(Files.exists(dir.resolve("linear-stage.json")));
        try (ModelBundle b = ModelBundle.load(dir, Devices.choose("cpu"))) {
            assertSame(model, b.model(), rows(4, 6, 5), rows(4, 5, 6));
            assertEquals("linear", b.description().secondStage());
        }
        model.close();
    }

    /** A bundle.json written before architectures, binary heads and max_seconds existed still loads. */
    @Test
    void bundleWithoutTheNewerKeysLoadsAsAFusionNetwork(@TempDir Path dir) throws Exception {
        NetworkPredictor n = network(FusionStrategy.CONCAT, BranchSpec.dense(8), 4);
        NeuralFusionModel model = new NeuralFusionModel(n, SCALER, CLASSES);
        ModelBundle.write(dir, description(FusionStrategy.CONCAT), Map.of("main", n), null);
        Path json = dir.resolve(ModelBundle.DESCRIPTION);
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) ModelBundle.json().readTree(json.toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("acousticInput")).remove("maxSeconds");
        var spec = (com.fasterxml.jackson.databind.node.ObjectNode) tree.get("networks").get("main").get("spec");
        assertTrue(spec.has("architecture") && spec.has("binaryHeads"), spec.toString());
        spec.remove("architecture");
        spec.remove("binaryHeads");
        ModelBundle.json().writeValue(json.toFile(), tree);
        try (ModelBundle b = ModelBundle.load(dir, Devices.choose("cpu"))) {
            assertSame(model, b.model(), rows(3, 6, 1), rows(3, 5, 2));
            assertEquals(0.0, b.acousticInput().orElseThrow().maxSeconds());
            assertTrue(b.description().networks().get("main").spec().architecture().isFusion());
        }
        model.close();
    }

    @Test
    void notABundleIsAClearError(@TempDir Path dir) {
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> ModelBundle.load(dir));
        assertTrue(e.getMessage().contains(dir.toString()));
    }
}
