package io.emofuse.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.emofuse.fusion.bundle.ModelBundle;
import io.emofuse.fusion.nn.Devices;
import io.emofuse.linguistic.models.ModelStore;
import io.emofuse.testsupport.SharedData;
import io.emofuse.training.config.TrainConfig;
import io.emofuse.training.data.FeatureCache;
import io.emofuse.training.data.FeaturePipeline;
import io.emofuse.training.data.FeatureTable;
import io.emofuse.training.data.TextSource;
import io.emofuse.training.manifest.Manifest;
import io.emofuse.training.manifest.ManifestReader;
import io.emofuse.training.manifest.ManifestRow;
import io.emofuse.training.manifest.ManifestWriter;
import io.emofuse.training.train.PredictService;
import io.emofuse.training.train.TrainService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real audio and real features: a 40-utterance slice of emobank-speech (5 speakers), eGeMAPS
 * functionals and GloVe vectors, trained into a bundle, predicted from it, features cached.
 * Skips when ../shared or the generated WAVs are absent.
 */
class EndToEndTest {

    static Path shared;

    /** One feature cache for the class: each WAV is extracted once, not once per test. */
    @TempDir
    static Path cacheDir;

    @BeforeAll
    static void findData() {
        shared = SharedData.has("emobank-speech") ? SharedData.data().getParent() : null;
    }

    static Path slice(Path dir) throws Exception {
        assumeTrue(shared != null && Files.isRegularFile(shared.resolve("data/emobank-speech/wav/ebs_0040.wav")),
                "emobank-speech WAVs not generated");
        Manifest m = ManifestReader.read(shared.resolve("data/emobank-speech/manifest.csv"));
        List<ManifestRow> rows = new ArrayList<>();
        for (ManifestRow r : m.rows()) {
            int spk = Integer.parseInt(r.speaker().substring(3));
            long ofSpeaker = rows.stream().filter(x -> x.speaker().equals(r.speaker())).count();
            if (spk <= 5 && ofSpeaker < 8) {
                rows.add(r);
            }
        }
        Path out = dir.resolve("slice.csv");
        ManifestWriter.write(out, rows);
        return out;
    }

    static Path config(Path dir, String strategy) throws Exception {
        Path glove = shared.resolve("data/wordvec/glove.6B.100d.top2604.txt");
        Path f = dir.resolve(strategy + ".yaml");
        Files.writeString(f, """
                strategy: %s
                features:
                  acoustic: {set: egemaps, speaker_normalise: true}
                  text: {embedder: "glove:%s"}
                  cache: %s
                model:
                  acoustic: {hidden: [16]}
                  text: {hidden: [16]}
                  fusion: [16]
                  late: {stage: svr, inner_folds: 2}
                training: {epochs: 8, patience: 4, batch_size: 8, device: cpu, seed: 3}
                """.formatted(strategy, glove, cacheDir));
        return f;
    }

    @Test
    void trainPredictAndCache(@TempDir Path dir) throws Exception {
        Path manifest = slice(dir);
        ModelStore store = ModelStore.fromEnvironment();
        TrainService train = new TrainService(store, 2, null, null);
        for (String strategy : List.of("hierarchical", "late")) {
            Path cfgFile = config(dir, strategy);
            TrainConfig cfg = TrainConfig.load(cfgFile);
            Path bundleDir = dir.resolve("bundle-" + strategy);
            TrainService.Result r = train.train(cfg, cfgFile, manifest, bundleDir);
            assertTrue(r.metrics().get("train") instanceof Map<?, ?> m && m.containsKey("mean_ccc"));
            for (String f : List.of("bundle.json", "config.yaml", "metrics.json")) {
                assertTrue(Files.isRegularFile(bundleDir.resolve(f)), f);
            }
            try (ModelBundle b = ModelBundle.load(bundleDir, Devices.choose("cpu"))) {
                assertEquals(ManifestReader.sha256(manifest), b.description().provenance().manifestSha256());
                assertEquals(3, b.description().provenance().seed());
                assertTrue(b.description().provenance().config().contains("strategy: \"" + strategy + "\"")
                        || b.description().provenance().config().contains("strategy: " + strategy));
                Path pred = dir.resolve("pred-" + strategy + ".csv");
                int n = new PredictService(store, 2, null).predict(b, manifest, pred, TextSource.MANIFEST, cacheDir);
                assertEquals(40, n);
                List<String> lines = Files.readAllLines(pred);
                assertEquals("utt_id,V,A,D", lines.get(0));
                assertEquals(41, lines.size());
                double v = Double.parseDouble(lines.get(1).split(",")[1]);
                assertTrue(v > 0 && v < 6, "valence back on EmoBank's 1-5 scale: " + v);
            }
        }
        assertTrue(Files.exists(dir.resolve("bundle-late/svr-V.model")));
    }

