package io.emofuse.analysis;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The defaults every face applies the same way ({@code analyze}, {@code predict}, {@code score},
 * {@code serve}, Spark): which emotion model, which config file, how many threads. Resolved here
 * once so that one command cannot silently run without the model another applies.
 */
public final class Defaults {

    /** The config file read when none is named and it exists (relative to the working directory). */
    public static final Path CONFIG = Path.of("configs", "server.yaml");

    private Defaults() {
    }

    /** Threads (workers, parallel inputs) when none is given: one per core. */
    public static int threads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** {@code given} when set, else {@code def}. */
    public static int threads(Integer given, int def) {
        return given != null ? given : def;
    }

    /** The named config file, else {@link #CONFIG} when it exists, else null (built-in defaults). */
    public static Path configFile(Path given) {
        if (given != null) {
            return given;
        }
        return Files.isRegularFile(CONFIG) ? CONFIG : null;
    }

    /**
     * The emotion model to load: the one named on the command line, else the config's, else the
     * shipped {@link EmotionModelLocator#DEFAULT}; null when either says {@link EmotionModelLocator#NONE}.
     */
    public static Path model(Path given, Path configured) {
        Path m = given != null ? given : configured != null ? configured : Path.of(EmotionModelLocator.DEFAULT);
        return m.toString().equals(EmotionModelLocator.NONE) ? null : m;
    }
}
