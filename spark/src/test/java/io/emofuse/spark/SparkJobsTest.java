package io.emofuse.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emofuse.acoustic.FeatureExtractor;
import io.emofuse.acoustic.FeatureSets;
import io.emofuse.acoustic.audio.WavReader;
import io.emofuse.linguistic.Transcript;
import io.emofuse.linguistic.asr.VoskTranscriber;
import io.emofuse.linguistic.models.ModelStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark jobs in a real local[2] session, each checked against the single-machine code path. */
class SparkJobsTest {

    private static SparkSession spark;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        spark = SparkTestSupport.localSession("emofuse-jobs-test");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void ravdessFunctionalsEqualTheSingleMachineExtractorAndBadRowsStay() throws Exception {
        Path ravdess = SparkTestSupport.sharedData().resolve("ravdess");
        List<String> lines = Files.readAllLines(ravdess.resolve("manifest.csv"));
        // 24 real files (every 20th row: all actors' folders) plus one missing file and one that is not audio.
        List<String> subset = new ArrayList<>();
        subset.add("utt_id,wav");
        for (int i = 1; i < lines.size(); i += 20) {
            String[] cols = lines.get(i).split(",");
            subset.add(cols[0] + "," + ravdess.resolve(cols[1]));
        }
        subset.add("missing_one," + ravdess.resolve("wav/does-not-exist.wav"));
        subset.add("not_audio," + ravdess.resolve("manifest.csv"));
        Path manifest = tmp.resolve("manifest.csv");
        Files.write(manifest, subset);

        Path out = tmp.resolve("features.parquet");
        Dataset<Row> rows = ExtractJob.extract(Manifests.read(spark, manifest.toString()), "egemaps",
                Manifests.baseDir(manifest.toString()));
        rows.write().mode(SaveMode.Overwrite).parquet(out.toString());
        Map<String, Row> byId = spark.read().parquet(out.toString()).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getString(r.fieldIndex("utt_id")), r -> r));
        assertEquals(subset.size() - 1, byId.size(), "one output row per manifest row");

        FeatureExtractor egemaps = FeatureSets.create("egemaps");
        List<String> names = egemaps.functionalNames();
        for (String line : subset.subList(1, subset.size() - 2)) {
            String[] cols = line.split(",");
            Row row = byId.get(cols[0]);
            assertNull(row.getString(row.fieldIndex("error")), cols[0]);
            assertEquals(cols[0], row.getString(row.fieldIndex("name")));
            double[] expected = egemaps.functionals(WavReader.read16k(Path.of(cols[1])));
            for (int i = 0; i < names.size(); i++) {
                assertEquals(expected[i], row.getDouble(row.fieldIndex(names.get(i))), 0.0,
                        cols[0] + " " + names.get(i));
            }
        }
        Row missing = byId.get("missing_one");
        assertNotNull(missing.getString(missing.fieldIndex("error")));
        assertTrue(missing.getString(missing.fieldIndex("error")).contains("does-not-exist.wav"));
        assertTrue(missing.isNullAt(missing.fieldIndex(names.get(0))));
        Row notAudio = byId.get("not_audio");
        assertTrue(notAudio.getString(notAudio.fieldIndex("error")).contains("not a RIFF/WAVE"),
                notAudio.getString(notAudio.fieldIndex("error")));
    }

    @Test
    void transcriptsEqualVoskOnTheSameFilesAndBadRowsStay() throws Exception {
        Path ravdess = SparkTestSupport.sharedData().resolve("ravdess");
        List<String> lines = Files.readAllLines(ravdess.resolve("manifest.csv"));
        List<String> subset = new ArrayList<>();
        subset.add("utt_id,wav");
        for (int i = 1; i < lines.size(); i += 80) {
            String[] cols = lines.get(i).split(",");
            subset.add(cols[0] + "," + cols[1]); // relative to the manifest's folder, as in ../shared
        }
        subset.add("missing_one,wav/does-not-exist.wav");
        Path manifest = tmp.resolve("manifest.csv");
        Files.write(manifest, subset);
        // Relative paths resolve against the folder the manifest names, not the working directory.
        String base = ravdess.toString();

        Map<String, Row> byId = TranscribeJob.transcribe(Manifests.read(spark, manifest.toString()), base, null)
                .collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getString(r.fieldIndex("utt_id")), r -> r));
        assertEquals(subset.size() - 1, byId.size());
        try (VoskTranscriber vosk = VoskTranscriber.open(ModelStore.fromEnvironment(), null, 1)) {
            for (String line : subset.subList(1, subset.size() - 1)) {
                String[] cols = line.split(",");
                Transcript expected = vosk.transcribe(WavReader.read16k(ravdess.resolve(cols[1])));
                Row row = byId.get(cols[0]);
                assertNull(row.getString(row.fieldIndex("error")), cols[0]);
                assertEquals(expected.text(), row.getString(row.fieldIndex("text")), cols[0]);
                assertEquals(expected.words().size(), row.getList(row.fieldIndex("words")).size(), cols[0]);
            }
        }
        Row missing = byId.get("missing_one");
        assertTrue(missing.getString(missing.fieldIndex("error")).contains("does-not-exist.wav"));
    }
}
