package io.emofuse.training.data;

import io.emofuse.acoustic.FeatureExtractor;
import io.emofuse.acoustic.FeatureSets;
import io.emofuse.acoustic.audio.Audio;
import io.emofuse.acoustic.audio.AudioFiles;
import io.emofuse.acoustic.audio.augment.Augmentation;
import io.emofuse.fusion.input.InputEncoder;
import io.emofuse.training.manifest.ManifestRow;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Acoustic rows of manifest rows, read from the {@link FeatureCache} or extracted through the
 * model's {@link InputEncoder} (with a training-time augmentation when one is given). The noise
 * draw of an augmented file is seeded by its content, so a file gets the same copy in every fold
 * and run. Thread-safe (extractors are, so one serves every extraction thread).
 */
final class AcousticRows {

    /** WAV natively, other formats through ffmpeg (immutable). */
    private final AudioFiles audioFiles = AudioFiles.fromEnvironment();
    private final FeatureCache cache;
    private final RowTasks tasks;
    private final FeaturePipeline.Progress progress;

    AcousticRows(FeatureCache cache, RowTasks tasks, FeaturePipeline.Progress progress) {
        this.cache = cache;
        this.tasks = tasks;
        this.progress = progress;
    }

    /**
     * One row per manifest row; a row whose {@code hash} is null (no audio) stays null.
     *
     * @param hash   sha256 of each row's audio file, or null where it has none
     * @param recipe augmentation, or null for the audio as it is
     */
    float[][] rows(List<ManifestRow> rows, String[] hash, InputEncoder encoder, Augmentation recipe) throws IOException {
        String key = encoder.acoustic().cacheKey() + (recipe == null ? "" : "/augment " + recipe);
        float[][] out = new float[rows.size()][];
        List<Integer> todo = new ArrayList<>();
        int absent = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (hash[i] == null) {
                absent++;
                continue;
            }
            out[i] = cache.vector("acoustic", hash[i], key).orElse(null);
            if (out[i] == null) {
                todo.add(i);
            }
        }
        int cached = rows.size() - todo.size() - absent;
        progress.update("acoustic " + key, cached, rows.size() - absent);
        if (!todo.isEmpty()) {
            FeatureExtractor fx = FeatureSets.create(encoder.acoustic().featureSet());
            tasks.run(todo, i -> {
                Audio audio = audioFiles.read16k(rows.get(i).wav());
                Audio clip = encoder.clip(audio);
                if (recipe != null) {
                    clip = recipe.apply(clip, Long.parseUnsignedLong(hash[i].substring(0, 15), 16));
                }
                float[] v = encoder.acousticRowOfClip(fx, clip);
                cache.putVector("acoustic", hash[i], key, v);
                out[i] = v;
            }, "acoustic " + key, cached, rows.size() - absent);
        }
        return out;
    }
}
