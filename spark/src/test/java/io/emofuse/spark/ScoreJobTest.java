package io.emofuse.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emofuse.linguistic.models.ModelStore;
import io.emofuse.analysis.ComponentLoader;
import io.emofuse.analysis.AnalysisSettings;
import io.emofuse.analysis.batch.AudioRoots;
import io.emofuse.analysis.batch.BatchScorer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreJobTest {

    private static SparkSession spark;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        spark = SparkTestSupport.localSession("emofuse-score-test");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** Dialogues with audio turns, text turns and malformed lines. */
    private List<String> dialogues(Path ravdess) throws Exception {
        List<String> wavs;
        try (Stream<Path> s = Files.list(ravdess.resolve("wav"))) {
            wavs = s.map(p -> p.getFileName().toString()).sorted().limit(6).toList();
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < wavs.size(); i++) {
            lines.add("{\"dialogue_id\":\"d" + i + "\",\"turns\":[{\"turn_id\":1,\"speaker\":\"A\",\"audio\":\"wav/"
                    + wavs.get(i) + "\"},{\"turn_id\":2,\"speaker\":\"B\",\"text\":\"I am fine, thanks\"}]}");
            if (i % 3 == 1) {
                lines.add("{not json at all");
            }
        }
        lines.add("{\"dialogue_id\":\"escape\",\"turns\":[{\"turn_id\":1,\"audio\":\"../../../../etc/passwd\"}]}");
        lines.add("");
        return lines;
    }

    @Test
    void oneRowPerLineIdenticalToTheSingleMachineScorer() throws Exception {
        Path ravdess = SparkTestSupport.sharedData().resolve("ravdess");
        List<String> lines = dialogues(ravdess);
        Path in = tmp.resolve("dialogues.jsonl");
        Files.write(in, lines);

        ScoreJob.Settings settings = new ScoreJob.Settings(null, List.of(ravdess.toString()));
        List<Row> rows = ScoreJob.score(spark.read().textFile(in.toString()), settings).orderBy("line").collectAsList();
        assertEquals(lines.size(), rows.size(), "exactly one output row per input line");

        BatchScorer local = new BatchScorer(ComponentLoader.load(AnalysisSettings.single(null),
                ModelStore.fromEnvironment()), new AudioRoots(List.of(ravdess)));
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(i + 1, rows.get(i).getLong(0));
            assertEquals(local.score(lines.get(i), i + 1), rows.get(i).getString(1), "line " + (i + 1));
        }
        assertTrue(rows.get(2).getBoolean(2), "the malformed line is an error row");
        assertTrue(rows.get(lines.size() - 2).getString(1).contains("outside"), rows.get(lines.size() - 2).getString(1));
    }

    @Test
    void audioRootsWithASchemeAreReadThroughHadoopWithIdenticalResults() throws Exception {
        Path ravdess = SparkTestSupport.sharedData().resolve("ravdess");
        List<String> lines = dialogues(ravdess).subList(0, 2);
        Path in = tmp.resolve("dialogues.jsonl");
        Files.write(in, lines);

        ScoreJob.Settings settings = new ScoreJob.Settings(null, List.of(ravdess.toUri().toString()));
        List<Row> rows = ScoreJob.score(spark.read().textFile(in.toString()), settings).orderBy("line").collectAsList();
        BatchScorer local = new BatchScorer(ComponentLoader.load(AnalysisSettings.single(null),
                ModelStore.fromEnvironment()), new AudioRoots(List.of(ravdess)));
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(local.score(lines.get(i), i + 1), rows.get(i).getString(1), "line " + (i + 1));
        }
    }

    @Test
    void aJobKilledPartWayAndRunAgainWritesWhatOneCleanRunWrites() throws Exception {
        Path ravdess = SparkTestSupport.sharedData().resolve("ravdess");
        List<String> lines = dialogues(ravdess);
        Path in = tmp.resolve("dialogues.jsonl");
        Files.write(in, lines);
        Path out = tmp.resolve("scored");

        Process killed = submit(in, out, ravdess);
        // Kill -9 once the driver is up and scoring; wherever it lands, the rerun must repair it.
        Thread.sleep(15_000);
        killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        Process rerun = submit(in, out, ravdess);
        assertTrue(rerun.waitFor(5, TimeUnit.MINUTES), "rerun finished");
        assertEquals(0, rerun.exitValue(), Files.readString(tmp.resolve("submit.log")));

        List<String> written = new ArrayList<>();
        try (Stream<Path> parts = Files.list(out)) {
            for (Path p : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                written.addAll(Files.readAllLines(p));
            }
        }
        BatchScorer local = new BatchScorer(ComponentLoader.load(AnalysisSettings.single(null),
                ModelStore.fromEnvironment()), new AudioRoots(List.of(ravdess)));
        List<String> clean = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            clean.add(local.score(lines.get(i), i + 1));
        }
        assertEquals(clean, written);
        assertTrue(Files.exists(out.resolve("_SUCCESS")));
    }

    /** ScoreJob's main in its own JVM, as spark-submit would run it (local[2] master). */
    private Process submit(Path in, Path out, Path root) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String opt : System.getProperty("emofuse.spark.jvmopts", "").split(" ")) {
            if (!opt.isBlank()) {
                cmd.add(opt);
            }
        }
        cmd.add("-Dspark.master=local[2]");
        cmd.add("-Dspark.ui.enabled=false");
        cmd.add("-Dspark.driver.host=127.0.0.1");
        cmd.add("-Dspark.driver.bindAddress=127.0.0.1");
        cmd.add("-Demofuse.home=" + System.getProperty("emofuse.home"));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ScoreJob.class.getName());
        // --model none: the comparison run scores without a model (the main's default is the shipped one)
        cmd.addAll(List.of("--in", in.toString(), "--out", out.toString(), "--audio-root", root.toString(),
                "--model", "none"));
        File log = tmp.resolve("submit.log").toFile();
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log).start();
    }
}
