package io.emofuse.training.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emofuse.fusion.Emotion;
import io.emofuse.fusion.FusionStrategy;
import io.emofuse.fusion.bundle.BundleDescription;
import io.emofuse.fusion.bundle.ClassifierEntry;
import io.emofuse.fusion.bundle.ModelBundle;
import io.emofuse.fusion.bundle.Provenance;
import io.emofuse.fusion.input.AcousticInput;
import io.emofuse.fusion.nn.Devices;
import io.emofuse.training.config.TrainConfig;
import io.emofuse.training.manifest.ManifestRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SVM and random-forest classifiers on a separable set with a known answer: three classes
 * whose acoustic rows lie around three far-apart centres (on unscaled features, which the
 * normaliser must cope with), so every held-out row must get its class; their bundles predict
 * what the model in memory predicted and carry the library's provenance.
 */
class ClassicalModelsTest {

    static final List<String> CLASSES = List.of("angry", "calm", "sad");
    static final int N = 150;

    /** Class c's rows: centre 4c on features 0 and 1 (sd 0.5), noise elsewhere; unscaled per feature. */
    static LabelledData separable() {
        Random r = new Random(7);
        float[][] a = new float[N][6];
        int[] y = new int[N];
        List<ManifestRow> rows = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            y[i] = i % 3;
            for (int k = 0; k < 6; k++) {
                double centre = k < 2 ? 4.0 * y[i] * (k == 0 ? 1 : -1) : 0;
                a[i][k] = (float) ((centre + 0.5 * r.nextGaussian()) * (k + 1) * 10 + 100 * k);
            }
            rows.add(new ManifestRow(i + 2, "u" + i, null, null, "spk" + (i % 5), null, null, null, null, CLASSES.get(y[i]), null));
        }
        return new LabelledData(rows, a, null, null, CLASSES, y);
    }

    static TrainConfig config(String type) {
        TrainConfig c = new TrainConfig();
        c.strategy = "acoustic";
        c.model.type = type;
        c.model.categoryHead = true;
        c.model.forest.trees = 25;
        c.validate();
        return c;
    }

    @ParameterizedTest
    @ValueSource(strings = {"svm", "random_forest"})
    void separableClassesAreAllRightOnHeldOutRowsAndTheBundleAgrees(String type, @TempDir Path dir) throws Exception {
        LabelledData d = separable();
        int[] train = IntStream.range(0, N).filter(i -> i % 5 < 4).toArray();
        int[] test = IntStream.range(0, N).filter(i -> i % 5 == 4).toArray();
        TrainConfig cfg = config(type);
        try (TrainedModel m = new ModelTrainer(cfg, null).train(d, train, new int[0])) {
            assertTrue(m.networks().isEmpty() && m.classical() != null);
            float[][] x = ModelTrainer.pick(d.acoustic(), test);
            List<Emotion> pred = m.model().predictAll(x, null);
            for (int k = 0; k < test.length; k++) {
                Emotion e = pred.get(k);
                assertEquals(CLASSES.get(d.category()[test[k]]), e.category(), type + " row " + test[k]);
                assertEquals(1.0, e.probabilities().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-6);
                assertTrue(Double.isNaN(e.valence()), "a classifier predicts no dimensions");
            }
            Provenance p = new Provenance("m.csv", "00", train.length, "unknown", "2026-01-01T00:00:00Z", Map.of(), 42, cfg.toYaml(), Map.of());
            BundleDescription desc = new BundleDescription(BundleDescription.FORMAT, FusionStrategy.ACOUSTIC,
                    new AcousticInput("egemaps", "functionals", 0, false), null, CLASSES, null, Map.of(), null, p);
            ModelBundle.writeClassical(dir, desc, m.classical());
            try (ModelBundle b = ModelBundle.load(dir, Devices.choose("cpu"))) {
                ClassifierEntry c = b.description().classifier();
                assertEquals(type, c.kind());
                assertTrue(Files.isRegularFile(dir.resolve(c.file())));
                assertEquals(6, c.features());
                // a stream's online speaker adaptation maps rows to the training population's statistics
                assertArrayEquals(m.classical().acousticNormaliser().mean(), b.acousticPopulation().orElseThrow().mean(), 0);
                assertArrayEquals(m.classical().acousticNormaliser().sd(), b.acousticPopulation().orElseThrow().sd(), 0);
                List<Emotion> again = b.model().predictAll(x, null);
                for (int k = 0; k < test.length; k++) {
                    for (String cls : CLASSES) {
                        assertEquals(pred.get(k).probabilities().get(cls), again.get(k).probabilities().get(cls), 1e-9);
                    }
                }
                String library = String.valueOf(c.provenance().get("library"));
                if (type.equals("svm")) {
                    assertEquals("LIBSVM 3.31", library);
                    assertEquals(1.0 / 6, ((Number) c.provenance().get("gamma")).doubleValue(), 1e-12);
                } else {
                    assertTrue(library.startsWith("Tribuo 4.3"), library);
                    String tribuo = String.valueOf(c.provenance().get("tribuo"));
                    assertTrue(tribuo.contains("RandomForestTrainer") && tribuo.contains("CARTClassificationTrainer"), tribuo);
                    assertTrue(Files.readString(dir.resolve("provenance.txt")).contains("num-examples"));
                }
            }
        }
    }

    @Test
    void sameSeedSameForest() {
        LabelledData d = separable();
        int[] train = IntStream.range(0, 60).toArray();
        float[][] x = ModelTrainer.pick(d.acoustic(), IntStream.range(60, N).toArray());
        TrainConfig cfg = config("random_forest");
        try (TrainedModel a = new ModelTrainer(cfg, null).train(d, train, new int[0]);
             TrainedModel b = new ModelTrainer(cfg, null).train(d, train, new int[0])) {
            List<Emotion> pa = a.model().predictAll(x, null);
            List<Emotion> pb = b.model().predictAll(x, null);
            for (int k = 0; k < pa.size(); k++) {
                assertEquals(pa.get(k).probabilities(), pb.get(k).probabilities());
            }
        }
    }

    @Test
    void configsThatCannotWorkAreRefused() {
        TrainConfig c = new TrainConfig();
        c.strategy = "acoustic";
        c.model.type = "svm";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, c::validate);
        assertTrue(e.getMessage().contains("category_head"), e.getMessage());
        c.model.categoryHead = true;
        c.strategy = "concat";
        e = assertThrows(IllegalArgumentException.class, c::validate);
        assertTrue(e.getMessage().contains("acoustic, text or early"), e.getMessage());
        c.strategy = "acoustic";
        c.model.type = "knn";
        e = assertThrows(IllegalArgumentException.class, c::validate);
        assertTrue(e.getMessage().contains("network, svm or random_forest"), e.getMessage());
    }
}
