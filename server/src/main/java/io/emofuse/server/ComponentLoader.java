package io.emofuse.server;

import io.emofuse.acoustic.FeatureExtractor;
import io.emofuse.acoustic.FeatureSets;
import io.emofuse.linguistic.TextEmbedder;
import io.emofuse.linguistic.TextEmbedders;
import io.emofuse.linguistic.asr.VoskTranscriber;
import io.emofuse.models.ModelStore;
import io.emofuse.models.OfflineGuard;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads what a configuration asks for: Vosk always; with an emotion model bundle, the feature set
 * and text embedder the bundle was trained with (the bundle decides, not the config, so a model
 * never sees inputs it was not trained on); without one, nothing else.
 */
public final class ComponentLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ComponentLoader.class);

    private ComponentLoader() {
    }

    public static EmotionAnalyzer load(ServerConfig config, ModelStore store) {
        return load(config, store, null);
    }

    /** As {@link #load(ServerConfig, ModelStore)} with a model built in code instead of config's bundle. */
    public static EmotionAnalyzer load(ServerConfig config, ModelStore store, EmotionModel given) {
        OfflineGuard.enforce();
        EmotionModel model = given;
        TextEmbedder embedder = null;
        VoskTranscriber asr = null;
        try {
            if (model == null && config.model() != null) {
                try {
                    model = EmotionModel.load(config.model());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot load emotion model " + config.model() + ": " + e.getMessage(), e);
                }
            }
            if (model != null) {
                if (model.speakerNormalised()) {
                    LOG.warn("model {} was trained on per-speaker normalised features; the server sees one "
                            + "utterance of an unknown speaker and cannot normalise, so expect shifted predictions",
                            model.name());
                }
            }
            FeatureExtractor acoustic = model != null && model.usesAcoustic() ? FeatureSets.create(model.featureSet()) : null;
            embedder = model != null && model.usesText() ? TextEmbedders.create(model.embedder(), store) : null;
            // Streams hold a recogniser each; REST and batch jobs need one per worker on top.
            asr = VoskTranscriber.open(store, null, config.maxStreams() + config.workers());
            return new EmotionAnalyzer(new EmotionAnalyzer.Components(asr, acoustic, embedder, model));
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
