package io.emofuse.app;

import ai.djl.Device;
import io.emofuse.analysis.EmotionModel;
import io.emofuse.analysis.EmotionModelLocator;
import io.emofuse.fusion.nn.Devices;
import io.emofuse.linguistic.models.ModelStore;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Loads the emotion model a command names and refuses, in words fitting the command, a model the
 * command cannot serve, before any other component (Vosk, an encoder, a port) is opened.
 */
final class ModelLoading {

    private ModelLoading() {
    }

    /**
     * The bundle {@code given} names (a directory or a catalogued name), or a one-line UserError.
     *
     * @param face what the command does with one utterance, for the refusal ("analyze scores each file
     *             on its own"); null when any model is fine (predict normalises within the manifest)
     */
    static EmotionModel load(Path given, ModelStore store, String face) {
        return load(given, store, face, null);
    }

    /** As {@link #load(Path, ModelStore, String)} on {@code device} ({@code auto}, {@code cpu}, {@code gpu}; null: auto). */
    static EmotionModel load(Path given, ModelStore store, String face, String device) {
        Device on;
        try {
            on = device == null ? null : Devices.choose(device);
        } catch (IllegalArgumentException e) {
            throw new UserError("--device: " + e.getMessage(), e);
        }
        Path dir;
        try {
            dir = EmotionModelLocator.locate(given, store);
        } catch (RuntimeException e) {
            throw new UserError(UserErrors.forInput(e), e);
        }
        EmotionModel model;
        try {
            model = EmotionModel.load(dir, on);
        } catch (IOException | RuntimeException e) {
            throw new UserError(cannotLoad(given, dir, store, e), e);
        }
        if (face != null && model.speakerNormalised()) {
            model.close();
            // Its inputs were z-scored within each training speaker, which one utterance of an unknown
            // speaker cannot reproduce (raw features gave arousal 69 on a 1-5 scale).
            throw new UserError("emotion model " + given + " was trained on per-speaker normalised voice features "
                    + "(features.acoustic.speaker_normalise: true) and " + face + "; use it with 'emofuse predict' on a "
                    + "manifest with a speaker column, or train with --speaker-normalise false");
        }
        return model;
    }

    /**
     * Why a model does not load, naming the file where it can: a damaged file of a copy of a
     * catalogued model, else the loader's own message; and the fix.
     */
    static String cannotLoad(Path given, Path dir, ModelStore store, Exception e) {
        String where = dir.equals(given) ? given.toString() : given + " (" + dir + ")";
        if (!dir.equals(given)) {
            return "cannot load model " + where + ": " + UserErrors.forInput(e) + "; run 'emofuse models --extract' to repair the cache";
        }
        var damaged = store.verifyCopy(dir);
        if (!damaged.isEmpty()) {
            return "cannot load model " + where + ": " + damaged.get(0) + "; copy that file again from the shipped model";
        }
        return "cannot load model " + where + ": " + UserErrors.forInput(e)
                + " (a damaged or incomplete file in " + dir + "; train or copy it again)";
    }
}
