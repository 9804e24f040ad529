package io.emofuse.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every subcommand, misused as a new user would misuse it: each invocation must exit 2 with one
 * line on stderr that names the input it is about, never an exception or "internal error". The
 * table must cover every subcommand the command line has.
 */
class BadInvocationsTest {

    @TempDir
    Path tmp;

    /** One bad invocation and a word its error line must contain (the input or option it names). */
    record Bad(String mentions, String... args) {
    }

    private List<Bad> table() throws Exception {
        String dir = tmp.toString();
        String missing = tmp.resolve("missing.txt").toString();
        String text = Files.writeString(tmp.resolve("in.txt"), "hello\n").toString();
        String empty = Files.writeString(tmp.resolve("empty.txt"), "").toString();
        String manifest = Files.writeString(tmp.resolve("m.csv"), "utt_id,wav,text\na,,hello\n").toString();
        String jsonl = Files.writeString(tmp.resolve("d.jsonl"), "{\"dialogue_id\":\"d\",\"turns\":[]}\n").toString();
        String noDir = tmp.resolve("no/such/dir/out.csv").toString();
        String wav = "../samples/happy.wav";
        return List.of(
                new Bad("--text", "analyze"),
                new Bad("/no/such/model", "analyze", "--model", "/no/such/model", wav),
                new Bad("none", "analyze", "--model", "none", wav),
                new Bad("--port", "serve", "--port", "99999"),
                new Bad("--workers", "serve", "--workers", "-1"),
                new Bad("--workers", "serve", "--workers", "0"),
                new Bad("missing.txt", "serve", "--config", missing),
                new Bad("--device", "serve", "--device", "tpu"),
                new Bad("--bogus", "models", "--bogus"),
                new Bad("--threads", "transcribe", "--threads", "0", "--out", "o.jsonl", wav),
                new Bad(dir, "transcribe", "--out", dir, wav),
                new Bad("no/such/dir", "transcribe", "--out", noDir, wav),
                new Bad("missing.txt", "transcribe", "--phrases", missing, "--out", tmp.resolve("t.jsonl").toString(), wav),
                new Bad(dir, "extract", "--set", "egemaps", "--out", dir, wav),
                new Bad("--silence-alpha", "extract", "--set", "egemaps", "--silence-alpha", "0.2", "--out", "o.csv", wav),
                new Bad("--threads", "extract", "--set", "egemaps", "--threads", "0", "--out", "o.csv", wav),
                new Bad("no-such-set", "extract", "--set", "no-such-set", "--out", "o.csv", wav),
                new Bad("--threads", "predict", "--threads", "0", "--data", manifest, "--out", "p.csv"),
                new Bad("--max-seconds", "predict", "--max-seconds", "-1", "--data", manifest, "--out", "p.csv"),
                new Bad("missing.txt", "predict", "--data", missing, "--out", tmp.resolve("p.csv").toString()),
                new Bad(dir, "predict", "--data", manifest, "--out", dir),
                new Bad("missing.txt", "score", missing, "--out", tmp.resolve("o.jsonl").toString()),
                new Bad("--threads", "score", jsonl, "--out", "o.jsonl", "--threads", "0"),
                new Bad(dir, "score", jsonl, "--out", dir),
                new Bad(dir, "embed", "--in", dir, "--out", tmp.resolve("e.csv").toString()),
                new Bad("missing.txt", "embed", "--in", missing, "--out", tmp.resolve("e.csv").toString()),
                new Bad(dir, "embed", "--in", text, "--out", dir),
                new Bad("--batch", "embed", "--batch", "0", "--in", text, "--out", "e.csv"),
                new Bad("--in", "embed"),
                new Bad("missing.txt", "embed", "train-word2vec", "--corpus", missing, "--out", tmp.resolve("w.bin").toString()),
                new Bad("empty.txt", "import", "emobank", empty, "--out", tmp.resolve("i.csv").toString()),
                new Bad("nosuch", "import", "nosuch", dir, "--out", tmp.resolve("i.csv").toString()),
                new Bad("missing.txt", "import", "ravdess", missing, "--out", tmp.resolve("i.csv").toString()),
                new Bad("missing.txt", "train", "--config", missing, "--data", manifest, "--out", tmp.resolve("b").toString()),
                new Bad("--threads", "train", "--threads", "0", "--config", missing, "--data", manifest, "--out", "b"),
                new Bad("missing.txt", "experiment", "--config", missing),
                new Bad("inputs.txt", "acoustic-parity", "--ref", dir, "--out", tmp.resolve("p.md").toString()),
                new Bad(dir, "acoustic-parity", "--ref", dir, "--out", dir));
    }

    @Test
    void everySubcommandRefusesMisuseInOneLineWithExitTwo() throws Exception {
        Set<String> covered = new TreeSet<>();
        List<String> failures = new ArrayList<>();
        for (Bad b : table()) {
            covered.add(b.args()[0]);
            CliTestSupport.Result r = CliTestSupport.run(b.args());
            String what = String.join(" ", b.args()) + " -> exit " + r.exitCode() + ", stderr: " + r.err();
            if (r.exitCode() != Main.EXIT_USAGE || r.err().strip().lines().count() != 1 || r.err().contains("Exception")
                    || r.err().contains("internal error") || !r.err().contains(b.mentions())) {
                failures.add(what);
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(new TreeSet<>(Main.commandLine().getSubcommands().keySet()), covered, "every subcommand has a row");
    }

    @Test
    void helpOfEverySubcommandHasExamplesAndKeepsThemWhole() {
        for (String name : Main.commandLine().getSubcommands().keySet()) {
            CliTestSupport.Result r = CliTestSupport.run(name, "--help");
            assertEquals(0, r.exitCode(), name);
            assertTrue(r.out().contains("Example"), name + ": " + r.out());
            // footers are printed line for line: an example line is never cut in two
            r.out().lines().filter(l -> l.trim().startsWith("emofuse " + name)).forEach(l ->
                    assertFalse(l.endsWith(" ") , name + ": " + l));
        }
        CliTestSupport.Result top = CliTestSupport.run("--help");
        int analyze = top.out().indexOf("  analyze");
        int serve = top.out().indexOf("  serve");
        int acoustic = top.out().indexOf("  acoustic-parity");
        assertTrue(analyze > 0 && analyze < serve && serve < acoustic, top.out());
        assertTrue(top.out().contains("emofuse analyze samples/"), top.out());
    }

    @Test
    void helpWrapsToColumnsWhenExported() {
        picocli.CommandLine wide = Main.commandLine("score", "--help");
        Main.helpWidth(wide, "200");
        assertEquals(200, wide.getSubcommands().get("score").getUsageHelpWidth());
        picocli.CommandLine plain = Main.commandLine("score", "--help");
        Main.helpWidth(plain, null);
        assertTrue(plain.getSubcommands().get("score").isUsageHelpAutoWidth());
    }
}
