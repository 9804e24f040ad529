package io.emofuse.training.data;

import io.emofuse.training.manifest.Manifest;
import io.emofuse.training.train.LabelledData;
import io.emofuse.acoustic.audio.augment.Augmentation;
import io.emofuse.fusion.input.AcousticInput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Joins a manifest's labels with its feature table. */
public final class Datasets {

    private Datasets() {
    }

    public static LabelledData labelled(Manifest manifest, FeatureTable features) {
        boolean vad = manifest.hasVad();
        List<String> categories = manifest.categories();
        double[][] labels = null;
        if (vad) {
            labels = new double[manifest.rows().size()][];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = manifest.rows().get(i).vad();
            }
        }
        int[] cat = null;
        if (!categories.isEmpty()) {
            cat = new int[manifest.rows().size()];
            for (int i = 0; i < cat.length; i++) {
                cat[i] = categories.indexOf(manifest.rows().get(i).category());
            }
        }
        if (labels == null && cat == null) {
            throw new IllegalArgumentException(manifest.file() + ": nothing to learn: no V/A/D and no category column");
        }
        return new LabelledData(manifest.rows(), features.acoustic(), features.text(), labels, categories, cat);
    }

    /** {@code data} with the acoustic inputs of every row under each augmentation recipe (none: unchanged). */
    public static LabelledData augmented(LabelledData data, FeaturePipeline pipeline, AcousticInput input,
                                         List<Augmentation> recipes) throws IOException {
        if (recipes.isEmpty() || input == null) {
            return data;
        }
        List<float[][]> tables = new ArrayList<>();
        for (Augmentation a : recipes) {
            tables.add(pipeline.augmented(data.rows(), input, a));
        }
        return data.withAugmented(tables);
    }
}
