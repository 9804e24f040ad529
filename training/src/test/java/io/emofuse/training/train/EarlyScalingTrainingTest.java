package io.emofuse.training.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.emofuse.fusion.Emotion;
import io.emofuse.fusion.FusionStrategy;
import io.emofuse.fusion.bundle.BundleDescription;
import io.emofuse.fusion.bundle.ModelBundle;
import io.emofuse.fusion.bundle.Provenance;
import io.emofuse.fusion.input.AcousticInput;
import io.emofuse.fusion.input.TextInput;
import io.emofuse.fusion.nn.Devices;
import io.emofuse.fusion.nn.NetworkSpec;
import io.emofuse.training.config.TrainConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An early fusion trained from a config carries the config's block scaling into its spec, and the
 * bundle it is written to serves the predictions the trained model made: the factors are applied
 * the same way in training and in serving.
 */
class EarlyScalingTrainingTest {

    @Test
    void trainedEarlyFusionServesWhatItLearnt(@TempDir Path dir) throws Exception {
        LabelledData d = ModelTrainerTest.data();
        TrainConfig cfg = ModelTrainerTest.config("early");
        cfg.training.epochs = 5;
        int[] train = IntStream.range(0, ModelTrainerTest.N).filter(i -> i % 6 < 4).toArray();
        int[] test = IntStream.range(0, ModelTrainerTest.N).filter(i -> i % 6 >= 4).toArray();
        for (String scaling : List.of("equal_variance", "none")) {
            cfg.model.earlyScaling = scaling;
            Path bundle = dir.resolve(scaling);
            try (TrainedModel m = new ModelTrainer(cfg, null).train(d, train, new int[0])) {
                NetworkSpec spec = m.networks().get("main").spec();
                assertEquals(scaling, spec.earlyScaling());
                // 12 acoustic and 16 text features (io.emofuse.training.Synthetic): sqrt(28/24), sqrt(28/32)
                double[] expected = scaling.equals("none") ? new double[] {1, 1} : new double[] {Math.sqrt(28.0 / 24), Math.sqrt(28.0 / 32)};
                assertArrayEquals(expected, spec.earlyBlockScales(), 1e-12);
                Provenance p = new Provenance("m.csv", "00", train.length, "unknown", "2026-01-01T00:00:00Z", Map.of(), 42, "", Map.of());
                ModelBundle.write(bundle, new BundleDescription(BundleDescription.FORMAT, FusionStrategy.EARLY,
                        new AcousticInput("synthetic", "functionals", 0, false), new TextInput("synthetic", "pooled", 0), List.of(),
                        m.scaler(), Map.of(), null, p), m.networks(), null);
                float[][] a = ModelTrainer.pick(d.acoustic(), test);
                float[][] t = ModelTrainer.pick(d.text(), test);
                List<Emotion> trained = m.model().predictAll(a, t);
                try (ModelBundle served = ModelBundle.load(bundle, Devices.choose("cpu"))) {
                    assertEquals(scaling, served.description().networks().get("main").spec().earlyScaling());
                    List<Emotion> again = served.model().predictAll(a, t);
                    for (int k = 0; k < test.length; k++) {
                        assertEquals(trained.get(k).valence(), again.get(k).valence(), 1e-6);
                        assertEquals(trained.get(k).arousal(), again.get(k).arousal(), 1e-6);
                        assertEquals(trained.get(k).dominance(), again.get(k).dominance(), 1e-6);
                    }
                }
            }
        }
    }
}
