package io.emofuse.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emofuse.acoustic.FeatureExtractor;
import io.emofuse.acoustic.FeatureSets;
import io.emofuse.acoustic.audio.WavReader;
import io.emofuse.linguistic.TextEmbedder;
import io.emofuse.linguistic.TextEmbedders;
import io.emofuse.linguistic.models.ModelStore;
import io.emofuse.testsupport.SharedData;
import io.emofuse.training.config.TrainConfig;
import io.emofuse.training.data.FeatureCache;
import io.emofuse.training.data.FeaturePipeline;
import io.emofuse.training.data.FeatureTable;
import io.emofuse.training.data.TextSource;
import io.emofuse.training.manifest.ManifestReader;
import io.emofuse.training.manifest.ManifestRow;
import io.emofuse.training.manifest.ManifestWriter;
import io.emofuse.training.train.TrainService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rows a model was trained on equal the rows serving builds for the same files: a small
 * bundle is trained on real audio (its first 2 s only, so the cut is checked too) and GloVe text,
 * loaded as the faces load it, and both sides' rows are compared value for value.
 */
class TrainingServingParityTest {

    @Test
    void servingRowsEqualTrainingRows(@TempDir Path dir) throws Exception {
        Path ebs = SharedData.path("emobank-speech", "wav", "ebs_0040.wav").getParent().getParent();
        Path glove = SharedData.path("wordvec", "glove.6B.100d.top2604.txt");
        List<ManifestRow> rows = new ArrayList<>();
        for (ManifestRow r : ManifestReader.read(ebs.resolve("manifest.csv")).rows()) {
            if (rows.stream().filter(x -> x.speaker().equals(r.speaker())).count() < 3) {
                rows.add(r);
            }
        }
        Path manifest = dir.resolve("m.csv");
        ManifestWriter.write(manifest, rows);
        Path cfgFile = Files.writeString(dir.resolve("c.yaml"), """
                strategy: concat
                features:
                  acoustic: {set: egemaps, max_seconds: 2}
                  text: {embedder: "glove:%s"}
                  cache: %s
                model:
                  acoustic: {hidden: [8]}
                  text: {hidden: [8]}
                  fusion: [8]
                training: {epochs: 2, patience: 2, batch_size: 8, device: cpu, seed: 1}
                """.formatted(glove, dir.resolve("cache")));
        TrainConfig cfg = TrainConfig.load(cfgFile);
        ModelStore store = ModelStore.fromEnvironment();
        new TrainService(store, 2, null, null).train(cfg, cfgFile, manifest, dir.resolve("bundle"));
        // The cache holds what training computed; a pipeline over it returns exactly those rows.
        FeatureTable trained = new FeaturePipeline(new FeatureCache(dir.resolve("cache")), store, 1, null)
                .build(ManifestReader.read(manifest).rows(), cfg.acousticInput(), cfg.textInput(), TextSource.MANIFEST);

        try (EmotionModel served = EmotionModel.load(dir.resolve("bundle"));
             TextEmbedder te = TextEmbedders.create(served.embedder(), store)) {
            assertEquals(cfg.acousticInput(), served.encoder().acoustic());
            assertEquals(cfg.textInput(), served.encoder().text());
            FeatureExtractor fx = FeatureSets.create(served.featureSet());
            List<ManifestRow> read = ManifestReader.read(manifest).rows();
            for (int i = 0; i < read.size(); i++) {
                ManifestRow r = read.get(i);
                float[] acoustic = served.acousticRow(fx, WavReader.read16k(r.wav()));
                assertArrayEquals(trained.acoustic()[i], acoustic, r.uttId() + ": acoustic row");
                assertArrayEquals(trained.text()[i], served.textRow(te, r.text()), r.uttId() + ": text row");
            }
            // the cut to 2 s is part of the rule: the whole file gives another row
            float[] whole = served.encoder().acousticRowOfClip(fx, WavReader.read16k(read.get(0).wav()));
            assertTrue(!java.util.Arrays.equals(whole, trained.acoustic()[0]), "max_seconds must change the row");
        }
    }

    /**
     * A model on a list of embedders: the bundle records the list, serving opens the same parts in the
     * same order, and its rows equal the ones training joined from each part's cached vectors.
     */
    @Test
    void concatenatedEmbeddersServeTheTrainingRows(@TempDir Path dir) throws Exception {
        Path glove = SharedData.path("wordvec", "glove.6B.100d.top2604.txt");
        List<ManifestRow> rows = ManifestReader.read(SharedData.path("emobank", "manifest.csv")).rows().subList(0, 30);
        Path manifest = dir.resolve("m.csv");
        ManifestWriter.write(manifest, rows);
        Path cfgFile = Files.writeString(dir.resolve("c.yaml"), """
                strategy: text
                features:
                  text: {embedder: ["glove:%s", minilm]}
                  cache: %s
                model:
                  text: {hidden: [8]}
                  fusion: []
                training: {epochs: 2, patience: 2, batch_size: 8, device: cpu, seed: 1}
                split: {kind: random}
                """.formatted(glove, dir.resolve("cache")));
        TrainConfig cfg = TrainConfig.load(cfgFile);
        ModelStore store = ModelStore.fromEnvironment();
        new TrainService(store, 2, null, null).train(cfg, cfgFile, manifest, dir.resolve("bundle"));
        FeatureTable trained = new FeaturePipeline(new FeatureCache(dir.resolve("cache")), store, 1, null)
                .build(ManifestReader.read(manifest).rows(), null, cfg.textInput(), TextSource.MANIFEST);
        try (EmotionModel served = EmotionModel.load(dir.resolve("bundle"));
             TextEmbedder te = TextEmbedders.create(served.embedder(), store)) {
            assertEquals("glove:" + glove + "+minilm", served.embedder());
            assertEquals(100 + 384, te.dimension());
            List<ManifestRow> read = ManifestReader.read(manifest).rows();
            for (int i = 0; i < read.size(); i++) {
                float[] row = served.textRow(te, read.get(i).text());
                assertEquals(trained.text()[i].length, row.length);
                for (int d = 0; d < row.length; d++) {
                    // MiniLM in a padded batch (training) and alone (serving) agree to float rounding
                    assertEquals(trained.text()[i][d], row[d], 1e-5, read.get(i).uttId() + " dim " + d);
                }
            }
        }
    }
}
