package io.emofuse.fusion.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import io.emofuse.fusion.FusionStrategy;
import io.emofuse.fusion.NeuralFusionModel;
import io.emofuse.fusion.nn.BlockScaling;
import io.emofuse.fusion.nn.BranchSpec;
import io.emofuse.fusion.nn.Devices;
import io.emofuse.fusion.nn.FusionNetwork;
import io.emofuse.fusion.nn.InputShape;
import io.emofuse.fusion.nn.NetworkPredictor;
import io.emofuse.fusion.nn.NetworkSpec;
import io.emofuse.fusion.nn.Normaliser;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The early fusion's block scaling is part of the network a bundle rebuilds: a loaded bundle applies
 * the factors recorded at training, and a bundle written before the option (no key) keeps the
 * unscaled input.
 */
class EarlyScalingBundleTest {

    static final int DA = 2;
    static final int DT = 6;

    static NetworkSpec spec(String scaling) {
        return new NetworkSpec(FusionStrategy.EARLY, InputShape.vector(DA), InputShape.vector(DT), BranchSpec.dense(8),
                BranchSpec.dense(8), List.of(8), List.of(), 4, null, false, scaling);
    }

    /** Mean 0, sd 1: the network sees the raw rows, so a scaled input can be made by hand. */
    static Normaliser identity(int d) {
        double[] one = new double[d];
        Arrays.fill(one, 1);
        return new Normaliser(new double[d], one);
    }

    static NetworkPredictor network(NetworkSpec spec) {
        FusionNetwork net = new FusionNetwork(spec);
        Model model = Model.newInstance("early", Devices.choose("cpu"));
        model.setBlock(net);
        net.initialize(model.getNDManager(), DataType.FLOAT32, net.inputShapes(2));
        return new NetworkPredictor(model, identity(DA), identity(DT));
    }

    static float[][] times(float[][] x, double f) {
        float[][] out = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = new float[x[i].length];
            for (int k = 0; k < x[i].length; k++) {
                out[i][k] = (float) (x[i][k] * f);
            }
        }
        return out;
    }

    @Test
    void servedBundleScalesTheBlocksAsTrainingDid(@TempDir Path dir) throws Exception {
        NetworkPredictor scaled = network(spec(BlockScaling.EQUAL_VARIANCE));
        NeuralFusionModel model = new NeuralFusionModel(scaled, ModelBundleTest.SCALER, ModelBundleTest.CLASSES);
        ModelBundle.write(dir.resolve("new"), ModelBundleTest.description(FusionStrategy.EARLY), Map.of("main", scaled), null);
        float[][] a = ModelBundleTest.rows(5, DA, 1);
        float[][] t = ModelBundleTest.rows(5, DT, 2);
        // the same parameters in an unscaled network, fed the blocks times sqrt(8/4) and sqrt(8/12)
        Path params = dir.resolve("p.params");
        scaled.saveParameters(params);
        try (NetworkPredictor plain = NetworkPredictor.load(params, spec(BlockScaling.NONE), identity(DA), identity(DT),
                Devices.choose("cpu"));
             ModelBundle served = ModelBundle.load(dir.resolve("new"), Devices.choose("cpu"))) {
            NetworkSpec read = served.description().networks().get("main").spec();
            assertEquals("equal_variance", read.earlyScaling());
            ModelBundleTest.assertSame(model, served.model(), a, t);
            double[][] byHand = plain.predict(times(a, Math.sqrt(2)), times(t, Math.sqrt(8.0 / 12))).vad();
            double[][] ours = scaled.predict(a, t).vad();
            double[][] unscaled = plain.predict(a, t).vad();
            for (int i = 0; i < a.length; i++) {
                for (int j = 0; j < 3; j++) {
                    assertEquals(byHand[i][j], ours[i][j], 1e-5);
                }
            }
            assertFalse(Arrays.deepEquals(unscaled, ours), "the scaling must change what the network sees");
        }
        model.close();
    }

    @Test
    void bundleWithoutTheKeyKeepsTheUnscaledInput(@TempDir Path dir) throws Exception {
        NetworkPredictor plain = network(spec(BlockScaling.NONE));
        NeuralFusionModel model = new NeuralFusionModel(plain, ModelBundleTest.SCALER, ModelBundleTest.CLASSES);
        ModelBundle.write(dir, ModelBundleTest.description(FusionStrategy.EARLY), Map.of("main", plain), null);
        Path json = dir.resolve(ModelBundle.DESCRIPTION);
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) ModelBundle.json().readTree(json.toFile());
        var spec = (com.fasterxml.jackson.databind.node.ObjectNode) tree.get("networks").get("main").get("spec");
        assertEquals("none", spec.get("earlyScaling").asText());
        spec.remove("earlyScaling"); // as written before the option existed
        ModelBundle.json().writeValue(json.toFile(), tree);
        try (ModelBundle b = ModelBundle.load(dir, Devices.choose("cpu"))) {
            assertEquals("none", b.description().networks().get("main").spec().earlyScaling());
            ModelBundleTest.assertSame(model, b.model(), ModelBundleTest.rows(4, DA, 3), ModelBundleTest.rows(4, DT, 4));
        }
        model.close();
    }

    @Test
    void otherStrategiesWriteNoKey(@TempDir Path dir) throws Exception {
        NetworkPredictor n = ModelBundleTest.network(FusionStrategy.CONCAT, BranchSpec.dense(8), 4);
        ModelBundle.write(dir, ModelBundleTest.description(FusionStrategy.CONCAT), Map.of("main", n), null);
        var spec = ModelBundle.json().readTree(dir.resolve(ModelBundle.DESCRIPTION).toFile()).get("networks").get("main").get("spec");
        assertTrue(spec.has("binaryHeads") && !spec.has("earlyScaling"), spec.toString());
        assertFalse(ModelBundle.json().readTree(dir.resolve(ModelBundle.DESCRIPTION).toFile()).has("classifier"));
        n.close();
    }
}
