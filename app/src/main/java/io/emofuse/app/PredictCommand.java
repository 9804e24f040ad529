package io.emofuse.app;

import io.emofuse.fusion.bundle.LoadedModel;
import io.emofuse.fusion.nn.Devices;
import io.emofuse.linguistic.models.ModelStore;
import io.emofuse.analysis.Defaults;
import io.emofuse.analysis.EmotionModelLocator;
import io.emofuse.training.data.TextSource;
import io.emofuse.training.train.PredictService;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code emofuse predict}: a model bundle applied to a manifest. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Predict V, A, D (and the category, when the model has that head) for every row of a manifest.",
        footer = {"", "Examples:",
            "  The shipped model; rows with text only get V/A/D from the words, rows with audio only a transcript:",
            "    emofuse predict --data ../shared/data/emobank-speech/manifest.csv --out pred.csv",
            "  A bundle from 'emofuse train':",
            "    emofuse predict --model models/concat --data ../shared/data/emobank-speech/manifest.csv --out pred.csv",
            "  Words from ASR even where the manifest has text (adds a transcript column):",
            "    emofuse predict --model models/late --data m.csv --out pred.csv --text-source asr",
            "",
            "Output columns: utt_id,V,A,D [,category,p_CLASS...] [,p_valence_positive,p_activation_high]",
            "[,transcript] [,modalities] [,error]. A row that cannot be predicted (missing or unreadable",
            "audio, no text and no wav) gets its error there and on stderr (\"line N (utt_id): ...\"); the",
            "others are still predicted and the exit code is 1. Empty cells: the model gave no value.",
            "The p_valence/p_activation columns come from a model's binary heads; modalities (audio, text,",
            "text(asr), joined by +) from models that score one modality alone. V, A, D are on the scale",
            "of the labels the model was trained on. A model trained with speaker-normalised acoustic",
            "features normalises within the manifest's speakers."})
final class PredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "NAME|DIR",
            description = "Model: a bundle folder (from 'emofuse train'), a composite folder, or a catalogued name "
                    + "(default: " + EmotionModelLocator.DEFAULT + ", the shipped model).")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "MANIFEST", description = "Manifest, CSV or JSONL.")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "PRED.csv", description = "Predictions CSV to write.")
    Path out;

    @Option(names = "--text-source", defaultValue = "manifest", paramLabel = "manifest|asr",
            description = "manifest (default; ASR only for rows without text) or asr.")
    String textSource;

    @Option(names = "--device", defaultValue = "auto", paramLabel = "auto|cpu|gpu", description = "Device (default auto).")
    String device;

    @Option(names = "--cache", paramLabel = "DIR", description = "Feature cache (default: $EMOFUSE_HOME/cache).")
    Path cache;

    @Option(names = "--max-seconds", paramLabel = "N", converter = Numbers.Seconds.class, description = "Predict from the first N seconds of each utterance (0 = all; default: as the model was trained).")
    Double maxSeconds;

    @Mixin
    FeatureRunOptions run;

    @Override
    public Integer call() throws IOException {
        OutputFiles.checkReadable(data, "--data", "manifest, CSV or JSONL");
        OutputFiles.checkWritable(out, "--out");
        TextSource source;
        try {
            source = TextSource.of(textSource);
        } catch (IllegalArgumentException e) {
            throw new UserError("--text-source: " + e.getMessage(), e);
        }
        ModelStore store = ModelStore.fromEnvironment();
        Path cacheDir = cache != null ? cache : store.home().resolve("cache");
        Path chosen = Defaults.model(model, null);
        if (chosen == null) {
            throw new UserError("predict needs an emotion model; name one with --model (default: " + EmotionModelLocator.DEFAULT + ")");
        }
        Path dir;
        try {
            dir = EmotionModelLocator.locate(chosen, store);
        } catch (RuntimeException e) {
            throw new UserError(UserErrors.forInput(e), e);
        }
        ai.djl.Device dev;
        try {
            dev = Devices.choose(device);
        } catch (RuntimeException e) {
            throw new UserError(UserErrors.forInput(e), e);
        }
        PredictService.Result r;
        try (LoadedModel bundle = open(dir, chosen, dev, store);
             TrainingProgress progress = run.progress()) {
            r = new PredictService(store, run.threads(), progress)
                    .predictEach(bundle, data, out, source, cacheDir, maxSeconds);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
        PrintWriter err = spec.commandLine().getErr();
        r.errors().stream().limit(MAX_ERROR_LINES).forEach(e -> err.println("emofuse: " + e));
        if (r.errors().size() > MAX_ERROR_LINES) {
            err.println("emofuse: ... " + (r.errors().size() - MAX_ERROR_LINES) + " more rows with errors (their 'error' column in "
                    + out + ")");
        }
        err.println("emofuse: " + r.predicted() + " of " + (r.predicted() + r.errors().size()) + " rows predicted -> " + out);
        err.flush();
        return r.errors().isEmpty() ? 0 : Main.EXIT_SOME_FAILED;
    }

    /** Enough error lines to see the pattern; the CSV has every one. */
    private static final int MAX_ERROR_LINES = 20;

    private static LoadedModel open(Path dir, Path given, ai.djl.Device dev, ModelStore store) {
        try {
            return LoadedModel.open(dir, dev);
        } catch (IOException | RuntimeException e) {
            throw new UserError(ModelLoading.cannotLoad(given, dir, store, e), e);
        }
    }
}
