package io.emofuse.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one way tests find {@code ../shared} (read-only data beside the checkout). Surefire passes
 * {@code emofuse.shared} from the repository root ({@code .mvn/} marks it, so a run from inside a
 * module finds the same folder); without the property, the folders above the working directory
 * are searched. Tests that need data skip, with the path in the message, when it is absent.
 */
public final class SharedData {

    private SharedData() {
    }

    /** {@code ../shared/data}, or the test is skipped. */
    public static Path data() {
        Path root = root();
        assumeTrue(root != null && Files.isDirectory(root.resolve("data")),
                "../shared/data not found (emofuse.shared=" + System.getProperty("emofuse.shared") + ")");
        return root.resolve("data");
    }

    /** {@code ../shared/data/<first>/<more...>}, or the test is skipped when it does not exist. */
    public static Path path(String first, String... more) {
        Path p = data().resolve(Path.of(first, more));
        assumeTrue(Files.exists(p), p + " not present (run ../shared/data/make-all.sh for generated audio)");
        return p;
    }

    /** The RAVDESS folder (repetition 01; {@code wav/}, {@code manifest.csv}). */
    public static Path ravdess() {
        return path("ravdess", "wav").getParent();
    }

    /** A RAVDESS file: statement 01 is "Kids are talking by the door", 02 "Dogs are sitting by the door". */
    public static Path ravdessWav(String name) {
        return ravdess().resolve("wav").resolve(name);
    }

    /** True when {@code ../shared/data/<first>/<more...>} exists (for tests that adapt rather than skip). */
    public static boolean has(String first, String... more) {
        Path root = root();
        return root != null && Files.exists(root.resolve("data").resolve(Path.of(first, more)));
    }

    private static Path root() {
        String prop = System.getProperty("emofuse.shared");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("data"))) {
                return candidate;
            }
        }
        return null;
    }
}
