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
}
