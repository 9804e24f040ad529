package io.emofuse.training.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emofuse.fusion.FusionStrategy;
import io.emofuse.training.experiment.ExperimentConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every config shipped in configs/ loads and validates; bad configs fail with the file and the key. */
class ConfigsTest {

    static final Path CONFIGS = Path.of("..", "configs");

    @Test
    void shippedConfigsLoad() throws Exception {
        List<Path> files = new java.util.ArrayList<>();
        for (String dir : List.of("emobank-speech", "iemocap")) { // training configs; configs/ holds others too
            try (Stream<Path> s = Files.list(CONFIGS.resolve(dir))) {
                s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
            }
        }
        assertTrue(files.size() >= 11, "configs found: " + files);
        for (Path f : files) {
            if (f.getFileName().toString().startsWith("compare")) {
                ExperimentConfig.Loaded e = ExperimentConfig.load(f);
                assertFalse(e.models().isEmpty());
            } else {
                TrainConfig.load(f).validate();
            }
        }
        ExperimentConfig.Loaded ebs = ExperimentConfig.load(CONFIGS.resolve("emobank-speech/compare.yaml"));
        assertEquals(List.of("acoustic", "text", "early", "concat", "hierarchical", "late"),
                ebs.models().stream().map(TrainConfig::displayName).toList());
        assertEquals("speaker", ebs.models().get(5).split.kind);

        TrainConfig mtl2 = TrainConfig.load(CONFIGS.resolve("iemocap/concat-mtl2.yaml"));
        assertNull(mtl2.loss.gamma);
        assertEquals(0.1, mtl2.loss.spec().weights()[2], 1e-12);
        assertEquals(FusionStrategy.CONCAT, mtl2.strategyValue());
    }

    /** configs/seeds: every experiment (one per seed table) and every model config loads. */
    @Test
    void seedTableConfigsLoad() throws Exception {
        List<Path> experiments;
        try (Stream<Path> s = Files.list(CONFIGS.resolve("seeds"))) {
            experiments = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(experiments.size() >= 10, "seed tables: " + experiments);
        java.util.Set<String> used = new java.util.HashSet<>();
        for (Path f : experiments) {
            ExperimentConfig.Loaded e = ExperimentConfig.load(f);
            assertFalse(e.models().isEmpty(), f.toString());
            e.config().models.forEach(m -> used.add(Path.of(m).getFileName().toString()));
        }
        try (Stream<Path> s = Files.list(CONFIGS.resolve("seeds/models"))) {
            for (Path m : s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                TrainConfig.load(m).validate();
                assertTrue(used.contains(m.getFileName().toString()), m + " is in no seed table");
            }
        }
        TrainConfig mta = TrainConfig.load(CONFIGS.resolve("seeds/models/att-mt-a-dnn.yaml"));
        assertEquals("mt_a_dnn", mta.model.architectureSpec().type());
        assertEquals(List.of(128), mta.model.architectureSpec().hidden());
        assertTrue(mta.model.binaryHeads);
        TrainConfig lstm = TrainConfig.load(CONFIGS.resolve("seeds/models/tess-s2-ser170.yaml"));
        assertEquals(256, lstm.training.batchSize);
        assertEquals(3.0, TrainConfig.load(CONFIGS.resolve("seeds/models/cnn-logmel-mt-3s.yaml")).acousticInput().maxSeconds());
    }

    @Test
    void experimentWithSpeakerSubsetAndOverrides(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("exp.yaml");
        Files.writeString(f, """
                data: m.csv
                speakers: [spk01, spk02]
                split: {kind: kfold, folds: 3}
                text_source: asr
                models: [%s]
                """.formatted(CONFIGS.resolve("emobank-speech/late.yaml").toAbsolutePath()));
        ExperimentConfig.Loaded e = ExperimentConfig.load(f);
        assertEquals(List.of("spk01", "spk02"), e.config().speakers);
        assertEquals("kfold", e.models().get(0).split.kind);
        assertEquals("asr", e.models().get(0).features.textSource);
        assertEquals(dir.resolve("m.csv"), e.data());
    }

    @Test
    void typosAndBadValuesNameTheFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "strategy: concat\ntraining: {learning_rte: 0.1}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainConfig.load(f));
        assertTrue(e.getMessage().contains("bad.yaml") && e.getMessage().contains("learning_rte"), e.getMessage());
        Files.writeString(f, "strategy: stacked\n");
        e = assertThrows(IllegalArgumentException.class, () -> TrainConfig.load(f));
        assertTrue(e.getMessage().contains("stacked") && e.getMessage().contains("hierarchical"), e.getMessage());
        Files.writeString(f, "strategy: late\nmodel: {late: {stage: forest}}\n");
        e = assertThrows(IllegalArgumentException.class, () -> TrainConfig.load(f));
        assertTrue(e.getMessage().contains("forest"), e.getMessage());
    }

    /** configs/default: the shipped recipes and every encoder variant of the text comparison load. */
    @Test
    void defaultModelConfigsLoad() throws Exception {
        ExperimentConfig.Loaded e = ExperimentConfig.load(CONFIGS.resolve("default/text-compare.yaml"));
        assertTrue(e.models().size() >= 10, "text variants: " + e.models().size());
        try (Stream<Path> s = Files.list(CONFIGS.resolve("default/text-encoders"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                TrainConfig.load(f).validate();
            }
        }
        TrainConfig shipped = TrainConfig.load(CONFIGS.resolve("default/text.yaml"));
        assertEquals(FusionStrategy.TEXT, shipped.strategyValue());
    }

    /** Results are keyed by model name, so an experiment with two models of one name is refused. */
    @Test
    void experimentRefusesTwoModelsOfOneName(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.yaml"), "name: same\nstrategy: text\n");
        Files.writeString(dir.resolve("b.yaml"), "name: same\nstrategy: text\nfeatures: {text: {embedder: bge-small}}\n");
        Path f = Files.writeString(dir.resolve("exp.yaml"), "data: m.csv\nmodels: [a.yaml, b.yaml]\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExperimentConfig.load(f));
        assertTrue(e.getMessage().contains("'same'") && e.getMessage().contains("b.yaml"), e.getMessage());
    }

    /** A YAML list of embedders is one text input: their specs joined by '+', pooled only. */
    @Test
    void embedderListIsOneConcatenatedInput(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("concat.yaml");
        Files.writeString(f, "strategy: text\nfeatures: {text: {embedder: [bge-small, \"e5-small@cls\"]}}\n");
        assertEquals("bge-small+e5-small@cls", TrainConfig.load(f).textInput().embedder());
        Files.writeString(f, "strategy: text\nfeatures: {text: {embedder: bge-small+minilm}}\n");
        assertEquals("bge-small+minilm", TrainConfig.load(f).textInput().embedder());
        Files.writeString(f, "strategy: text\nfeatures: {text: {embedder: [minilm]}}\n");
        assertEquals("minilm", TrainConfig.load(f).textInput().embedder());
        Files.writeString(f, "strategy: text\nfeatures: {text: {embedder: [bge-small, minilm], kind: sequence}}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainConfig.load(f));
        assertTrue(e.getMessage().contains("concat.yaml") && e.getMessage().contains("pooled"), e.getMessage());
        Files.writeString(f, "strategy: text\nfeatures: {text: {embedder: []}}\n");
        e = assertThrows(IllegalArgumentException.class, () -> TrainConfig.load(f));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }
}
