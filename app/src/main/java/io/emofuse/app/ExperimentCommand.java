package io.emofuse.app;

import io.emofuse.linguistic.models.ModelStore;
import io.emofuse.training.data.FeatureCache;
import io.emofuse.training.experiment.ExperimentConfig;
import io.emofuse.training.experiment.ExperimentRunner;
import io.emofuse.training.experiment.ModelRun;
import io.emofuse.training.experiment.Plots;
import io.emofuse.training.experiment.ReportWriter;
import io.emofuse.training.manifest.Manifest;
import io.emofuse.training.manifest.ManifestReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code emofuse experiment}: several models on the same folds, with tables and plots. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Train and score several model configs on the same folds; write results.md/.csv/.json and PNG plots.",
        footer = {"", "Examples:",
            "  emofuse experiment --config configs/emobank-speech/compare.yaml --out target/experiments/compare",
            "  emofuse experiment --config configs/emobank-speech/compare.yaml --out /tmp/run1 --device cpu",
            "",
            "The experiment file names the manifest, the split (shared by all models) and the model configs.",
            "Without --out, results go to the config's 'out' folder and replace what is there: for the",
            "configs under configs/ that is the committed docs/results/... (how those are regenerated)."})
final class ExperimentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "EXP.yaml", description = "Experiment config.")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "Results folder (overrides the config's 'out').")
    Path out;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", description = "Overrides every model's training.device.")
    String device;

    @Option(names = "--text-source", paramLabel = "manifest|asr", description = "Overrides every model's text source.")
    String textSource;

    @Option(names = "--max-seconds", paramLabel = "N", converter = Numbers.Seconds.class, description = "Score every fold's test rows on the first N seconds of each utterance (training rows stay whole).")
    Double maxSeconds;

    @Mixin
    FeatureRunOptions run;

    @Override
    public Integer call() throws IOException {
        OutputFiles.checkReadable(config, "--config", "experiment config (YAML)");
        ExperimentConfig.Loaded exp;
        try {
            exp = ExperimentConfig.load(config);
            exp.models().forEach(m -> {
                if (device != null) {
                    m.training.device = device;
                }
                if (textSource != null) {
                    m.features.textSource = textSource;
                }
                m.validate();
            });
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
        Path dir = out != null ? out : exp.out();
        if (Files.isRegularFile(dir.resolve("results.md"))) {
            spec.commandLine().getErr().println("emofuse: note: " + dir + " holds results; this run replaces them"
                    + (out == null ? " (the config's 'out'; use --out DIR to write elsewhere)" : ""));
            spec.commandLine().getErr().flush();
        }
        List<ModelRun> runs;
        try (TrainingProgress progress = run.progress()) {
            Manifest manifest = ManifestReader.read(exp.data());
            if (exp.config().speakers != null) {
                manifest = manifest.withRows(manifest.rows().stream()
                        .filter(r -> exp.config().speakers.contains(r.speaker())).toList());
                if (manifest.rows().isEmpty()) {
                    throw new UserError(config + ": no rows of speakers " + exp.config().speakers + " in " + exp.data());
                }
            }
            runs = new ExperimentRunner(ModelStore.fromEnvironment(), run.threads(), progress, progress, maxSeconds)
                    .run(manifest, exp.models(), new FeatureCache(exp.cache()));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
        Files.createDirectories(dir);
        String command = "emofuse experiment --config " + config + (textSource != null ? " --text-source " + textSource : "")
                + (maxSeconds != null ? " --max-seconds " + maxSeconds : "");
        ReportWriter.write(dir, exp.config().name, command, runs);
        Plots.write(dir, runs);
        var o = spec.commandLine().getOut();
        o.print(Files.readString(dir.resolve("results.md")));
        o.println("wrote " + dir);
        o.flush();
        return 0;
    }
}
