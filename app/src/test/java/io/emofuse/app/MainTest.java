package io.emofuse.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void helpListsTheCommands() {
        CliTestSupport.Result r = CliTestSupport.run("--help");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("models"), r.out());
    }

    @Test
    void aNamedSubcommandIsTheOnlyOneBuiltAndTheHelpStillListsThemAll() {
        assertEquals(java.util.Set.of("extract"), Main.commandLine("extract", "--help").getSubcommands().keySet());
        assertEquals(12, Main.commandLine().getSubcommands().size());
        assertEquals(12, Main.commandLine("--help").getSubcommands().size());
        CliTestSupport.Result r = CliTestSupport.run("extract", "--help");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("--set"), r.out());
    }

    @Test
    void aMisspelledSubcommandIsOneLineAndExitTwo() {
        CliTestSupport.Result r = CliTestSupport.run("extrct", "x.wav");
        assertEquals(Main.EXIT_USAGE, r.exitCode());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("extrct"), r.err());
    }

    @Test
    void unknownOptionIsOneLineAndExitTwo() {
        CliTestSupport.Result r = CliTestSupport.run("--no-such-option");
        assertEquals(Main.EXIT_USAGE, r.exitCode());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("--no-such-option"), r.err());
    }

    @Test
    void modelsListsVoskAndMiniLmWithLicensesAndCachePaths() {
        String home = System.getProperty("java.io.tmpdir") + "/emofuse-models-cli-test";
        CliTestSupport.Result r = CliTestSupport.run("models", "--home", home);
        assertEquals(0, r.exitCode(), r.err());
        String vosk = r.out().lines().filter(l -> l.startsWith("vosk-en-us")).findFirst().orElseThrow();
        assertTrue(vosk.contains("Apache-2.0") && vosk.contains("com.alphacephei:vosk-model-en"), vosk);
        String minilm = r.out().lines().filter(l -> l.startsWith("minilm")).findFirst().orElseThrow();
        assertTrue(minilm.contains("Apache-2.0") && minilm.contains("MB"), minilm);
        assertTrue(r.out().contains(home + "/models/minilm"), r.out());
    }
}
