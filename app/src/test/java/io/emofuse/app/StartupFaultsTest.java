package io.emofuse.app;

import io.emofuse.analysis.EmotionModelLocator;
import io.emofuse.server.TestFixtures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emofuse.app.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults the command line must report in one line instead of a stack trace or a half-started
 * server: a missing or corrupt emotion model at start-up, a full disk under {@code emofuse score}.
 */
class StartupFaultsTest {

    @TempDir
    Path tmp;

    /** Exit code and stderr (log lines included) of one in-process run. */
    record Run(int code, String err) {
        List<String> emofuseLines() {
            return err.lines().filter(l -> l.startsWith("emofuse:")).toList();
        }
    }

    static Run cli(String... args) {
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.run(args);
        } finally {
            System.setErr(err);
        }
        String text = buf.toString(StandardCharsets.UTF_8);
        System.err.print(text);
        return new Run(code, text);
    }

    /** The shipped default model (its text half is a plain bundle), from the test model store. */
    private static Path defaultModel() {
        return io.emofuse.linguistic.models.ModelStore.fromEnvironment().resolve(EmotionModelLocator.DEFAULT);
    }

    private Path copyOf(Path dir, String name) throws Exception {
        Path to = tmp.resolve(name);
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(dir.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    private static void truncate(Path file, double keep) throws Exception {
        byte[] b = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(b, (int) (b.length * keep)));
    }

    @Test
    void serveRefusesAMissingOrCorruptModelBeforeListening() throws Exception {
        Path good = defaultModel();
        Path truncatedJson = copyOf(good.resolve("text"), "truncated-json");
        truncate(truncatedJson.resolve("bundle.json"), 0.3);
        Path truncatedParams = copyOf(good.resolve("text"), "truncated-params");
        truncate(truncatedParams.resolve("main.params"), 0.5);
        Path brokenComposite = copyOf(good, "broken-composite");
        Files.delete(brokenComposite.resolve("acoustic").resolve("bundle.json"));
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        for (Path model : List.of(Path.of("/nonexistent/model"), empty, truncatedJson, truncatedParams,
                brokenComposite)) {
            Run r = assertTimeoutPreemptively(Duration.ofMinutes(2),
                    () -> cli("serve", "--model", model.toString(), "--host", "127.0.0.1", "--port", "0"));
            assertEquals(2, r.code(), model + ": exit 2\n" + r.err());
            assertEquals(1, r.emofuseLines().size(), model + ": one line\n" + r.err());
            String line = r.emofuseLines().get(0);
            assertTrue(line.contains(model.toString()), model + ": the line names the model: " + line);
            assertFalse(line.endsWith("null"), model + ": the line says what is wrong: " + line);
            assertFalse(r.err().contains("listening"), model + ": never listened\n" + r.err());
            assertFalse(r.err().contains("\tat "), model + ": no stack trace\n" + r.err());
        }
    }

    @Test
    void aSpeakerNormalisedModelIsRefusedInTheWordsOfEachFaceBeforeAnythingOpens() throws Exception {
        Path spk = copyOf(defaultModel().resolve("acoustic"), "speaker-normalised");
        Path json = spk.resolve("bundle.json");
        Files.writeString(json, Files.readString(json).replace("\"speakerNormalised\" : false", "\"speakerNormalised\" : true"));
        Run analyze = cli("analyze", "--model", spk.toString(), "../samples/happy.wav");
        assertEquals(2, analyze.code(), analyze.err());
        assertEquals(1, analyze.emofuseLines().size(), analyze.err());
        String a = analyze.emofuseLines().get(0);
        assertTrue(a.contains(spk.toString()) && a.contains("analyze scores each file on its own") && !a.contains("server"), a);
        assertTrue(a.contains("--speaker-normalise false"), "names the fix: " + a);
        Run serve = assertTimeoutPreemptively(Duration.ofMinutes(2),
                () -> cli("serve", "--model", spk.toString(), "--host", "127.0.0.1", "--port", "0"));
        assertEquals(2, serve.code(), serve.err());
        assertEquals(1, serve.emofuseLines().size(), serve.err());
        assertTrue(serve.emofuseLines().get(0).contains("the server hears each stream's speaker"), serve.err());
        assertFalse(serve.err().contains("listening"), serve.err());
    }

    @Test
    void serveOnAPortInUseSaysSoInOneLine() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            Run r = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> cli("serve", "--model", "none", "--host", "127.0.0.1",
                    "--port", String.valueOf(taken.getLocalPort())));
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.emofuseLines().size(), r.err());
            assertTrue(r.emofuseLines().get(0).contains(String.valueOf(taken.getLocalPort()))
                    && r.emofuseLines().get(0).contains("--port"), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }

    @Test
    void aCopiedModelWithADamagedFileNamesTheFile() throws Exception {
        Path copy = copyOf(defaultModel(), "damaged-copy");
        Path params = copy.resolve("text").resolve("main.params");
        truncate(params, 0.5);
        Run r = cli("analyze", "--model", copy.toString(), "--text", "What a day.");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.emofuseLines().size(), r.err());
        assertTrue(r.emofuseLines().get(0).contains(params.toString()), r.err());
    }

    @Test
    void scoreOnAFullDiskSaysSoInOneLine() throws Exception {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full), "Linux /dev/full");
        TestFixtures.ravdess();
        Path in = Files.writeString(tmp.resolve("in.jsonl"),
                "{\"dialogue_id\":\"a\",\"turns\":[{\"turn_id\":1,\"text\":\"I love this\"}]}\n");
        Run r = cli("score", in.toString(), "--out", full.toString(), "--no-progress", "--threads", "1");
        assertEquals(1, r.code(), r.err());
        assertEquals(1, r.emofuseLines().size(), r.err());
        String line = r.emofuseLines().get(0);
        assertTrue(line.startsWith("emofuse: cannot write /dev/full: No space left on device"), line);
        assertTrue(line.contains("the output ends at its last complete line"), line);
        assertTrue(line.contains("rerun the same command to resume"), line);
        assertFalse(r.err().contains("internal error"), r.err());
    }
}
