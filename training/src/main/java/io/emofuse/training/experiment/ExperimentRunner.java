package io.emofuse.training.experiment;

import io.emofuse.fusion.Emotion;
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
import io.emofuse.training.split.Fold;
import io.emofuse.training.split.Splitter;
import io.emofuse.training.train.EpochListener;
import io.emofuse.training.train.LabelledData;
import io.emofuse.training.train.ModelTrainer;
import io.emofuse.training.train.TrainedModel;
import io.emofuse.training.train.TrainedNetwork;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Trains every model of an experiment on the same folds and scores it on each fold's test rows.
 * The folds come from the first model's split (the experiment's {@code split} overrides all).
 */
public final class ExperimentRunner {

    /** Told when a model starts a fold, and after each epoch. */
    public interface Listener extends EpochListener {
        void foldStarted(String model, String fold, int index, int folds);
    }

    private final ModelStore store;
    private final int threads;
    private final FeaturePipeline.Progress featureProgress;
    private final Listener listener;
    private final Double evalMaxSeconds;

    public ExperimentRunner(ModelStore store, int threads, FeaturePipeline.Progress featureProgress, Listener listener) {
        this(store, threads, featureProgress, listener, null);
    }

    /**
     * @param evalMaxSeconds null: test rows as the model config says; else the test rows' acoustic
     *                       features come from their first that many seconds (training rows stay whole)
     */
    public ExperimentRunner(ModelStore store, int threads, FeaturePipeline.Progress featureProgress, Listener listener,
                            Double evalMaxSeconds) {
        this.store = store;
        this.threads = threads;
        this.featureProgress = featureProgress;
        this.listener = listener;
        this.evalMaxSeconds = evalMaxSeconds;
    }

    public List<ModelRun> run(Manifest manifest, List<TrainConfig> models, FeatureCache cache) throws IOException {
        List<Fold> folds = Splitter.split(models.get(0).split.spec(), manifest.rows());
        FeaturePipeline pipeline = new FeaturePipeline(cache, store, threads, featureProgress);
        List<ModelRun> runs = new ArrayList<>();
        for (TrainConfig cfg : models) {
            FeatureTable features = pipeline.build(manifest.rows(), cfg.acousticInput(), cfg.textInput(),
                    TextSource.of(cfg.features.textSource));
            LabelledData data = Datasets.augmented(Datasets.labelled(manifest, features), pipeline, cfg.acousticInput(),
                    cfg.augmentations());
            LabelledData eval = evalMaxSeconds == null || cfg.acousticInput() == null ? data
                    : Datasets.labelled(manifest, pipeline.build(manifest.rows(), cfg.acousticInput().withMaxSeconds(evalMaxSeconds),
                            cfg.textInput(), TextSource.of(cfg.features.textSource)));
            List<FoldResult> results = new ArrayList<>();
            List<ModelRun.Curve> curves = new ArrayList<>();
            for (int f = 0; f < folds.size(); f++) {
                Fold fold = folds.get(f);
                if (listener != null) {
                    listener.foldStarted(cfg.displayName(), fold.name(), f + 1, folds.size());
                }
                try (TrainedModel m = new ModelTrainer(cfg, listener).train(data, fold.train(), fold.dev())) {
                    List<Emotion> pred = m.model().predictAll(pick(eval.acoustic(), fold.test()), pick(eval.text(), fold.test()));
                    results.add(Evaluator.score(cfg.displayName(), fold.name(), data, fold.test(), pred, cfg.model.categoryHead));
                    if (f == 0) {
                        for (Map.Entry<String, TrainedNetwork> c : m.curves().entrySet()) {
                            curves.add(new ModelRun.Curve(c.getKey(), c.getValue().trainLoss(), c.getValue().devScore(),
                                    c.getValue().bestEpoch()));
                        }
                    }
                }
            }
            runs.add(new ModelRun(cfg.displayName(), cfg.strategy, results, curves));
        }
        return runs;
    }

    private static float[][] pick(float[][] m, int[] rows) {
        if (m == null) {
            return null;
        }
        float[][] out = new float[rows.length][];
        for (int k = 0; k < rows.length; k++) {
            out[k] = m[rows[k]];
        }
        return out;
    }
}
