package io.emofuse.training.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.emofuse.fusion.Emotion;
import io.emofuse.fusion.FusionStrategy;
import io.emofuse.fusion.bundle.BundleDescription;
import io.emofuse.fusion.bundle.ModelBundle;
import io.emofuse.fusion.nn.ArchitectureSpec;
import io.emofuse.fusion.nn.BranchSpec;
import io.emofuse.fusion.nn.Devices;
import io.emofuse.fusion.nn.EmotionNetwork;
import io.emofuse.fusion.nn.InputShape;
import io.emofuse.fusion.nn.NetworkSpec;
import io.emofuse.linguistic.models.ModelStore;
import io.emofuse.testsupport.SharedData;
import io.emofuse.training.config.TrainConfig;
import io.emofuse.training.data.Datasets;
import io.emofuse.training.data.FeatureCache;
import io.emofuse.training.data.FeaturePipeline;
import io.emofuse.training.data.TextSource;
import io.emofuse.training.manifest.Manifest;
import io.emofuse.training.manifest.ManifestReader;
import io.emofuse.training.manifest.ManifestRow;
import io.emofuse.training.manifest.ManifestWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source papers' networks (MT-A-DNN, CNN, stacked LSTM): heads and shapes, a few training
 * steps on real RAVDESS audio (actor 1's 30 utterances in ../shared, up to 4 per category) whose loss falls, and a
 * bundle written and read back predicting what the model in memory predicted.
 */
class SeedNetworksTest {

    static final List<String> ARCHS = List.of("mt_a_dnn", "cnn", "stacked_lstm");

    @TempDir
    static Path cacheDir;

    static Path shared;

    @BeforeAll
    static void findData() {
        shared = SharedData.has("ravdess", "manifest.csv") ? SharedData.data().getParent() : null;
    }

    static NetworkSpec spec(String arch, InputShape in, int categories, boolean binary) {
        ArchitectureSpec a = arch.equals("cnn") ? new ArchitectureSpec("cnn", List.of(), List.of(16), 8, 3, 0)
                : new ArchitectureSpec(arch, List.of(16), List.of(8), 0, 0, 0);
        return new NetworkSpec(FusionStrategy.ACOUSTIC, in, null, BranchSpec.dense(8), null, List.of(), List.of(), categories,
                a, binary);
    }

    @Test
    void headsAndShapes() {
        for (String arch : ARCHS) {
            for (boolean binary : List.of(false, true)) {
                EmotionNetwork net = EmotionNetwork.create(spec(arch, new InputShape(6, 5), 4, binary));
                try (Model model = Model.newInstance("t", Devices.choose("cpu"))) {
                    model.setBlock(net);
                    net.initialize(model.getNDManager(), DataType.FLOAT32, net.inputShapes(7));
                    NDManager m = model.getNDManager();
                    NDList out = net.forward(new ParameterStore(m, false), new NDList(m.randomNormal(new Shape(7, 30))), false);
                    List<Shape> expected = new ArrayList<>(List.of(new Shape(7, 3), new Shape(7, 4)));
                    if (binary) {
                        expected.addAll(List.of(new Shape(7, 2), new Shape(7, 2)));
                    }
                    assertEquals(expected, List.of(out.getShapes()), arch + " binary=" + binary);
                    assertEquals(expected, List.of(net.getOutputShapes(net.inputShapes(7))), arch);
                }
            }
        }
        // The fusion network takes binary heads too (single- vs multi-task comparisons on any strategy).
        NetworkSpec fusion = new NetworkSpec(FusionStrategy.CONCAT, new InputShape(1, 5), InputShape.vector(4), BranchSpec.dense(8),
                BranchSpec.dense(8), List.of(8), List.of(), 3, null, true);
        EmotionNetwork f = EmotionNetwork.create(fusion);
        try (Model model = Model.newInstance("t", Devices.choose("cpu"))) {
            model.setBlock(f);
            f.initialize(model.getNDManager(), DataType.FLOAT32, f.inputShapes(2));
            NDManager m = model.getNDManager();
            NDList out = f.forward(new ParameterStore(m, false), new NDList(m.ones(new Shape(2, 5)), m.ones(new Shape(2, 4))), false);
            assertEquals(List.of(new Shape(2, 3), new Shape(2, 3), new Shape(2, 2), new Shape(2, 2)), List.of(out.getShapes()));
        }
        // The TESS paper's reading of a vector: its values as a sequence of one-value steps.
        EmotionNetwork lstm = EmotionNetwork.create(spec("stacked_lstm", InputShape.vector(12), 7, false));
        try (Model model = Model.newInstance("t", Devices.choose("cpu"))) {
            model.setBlock(lstm);
            lstm.initialize(model.getNDManager(), DataType.FLOAT32, lstm.inputShapes(3));
            NDList out = lstm.forward(new ParameterStore(model.getNDManager(), false),
                    new NDList(model.getNDManager().ones(new Shape(3, 12))), false);
            assertEquals(new Shape(3, 7), out.get(1).getShape());
        }
    }

    @Test
    void invalidCombinationsAreRefused() {
        ArchitectureSpec cnn = ArchitectureSpec.of("cnn");
        assertThrows(IllegalArgumentException.class, () -> new NetworkSpec(FusionStrategy.ACOUSTIC, InputShape.vector(88), null,
                BranchSpec.dense(8), null, List.of(), List.of(), 4, cnn, false), "kernel longer than the input");
        assertThrows(IllegalArgumentException.class, () -> new NetworkSpec(FusionStrategy.CONCAT, new InputShape(20, 5),
                InputShape.vector(4), BranchSpec.dense(8), BranchSpec.dense(8), List.of(), List.of(), 4, cnn, false));
        assertThrows(IllegalArgumentException.class, () -> spec("mt_a_dnn", new InputShape(6, 5), 0, true), "binary heads need categories");
        assertThrows(IllegalArgumentException.class, () -> ArchitectureSpec.of("transformer"));
        assertEquals(List.of(128), ArchitectureSpec.of("mt_a_dnn").hidden());
        assertEquals(List.of(128, 128), ArchitectureSpec.of("stacked_lstm").hidden());
        assertEquals(List.of(32), ArchitectureSpec.of("stacked_lstm").dense());
        assertEquals(0.2, ArchitectureSpec.of("stacked_lstm").dropout());
    }

    /** Actor 1's RAVDESS utterances in ../shared (30), at most four per category. */
    static Manifest ravdess(Path dir) throws Exception {
        assumeTrue(shared != null && Files.isRegularFile(shared.resolve("data/ravdess/manifest.csv")), "no RAVDESS in ../shared");
        Manifest all = ManifestReader.read(shared.resolve("data/ravdess/manifest.csv"));
        assumeTrue(Files.isRegularFile(all.rows().get(0).wav()), "RAVDESS WAVs absent");
        List<ManifestRow> rows = new ArrayList<>();
        for (ManifestRow r : all.rows()) {
            if (r.speaker().equals("actor_01") && rows.stream().filter(x -> x.category().equals(r.category())).count() < 4) {
                rows.add(r);
            }
        }
        Path out = dir.resolve("ravdess-actor01.csv");
        ManifestWriter.write(out, rows);
        return ManifestReader.read(out);
    }

    static TrainConfig config(String arch) {
        TrainConfig c = new TrainConfig();
        c.name = arch;
        c.strategy = "acoustic";
        c.model.architecture = arch;
        c.model.categoryHead = true;
        c.model.binaryHeads = !arch.equals("stacked_lstm");
        switch (arch) {
            case "mt_a_dnn" -> {
                c.features.acoustic.set = "pyaa_d";
                c.features.acoustic.kind = "lld";
                c.features.acoustic.steps = 20;
                c.model.layers.hidden = List.of(32);
            }
            case "cnn" -> {
                c.features.acoustic.set = "logmel";
                c.features.acoustic.kind = "lld";
                c.features.acoustic.steps = 20;
                c.model.layers.filters = 16;
                c.model.layers.kernel = 5;
                c.model.layers.dense = List.of(32);
            }
            default -> {
                c.features.acoustic.set = "ser170";
                c.model.layers.hidden = List.of(16, 16);
            }
        }
        c.loss.valenceClassWeight = 0.3;
        c.loss.activationClassWeight = 0.3;
        c.training.epochs = 8;
        c.training.patience = 0;
        c.training.batchSize = 8;
        c.training.learningRate = 3e-3;
        c.training.device = "cpu";
        c.training.seed = 5;
        c.validate();
        return c;
    }

    @Test
    void eachTrainsOnRealAudioAndItsBundlePredictsTheSame(@TempDir Path dir) throws Exception {
        Manifest manifest = ravdess(dir);
        FeaturePipeline pipeline = new FeaturePipeline(new FeatureCache(cacheDir), ModelStore.fromEnvironment(), 2, null);
        int[] all = IntStream.range(0, manifest.rows().size()).toArray();
        for (String arch : ARCHS) {
            TrainConfig cfg = config(arch);
            LabelledData data = Datasets.labelled(manifest,
                    pipeline.build(manifest.rows(), cfg.acousticInput(), null, TextSource.MANIFEST));
            assertEquals(8, data.categories().size());
            try (TrainedModel m = new ModelTrainer(cfg, null).train(data, all, new int[0])) {
                List<Double> loss = m.curves().get("main").trainLoss();
                System.out.printf("%s loss %s%n", arch, loss);
                assertEquals(8, loss.size());
                assertTrue(loss.get(loss.size() - 1) < loss.get(0), arch + " loss did not fall: " + loss);
                assertEquals(arch, m.networks().get("main").spec().architecture().type());

                Path bundle = dir.resolve("bundle-" + arch);
                ModelBundle.write(bundle, new BundleDescription(BundleDescription.FORMAT, FusionStrategy.ACOUSTIC,
                        cfg.acousticInput(), null, data.categories(), null, java.util.Map.of(), null, null), m.networks(), null);
                List<Emotion> inMemory = m.model().predictAll(data.acoustic(), null);
                try (ModelBundle b = ModelBundle.load(bundle, Devices.choose("cpu"))) {
                    assertEquals(arch, b.description().networks().get("main").spec().architecture().type());
                    List<Emotion> loaded = b.model().predictAll(data.acoustic(), null);
                    for (int i = 0; i < inMemory.size(); i++) {
                        assertEquals(inMemory.get(i).category(), loaded.get(i).category());
                        for (String c : data.categories()) {
                            assertEquals(inMemory.get(i).probabilities().get(c), loaded.get(i).probabilities().get(c), 1e-6, arch);
                        }
                        // The binary heads' probabilities travel with the prediction (and the bundle).
                        assertEquals(cfg.model.binaryHeads ? 2 : 0, loaded.get(i).binary().size(), arch);
                        for (var p : inMemory.get(i).binary().entrySet()) {
                            assertTrue(p.getValue() > 0 && p.getValue() < 1, arch + " " + p);
                            assertEquals(p.getValue(), loaded.get(i).binary().get(p.getKey()), 1e-6, arch);
                        }
                    }
                }
            }
        }
    }

    /** The YAML keys, train → bundle with provenance → predict, and --max-seconds on both. */
    @Test
    void trainAndPredictCommandsWithAnArchitecture(@TempDir Path dir) throws Exception {
        Manifest manifest = ravdess(dir);
        Path cfgFile = dir.resolve("cnn.yaml");
        Files.writeString(cfgFile, """
                name: cnn-logmel-mt
                strategy: acoustic
                features:
                  acoustic: {set: logmel, kind: lld, steps: 20}
                  cache: %s
                model:
                  architecture: cnn
                  layers: {filters: 8, kernel: 5, dense: [16]}
                  category_head: true
                  binary_heads: true
                loss: {category_weight: 0.6, valence_class_weight: 0.2, activation_class_weight: 0.2}
                training: {epochs: 3, patience: 0, batch_size: 8, device: cpu, seed: 2}
                """.formatted(cacheDir));
        TrainConfig cfg = TrainConfig.load(cfgFile);
        ModelStore store = ModelStore.fromEnvironment();
        Path bundleDir = dir.resolve("bundle");
        // A split column: train / dev / test rows; --max-seconds 1 scores the test rows on their first second.
        List<ManifestRow> split = new ArrayList<>();
        for (ManifestRow x : manifest.rows()) {
            int k = split.size();
            split.add(new ManifestRow(x.line(), x.uttId(), x.wav(), x.text(), x.speaker(), x.session(), null, null, null,
                    x.category(), k % 5 == 3 ? "dev" : k % 5 == 4 ? "test" : "train"));
        }
        Path splitFile = dir.resolve("split.csv");
        ManifestWriter.write(splitFile, split);
        TrainService.Result r = new TrainService(store, 2, null, null).train(cfg, cfgFile, splitFile, bundleDir, 1.0);
        assertTrue(r.metrics().get("train") instanceof java.util.Map<?, ?> m && m.containsKey("uar"), r.metrics().toString());
        assertTrue(r.metrics().get("test") instanceof java.util.Map<?, ?> m && m.get("rows").equals(6), r.metrics().toString());
        assertEquals(1.0, r.metrics().get("test_max_seconds"));
        try (ModelBundle b = ModelBundle.load(bundleDir, Devices.choose("cpu"))) {
            assertEquals(ManifestReader.sha256(splitFile), b.description().provenance().manifestSha256());
            assertTrue(b.description().provenance().config().contains("architecture: \"cnn\"")
                    || b.description().provenance().config().contains("architecture: cnn"), b.description().provenance().config());
            assertTrue(b.description().networks().get("main").spec().binaryHeads());
            PredictService predict = new PredictService(store, 2, null);
            Path whole = dir.resolve("whole.csv");
            Path first = dir.resolve("first.csv");
            assertEquals(manifest.rows().size(), predict.predict(b, manifest.file(), whole, TextSource.MANIFEST, cacheDir));
            assertEquals(manifest.rows().size(), predict.predict(b, manifest.file(), first, TextSource.MANIFEST, cacheDir, 1.0));
            List<String> w = Files.readAllLines(whole);
            assertTrue(w.get(0).startsWith("utt_id,V,A,D,category,p_angry"), w.get(0));
            assertTrue(w.get(0).endsWith(",p_valence_positive,p_activation_high"), w.get(0));
            for (String line : w.subList(1, w.size())) {
                String[] f = line.split(",");
                for (String p : new String[] {f[f.length - 2], f[f.length - 1]}) {
                    assertTrue(Double.parseDouble(p) >= 0 && Double.parseDouble(p) <= 1, line);
                }
            }
            assertNotEquals(w.subList(1, w.size()), Files.readAllLines(first).subList(1, w.size()));
        }
    }

    /** features.augment: noisy copies of the training rows, seeded by content, cached apart from the clean ones. */
    @Test
    void augmentedCopiesOfTrainingRows(@TempDir Path dir) throws Exception {
        Manifest manifest = ravdess(dir);
        TrainConfig cfg = config("stacked_lstm");
        cfg.features.acoustic.set = "mfcc";
        cfg.training.epochs = 2;
        TrainConfig.Augment noise = new TrainConfig.Augment();
        noise.snrDb = 10.0;
        cfg.features.augment = List.of(noise);
        cfg.validate();
        FeaturePipeline pipeline = new FeaturePipeline(new FeatureCache(dir.resolve("c1")), ModelStore.fromEnvironment(), 2, null);
        LabelledData clean = Datasets.labelled(manifest, pipeline.build(manifest.rows(), cfg.acousticInput(), null, TextSource.MANIFEST));
        LabelledData data = Datasets.augmented(clean, pipeline, cfg.acousticInput(), cfg.augmentations());
        assertEquals(1, data.augmented().size());
        float[][] noisy = data.augmented().get(0);
        assertEquals(clean.size(), noisy.length);
        assertTrue(!java.util.Arrays.equals(clean.acoustic()[0], noisy[0]), "noise changes the features");
        // Same copy from a fresh cache: the noise draw depends on the file, not on the run.
        float[][] again = new FeaturePipeline(new FeatureCache(dir.resolve("c2")), ModelStore.fromEnvironment(), 1, null)
                .augmented(manifest.rows(), cfg.acousticInput(), cfg.augmentations().get(0));
        assertArrayEquals(noisy[3], again[3], 1e-6f);
        try (TrainedModel m = new ModelTrainer(cfg, null).train(data, IntStream.range(0, data.size()).toArray(), new int[0])) {
            assertEquals(2, m.curves().get("main").trainLoss().size());
        }
        TrainingData twice = new TrainingData(clean.acoustic(), null, null, clean.category()).concat(
                new TrainingData(noisy, null, null, clean.category()));
        assertEquals(2 * clean.size(), twice.size());
        assertEquals(clean.category()[1], twice.category()[clean.size() + 1]);
    }

    @Test
    void maxSecondsTruncatesAndKeysTheCache(@TempDir Path dir) throws Exception {
        Manifest manifest = ravdess(dir);
        List<ManifestRow> rows = manifest.rows().subList(0, 3);
        Path cache = dir.resolve("cache");
        FeaturePipeline pipeline = new FeaturePipeline(new FeatureCache(cache), ModelStore.fromEnvironment(), 1, null);
        var whole = new io.emofuse.fusion.input.AcousticInput("mfcc", "functionals", 0, false);
        var head = whole.withMaxSeconds(1.0);
        assertNotEquals(whole.cacheKey(), head.cacheKey());
        float[][] w = pipeline.build(rows, whole, null, TextSource.MANIFEST).acoustic();
        float[][] h = pipeline.build(rows, head, null, TextSource.MANIFEST).acoustic();
        // Same as extracting the first second by hand.
        var x = io.emofuse.acoustic.FeatureSets.create("mfcc");
        float[] byHand = io.emofuse.fusion.input.InputEncoding.vector(
                x.functionals(io.emofuse.acoustic.audio.WavReader.read16k(rows.get(0).wav()).firstSeconds(1.0)));
        assertArrayEquals(byHand, h[0], 1e-5f);
        assertTrue(!java.util.Arrays.equals(w[0], h[0]), "a truncated clip has other features");
        // Read back from the cache: still the truncated ones, not the whole clip's.
        float[][] again = new FeaturePipeline(new FeatureCache(cache), ModelStore.fromEnvironment(), 1, null)
                .build(rows, head, null, TextSource.MANIFEST).acoustic();
        assertArrayEquals(h[0], again[0]);
        try (var files = Files.walk(cache.resolve("acoustic"))) {
            assertEquals(6, files.filter(Files::isRegularFile).count(), "one entry per clip and length");
        }
    }
}
