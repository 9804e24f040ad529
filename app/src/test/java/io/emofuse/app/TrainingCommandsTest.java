package io.emofuse.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emofuse.linguistic.models.OfflineGuard;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad input to train / predict / experiment / import: one line naming the problem, exit 2. */
class TrainingCommandsTest {

    static String[] run(String... args) {
        OfflineGuard.enforce();
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(out));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), err.toString(), out.toString()};
    }

    static void assertUserError(String[] r, String... fragments) {
        assertEquals("2", r[0], r[1]);
        assertEquals(1, r[1].strip().lines().count(), r[1]);
        for (String f : fragments) {
            assertTrue(r[1].contains(f), r[1]);
        }
    }

    @Test
    void missingAndBadInputs(@TempDir Path dir) throws Exception {
        assertUserError(run("train", "--config", dir.resolve("none.yaml").toString(), "--data", "m.csv", "--out", "o"),
                "none.yaml");
        Path cfg = dir.resolve("c.yaml");
        Files.writeString(cfg, "strategy: concat\nmodel: {acoustic: {type: transformer}}\n");
        assertUserError(run("train", "--config", cfg.toString(), "--data", "m.csv", "--out", "o"), "transformer");
        Files.writeString(cfg, "strategy: text\nfeatures: {text: {embedder: \"glove:" + dir.resolve("none.txt") + "\"}}\n");
        Path manifest = dir.resolve("m.csv");
        Files.writeString(manifest, "utt_id,text,V,A,D\nu1,hi,1,2,3\nu2,ho,1,x,3\n");
        assertUserError(run("train", "--config", cfg.toString(), "--data", manifest.toString(), "--out", dir.resolve("o").toString()),
                "line 3", "'x'");
        assertUserError(run("predict", "--model", dir.toString(), "--data", manifest.toString(), "--out", "p.csv"),
                "not a model bundle");
        assertUserError(run("experiment", "--config", cfg.toString()), "data");
        assertUserError(run("import", "timit", dir.toString(), "--out", "m.csv"), "timit");
        assertUserError(run("train", "--config", cfg.toString(), "--data", manifest.toString(), "--out", "o", "--device", "tpu"), "tpu");
    }

    /** Both RAVDESS repetitions into one manifest: rows of each folder in order; the same folder twice is refused. */
    @Test
    void importsSeveralFolders(@TempDir Path dir) throws Exception {
        Path rep1 = Files.createDirectories(dir.resolve("rep1"));
        Path rep2 = Files.createDirectories(dir.resolve("rep2"));
        Files.write(rep1.resolve("03-01-05-01-01-01-03.wav"), new byte[44]);
        Files.write(rep2.resolve("03-01-05-01-01-02-03.wav"), new byte[44]);
        Files.write(rep2.resolve("03-01-02-01-02-02-04.wav"), new byte[44]);
        Path out = dir.resolve("both.csv");
        String[] r = run("import", "ravdess", rep1.toString(), rep2.toString(), "--vad-from-category", "--out", out.toString());
        assertEquals("0", r[0], r[1]);
        var lines = Files.readAllLines(out);
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(1).startsWith("03-01-05-01-01-01-03,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("03-01-02-01-02-02-04,"), lines.get(2));
        assertTrue(lines.get(3).contains("actor_03") && lines.get(3).contains("angry"), lines.get(3));
        assertUserError(run("import", "ravdess", rep1.toString(), rep1.toString(), "--out", dir.resolve("twice.csv").toString()),
                "03-01-05-01-01-01-03");
    }
}