    @Test
    void asrTextWhenAskedAndCachedTranscripts(@TempDir Path dir) throws Exception {
        Path manifest = slice(dir);
        List<ManifestRow> rows = ManifestReader.read(manifest).rows().subList(0, 2);
        TrainConfig cfg = TrainConfig.load(config(dir, "text"));
        FeaturePipeline p = new FeaturePipeline(new FeatureCache(dir.resolve("cache")), ModelStore.fromEnvironment(), 2, null);
        FeatureTable t;
        try {
            t = p.build(rows, null, cfg.textInput(), TextSource.ASR);
        } catch (io.emofuse.linguistic.models.ModelNotFoundException e) {
            assumeTrue(false, "Vosk model not installed: " + e.getMessage());
            return;
        }
        assertTrue(t.asr()[0] && t.asr()[1]);
        // espeak-ng speech through the small Vosk model: words overlap with the script, not verbatim
        java.util.Set<String> said = new java.util.HashSet<>(List.of(rows.get(1).text().toLowerCase().replaceAll("[^a-z ]", "").split(" ")));
        long hits = java.util.Arrays.stream(t.texts().get(1).split(" ")).filter(said::contains).count();
        assertTrue(hits >= 3, "transcript '" + t.texts().get(1) + "' vs '" + rows.get(1).text() + "'");
        try (Stream<Path> s = Files.walk(dir.resolve("cache/asr"))) {
            assertEquals(2, s.filter(Files::isRegularFile).count());
        }
    }

    @Test
    void featureCacheIsKeyedByContent(@TempDir Path dir) throws Exception {
        Path manifest = slice(dir);
        List<ManifestRow> rows = ManifestReader.read(manifest).rows().subList(0, 6);
        TrainConfig cfg = TrainConfig.load(config(dir, "concat"));
        FeatureCache cache = new FeatureCache(dir.resolve("cache"));
        FeaturePipeline p = new FeaturePipeline(cache, ModelStore.fromEnvironment(), 2, null);
        FeatureTable first = p.build(rows, cfg.acousticInput(), cfg.textInput(), TextSource.MANIFEST);
        long entries;
        try (Stream<Path> s = Files.walk(dir.resolve("cache"))) {
            entries = s.filter(Files::isRegularFile).count();
        }
        assertEquals(12, entries); // 6 acoustic + 6 text
        // a copy of a WAV under another name hits the cache: same bytes, same key
        Path copy = dir.resolve("renamed.wav");
        Files.copy(rows.get(0).wav(), copy);
        ManifestRow renamed = new ManifestRow(2, "other", copy, rows.get(0).text(), rows.get(0).speaker(), null,
                null, null, null, null, null);
        List<ManifestRow> again = new ArrayList<>(rows);
        again.set(0, renamed);
        FeatureTable second = p.build(again, cfg.acousticInput(), cfg.textInput(), TextSource.MANIFEST);
        try (Stream<Path> s = Files.walk(dir.resolve("cache"))) {
            assertEquals(entries, s.filter(Files::isRegularFile).count());
        }
        for (int i = 0; i < 6; i++) {
            assertArrayEquals(first.acoustic()[i], second.acoustic()[i]);
            assertArrayEquals(first.text()[i], second.text()[i]);
        }
        assertFalse(first.asr()[0]);
    }
}
