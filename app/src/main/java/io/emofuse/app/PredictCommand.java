package io.emofuse.app;

import io.emofuse.fusion.bundle.LoadedModel;
import io.emofuse.fusion.nn.Devices;
import io.emofuse.linguistic.models.ModelStore;
import io.emofuse.analysis.EmotionModelLocator;
import io.emofuse.training.data.TextSource;
import io.emofuse.training.train.PredictService;
import java.io.IOException;
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
            "  emofuse predict --model models/concat --data ../shared/data/emobank-speech/manifest.csv --out pred.csv",
            "  The shipped model; rows with text only get V/A/D from the words, rows with audio only a transcript:",
            "    emofuse predict --model default --data m.csv --out pred.csv",
            "  Words from ASR even where the manifest has text (adds a transcript column):",
            "    emofuse predict --model models/late --data m.csv --out pred.csv --text-source asr",
            "",
            "Output columns: utt_id,V,A,D [,category,p_CLASS...] [,p_valence_positive,p_activation_high]",
            "[,transcript] [,modalities]. The p_valence/p_activation columns come from a model's binary heads;",
            "modalities (audio, text, text(asr), joined by +) from models that score one modality alone. V, A, D are on the scale of",
            "the labels the model was trained on. A model trained with speaker-normalised acoustic",
            "features normalises within the manifest's speakers."})
final class PredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", defaultValue = EmotionModelLocator.DEFAULT, paramLabel = "NAME|DIR",
            description = "Model: a bundle folder (from 'emofuse train'), a composite folder, or a catalogued name "
                    + "(default: ${DEFAULT-VALUE}, the shipped model).")
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

    @Option(names = "--max-seconds", paramLabel = "N", description = "Predict from the first N seconds of each utterance (0 = all; default: as the model was trained).")
    Double maxSeconds;

    @Mixin
    FeatureRunOptions run;

    @Override
    public Integer call() throws IOException {
        ModelStore store = ModelStore.fromEnvironment();
        Path cacheDir = cache != null ? cache : store.home().resolve("cache");
        int n;
        try (LoadedModel bundle = LoadedModel.open(EmotionModelLocator.locate(model, store), Devices.choose(device));
             TrainingProgress progress = run.progress()) {
            n = new PredictService(store, run.threads, progress)
                    .predict(bundle, data, out, TextSource.of(textSource), cacheDir, maxSeconds);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
        spec.commandLine().getOut().println("wrote " + n + " predictions to " + out);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
