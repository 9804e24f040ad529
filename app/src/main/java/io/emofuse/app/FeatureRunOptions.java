package io.emofuse.app;

import io.emofuse.analysis.Defaults;
import picocli.CommandLine.Option;

/**
 * Options shared by the commands that extract features for a model ({@code train}, {@code predict},
 * {@code experiment}): how many extraction threads, and whether to show progress.
 */
final class FeatureRunOptions {

    @Option(names = "--threads", paramLabel = "N", converter = Numbers.AtLeastOne.class,
            description = "Feature extraction threads (default: one per core).")
    Integer threads;

    @Option(names = {"-q", "--quiet"}, description = "No progress bars.")
    boolean quiet;

    /** The threads asked for, else {@link Defaults#threads()}. */
    int threads() {
        return Defaults.threads(threads, Defaults.threads());
    }

    /** Progress bars on stderr, or none with {@code --quiet}. */
    TrainingProgress progress() {
        return new TrainingProgress(quiet, System.err);
    }
}
