package io.emofuse.app;

import io.emofuse.linguistic.models.ModelStore;
import io.emofuse.training.config.TrainConfig;
import io.emofuse.training.train.TrainService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code emofuse train}: one model from a config and a manifest, written as a bundle. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model (acoustic, text, early, concat, hierarchical or late fusion) and write a model bundle.",
        footer = {"", "Examples:",
            "  A concat model that analyze, score and serve can load (one utterance of an unknown speaker):",
            "    emofuse train --config configs/emobank-speech/concat.yaml --speaker-normalise false \\",
            "        --data ../shared/data/emobank-speech/manifest.csv --out models/concat",
            "    emofuse analyze --model models/concat ../shared/data/emobank-speech/wav/ebs_0001.wav",
            "  As the config says (features z-scored per speaker: for predict and experiment, on manifests with speakers):",
            "    emofuse train --config configs/emobank-speech/concat.yaml --data ../shared/data/emobank-speech/manifest.csv --out models/concat-spk",
            "  Transcripts instead of the manifest's text, on the CPU:",
            "    emofuse train --config configs/emobank-speech/late.yaml --data m.csv --out models/late --text-source asr --device cpu",
            "",
            "With a 'split' column the manifest's train rows are learnt, dev rows drive early stopping",
            "and test rows are scored; without one every row is learnt. Features are cached (see the config's",
            "features.cache). The bundle holds bundle.json, weights, config.yaml and metrics.json."})
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "CFG.yaml", description = "Training config (see configs/).")
    Path config;

    @Option(names = "--data", required = true, paramLabel = "MANIFEST", description = "Manifest, CSV or JSONL.")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Bundle folder to write.")
    Path out;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", description = "Overrides training.device.")
    String device;

    @Option(names = "--text-source", paramLabel = "manifest|asr", description = "Overrides features.text_source.")
    String textSource;

    @Option(names = "--speaker-normalise", paramLabel = "true|false", arity = "1",
            description = "Overrides features.acoustic.speaker_normalise. A model trained with true normalises within each "
                    + "speaker of a manifest: predict and experiment can use it, analyze, score and serve refuse it.")
    Boolean speakerNormalise;

    @Option(names = "--seed", description = "Overrides training.seed.")
    Long seed;

    @Option(names = "--max-seconds", paramLabel = "N", converter = Numbers.Seconds.class, description = "Score the test rows on the first N seconds of each utterance (training rows stay whole).")
    Double maxSeconds;

    @Mixin
    FeatureRunOptions run;

    @Override
    public Integer call() throws IOException {
        OutputFiles.checkReadable(config, "--config", "training config (YAML)");
        TrainConfig cfg;
        try {
            cfg = TrainConfig.load(config);
            if (device != null) {
                cfg.training.device = device;
            }
            if (textSource != null) {
                cfg.features.textSource = textSource;
            }
            if (seed != null) {
                cfg.training.seed = seed;
            }
            if (speakerNormalise != null) {
                if (cfg.features.acoustic == null) {
                    throw new UserError("--speaker-normalise: " + config + " has no acoustic features to normalise");
                }
                cfg.features.acoustic.speakerNormalise = speakerNormalise;
            }
            cfg.validate();
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
        OutputFiles.checkReadable(data, "--data", "manifest, CSV or JSONL");
        TrainService.Result r;
        try (TrainingProgress progress = run.progress()) {
            r = new TrainService(ModelStore.fromEnvironment(), run.threads(), progress, progress)
                    .train(cfg, config, data, out, maxSeconds);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
        var o = spec.commandLine().getOut();
        o.println("wrote " + r.bundle());
        if (cfg.features.acoustic != null && cfg.features.acoustic.speakerNormalise) {
            o.println("note: this model normalises features per speaker: use it with predict or experiment; analyze, score and "
                    + "serve refuse it (train with --speaker-normalise false for them)");
        }
        for (String part : new String[] {"train", "dev", "test"}) {
            if (r.metrics().get(part) instanceof Map<?, ?> m && m.containsKey("mean_ccc")) {
                o.printf(Locale.ROOT, "%s: %s rows, mean CCC %.3f%s%n", part, m.get("rows"), (Double) m.get("mean_ccc"),
                        part.equals("train") ? " (rows the model learnt from)" : "");
            }
        }
        o.flush();
        return 0;
    }
}
