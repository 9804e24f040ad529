package io.emofuse.training.train;

import ai.djl.engine.Engine;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.emofuse.fusion.Emotion;
import io.emofuse.fusion.bundle.BundleDescription;
import io.emofuse.fusion.bundle.ModelBundle;
import io.emofuse.fusion.bundle.Provenance;
import io.emofuse.linguistic.models.ModelStore;
import io.emofuse.training.config.TrainConfig;
import io.emofuse.training.data.Datasets;
import io.emofuse.training.data.FeatureCache;
import io.emofuse.training.data.FeaturePipeline;
import io.emofuse.training.data.FeatureTable;
import io.emofuse.training.data.TextSource;
import io.emofuse.training.eval.Evaluator;
import io.emofuse.training.eval.FoldResult;
import io.emofuse.training.manifest.Manifest;
import io.emofuse.training.manifest.ManifestReader;
import io.emofuse.training.split.Fold;
import io.emofuse.training.split.SplitSpec;
import io.emofuse.training.split.Splitter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The {@code train} command's work: read the manifest, build (or reuse cached) features, train the
 * configured model and write the bundle. When the manifest has a {@code split} column its train
 * rows are learnt, its dev rows drive early stopping and its test rows are scored; otherwise every
 * row is learnt (some held out for early stopping).
 */
public final class TrainService {

    /** What training produced: the bundle folder and the metrics written into it. */
    public record Result(Path bundle, Map<String, Object> metrics) {
    }

    private final ModelStore store;
    private final int threads;
    private final FeaturePipeline.Progress progress;
    private final EpochListener listener;

    public TrainService(ModelStore store, int threads, FeaturePipeline.Progress progress, EpochListener listener) {
        this.store = store;
        this.threads = threads;
        this.progress = progress;
        this.listener = listener;
    }

    public Result train(TrainConfig cfg, Path configFile, Path manifestFile, Path out) throws IOException {
        return train(cfg, configFile, manifestFile, out, null);
    }

    /**
     * As above; {@code evalMaxSeconds} (null = as configured) scores the test rows on the acoustic
     * features of their first that many seconds (training and dev rows stay as configured).
     */
    public Result train(TrainConfig cfg, Path configFile, Path manifestFile, Path out, Double evalMaxSeconds) throws IOException {
        Manifest manifest = ManifestReader.read(manifestFile);
        Path cacheDir = configFile.toAbsolutePath().getParent().resolve(cfg.features.cache).normalize();
        FeaturePipeline pipeline = new FeaturePipeline(new FeatureCache(cacheDir), store, threads, progress);
        TextSource source = TextSource.of(cfg.features.textSource);
        FeatureTable features = pipeline.build(manifest.rows(), cfg.acousticInput(), cfg.textInput(), source);
        LabelledData data = Datasets.augmented(Datasets.labelled(manifest, features), pipeline, cfg.acousticInput(),
                cfg.augmentations());
        LabelledData eval = evalMaxSeconds == null || cfg.acousticInput() == null ? data
                : Datasets.labelled(manifest, pipeline.build(manifest.rows(), cfg.acousticInput().withMaxSeconds(evalMaxSeconds),
                        cfg.textInput(), source));
        boolean splitColumn = manifest.rows().stream().anyMatch(r -> r.split() != null);
        Fold fold = splitColumn ? Splitter.split(new SplitSpec("manifest", 0, 0.2, 0), manifest.rows()).get(0)
                : new Fold("all", IntStream.range(0, manifest.rows().size()).toArray(), new int[0], new int[0]);
        Map<String, Object> metrics = new LinkedHashMap<>();
        try (TrainedModel model = new ModelTrainer(cfg, listener).train(data, fold.train(), fold.dev())) {
            metrics.put("train", score(cfg, data, fold.train(), model));
            if (fold.dev().length > 1) {
                metrics.put("dev", score(cfg, data, fold.dev(), model));
            }
            if (fold.test().length > 1) {
                metrics.put("test", score(cfg, eval, fold.test(), model));
                if (evalMaxSeconds != null) {
                    metrics.put("test_max_seconds", evalMaxSeconds);
                }
            }
            Map<String, Object> curves = new LinkedHashMap<>();
            model.curves().forEach((k, v) -> curves.put(k, Map.of("train_loss", v.trainLoss(), "dev_score", v.devScore(),
                    "best_epoch", v.bestEpoch() + 1)));
            metrics.put("learning_curves", curves);
            Provenance prov = new Provenance(manifest.file().toString(), manifest.sha256(), fold.train().length,
                    gitCommit(configFile), Instant.now().toString(), versions(cfg), cfg.training.seed, cfg.toYaml(),
                    Map.of("train", metrics.get("train"), "dev", metrics.getOrDefault("dev", Map.of()),
                            "test", metrics.getOrDefault("test", Map.of())));
            BundleDescription d = new BundleDescription(BundleDescription.FORMAT, cfg.strategyValue(), cfg.acousticInput(),
                    cfg.textInput(), cfg.model.categoryHead ? data.categories() : List.of(), model.scaler(), Map.of(),
                    null, prov);
            if (model.classical() != null) {
                ModelBundle.writeClassical(out, d, model.classical());
            } else {
                ModelBundle.write(out, d, model.networks(), model.stage());
            }
        }
        Files.writeString(out.resolve("config.yaml"), cfg.toYaml());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("metrics.json").toFile(), metrics);
        return new Result(out, metrics);
    }

    private static Map<String, Object> score(TrainConfig cfg, LabelledData data, int[] rows, TrainedModel model) {
        List<Emotion> pred = model.model().predictAll(ModelTrainer.pick(data.acoustic(), rows), ModelTrainer.pick(data.text(), rows));
        FoldResult r = Evaluator.score(cfg.displayName(), "", data, rows, pred, cfg.model.categoryHead);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", rows.length);
        if (r.dimensions() != null) {
            String[] dims = {"V", "A", "D"};
            for (int j = 0; j < 3; j++) {
                m.put(dims[j], r.dimensions().get(j));
            }
            m.put("mean_ccc", r.meanCcc());
        }
        if (r.classification() != null) {
            m.put("accuracy", r.classification().accuracy());
            m.put("uar", r.classification().uar());
            m.put("confusion", r.classification().confusion());
        }
        return m;
    }

    /** The checkout's commit (local git, no network), or "unknown". */
    static String gitCommit(Path near) {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").directory(near.toAbsolutePath().getParent().toFile())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 && out.matches("[0-9a-f]{40}")) {
                return out;
            }
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "unknown";
    }

    static Map<String, String> versions() {
        return versions(null);
    }

    /** The versions of the code that made a model; a classical classifier names its library. */
    static Map<String, String> versions(TrainConfig cfg) {
        Map<String, String> v = new LinkedHashMap<>();
        String own = TrainService.class.getPackage().getImplementationVersion();
        v.put("emofuse", own == null ? "dev" : own);
        v.put("djl", Engine.getDjlVersion());
        v.put("pytorch", Engine.getEngine("PyTorch").getVersion());
        v.put("java", System.getProperty("java.version"));
        v.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        if (cfg != null && cfg.model.type.equals("svm")) {
            v.put("libsvm", io.emofuse.fusion.classical.Libsvm.version());
        } else if (cfg != null && cfg.model.type.equals("random_forest")) {
            v.put("tribuo", org.tribuo.Tribuo.VERSION);
        }
        return v;
    }
}
