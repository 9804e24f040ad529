package io.emofuse.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command-line tools tests make their inputs with (sox, ffmpeg). On a developer's machine a
 * missing tool skips the test; under CI ({@code CI=true}, where .ci/run installs them) it fails,
 * so a test that needs a tool can never pass by silently not running.
 */
public final class Tools {

    private Tools() {
    }

    /** The tool's path on the PATH; skips (fails under CI) when it is not there. */
    public static Path require(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, tool);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(tool + " is not installed; .ci/run installs it (apt-get install " + tool + ")");
        }
        assumeTrue(false, tool + " not installed (apt-get install " + tool + ")");
        return null;
    }

    /** Runs {@code tool args...}, failing the test with its output when it exits non-zero. */
    public static void run(String tool, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(require(tool).toString());
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(
                    new File("/dev/null"))).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
        } catch (IOException e) {
            fail("cannot run " + cmd + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted: " + cmd);
        }
    }
}
