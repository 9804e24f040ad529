package io.emofuse.analysis;

import io.emofuse.acoustic.FeatureExtractor;
import io.emofuse.acoustic.FeatureSets;
import io.emofuse.linguistic.TextEmbedder;
import io.emofuse.linguistic.TextEmbedders;
import io.emofuse.linguistic.asr.VoskTranscriber;
import io.emofuse.linguistic.models.ModelNotFoundException;
import io.emofuse.linguistic.models.ModelStore;
import io.emofuse.linguistic.models.OfflineGuard;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Loads what the settings ask for: Vosk always; with an emotion model bundle, the feature set
 * and text embedder the bundle was trained with (the bundle decides, not the config, so a model
 * never sees inputs it was not trained on); without one, nothing else. Bundles trained on
 * per-speaker normalised features are refused (an unknown speaker cannot be normalised).
 */
public final class ComponentLoader {

    private ComponentLoader() {
    }

    public static EmotionAnalyzer load(AnalysisSettings config, ModelStore store) {
        return load(config, store, null);
    }

    /** As {@link #load(AnalysisSettings, ModelStore)} with a model built in code instead of config's bundle. */
    public static EmotionAnalyzer load(AnalysisSettings config, ModelStore store, EmotionModel given) {
        OfflineGuard.enforce();
        EmotionModel model = given;
        TextEmbedder embedder = null;
        VoskTranscriber asr = null;
        try {
            if (model == null && config.model() != null) {
                try {
                    model = EmotionModel.load(EmotionModelLocator.locate(config.model(), store));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot load emotion model " + config.model() + ": " + e.getMessage(), e);
                }
            }
            if (model != null && model.speakerNormalised()) {
                // Its inputs were z-scored within each training speaker; one utterance of an unknown
                // speaker cannot be normalised that way, and raw features give values far off the scale
                // (seen: arousal 69 on a 1-5 scale). Refuse rather than serve numbers that mean nothing.
                throw new ModelNotFoundException("emotion model " + model.name() + " was trained on per-speaker "
                        + "normalised acoustic features (acoustic_input.speaker_normalised), which one utterance of an "
                        + "unknown speaker cannot reproduce; use a model trained with --speaker-normalise false "
                        + "(or 'emofuse predict' on a manifest with a speaker column)");
            }
            FeatureExtractor acoustic = model != null && model.usesAcoustic() ? FeatureSets.create(model.featureSet()) : null;
            // One ONNX Runtime thread per call: the faces' parallelism is their worker pools, and extra
            // intra-op threads (which spin after each run) took CPU from the streams' decoders.
            embedder = model != null && model.usesText()
                    ? TextEmbedders.create(model.embedder(), store, TextEmbedders.Options.defaults().withThreads(1)) : null;
            // Streams hold a recogniser each; REST and batch jobs need one per worker on top.
            asr = VoskTranscriber.open(store, null, config.recognisers());
            return new EmotionAnalyzer(new EmotionAnalyzer.Components(asr, acoustic, embedder, model,
                    config.speakerAdaptation()));
        } catch (RuntimeException e) {
            if (embedder != null) {
                embedder.close();
            }
            if (model != null) {
                model.close();
            }
            if (asr != null) {
                asr.close();
            }
            throw e;
        }
    }
}
