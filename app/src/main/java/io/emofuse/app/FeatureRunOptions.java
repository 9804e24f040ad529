package io.emofuse.app;

import picocli.CommandLine.Option;

/**
 * Options shared by the commands that extract features for a model ({@code train}, {@code predict},
 * {@code experiment}): how many extraction threads, and whether to show progress.
 */
final class FeatureRunOptions {

    @Option(names = "--threads", defaultValue = "2", description = "Feature extraction threads (default 2).")
    int threads;

    @Option(names = {"-q", "--quiet"}, description = "No progress bars.")
    boolean quiet;

    /** Progress bars on stderr, or none with {@code --quiet}. */
    TrainingProgress progress() {
        return new TrainingProgress(quiet, System.err);
    }
}
