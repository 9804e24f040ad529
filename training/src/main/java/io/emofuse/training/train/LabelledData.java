package io.emofuse.training.train;

import io.emofuse.training.manifest.ManifestRow;
import java.util.List;

/**
 * Everything a model is trained and scored on: the rows (for speakers, in dev hold-out), their
 * inputs, raw V/A/D labels (null without them), category indices into {@code categories}
 * (null without a categorical head), and acoustic inputs of augmented copies of every row (one
 * table per recipe, {@code features.augment}; empty without augmentation), of which only the
 * training rows are used.
 */
public record LabelledData(List<ManifestRow> rows, float[][] acoustic, float[][] text, double[][] vad,
                           List<String> categories, int[] category, List<float[][]> augmented) {

    public LabelledData(List<ManifestRow> rows, float[][] acoustic, float[][] text, double[][] vad,
                        List<String> categories, int[] category) {
        this(rows, acoustic, text, vad, categories, category, List.of());
    }

    public LabelledData {
        augmented = augmented == null ? List.of() : List.copyOf(augmented);
    }

    public LabelledData withAugmented(List<float[][]> tables) {
        return new LabelledData(rows, acoustic, text, vad, categories, category, tables);
    }

    /** The same rows with other acoustic inputs (an augmented or adapted copy) and no augmented tables. */
    public LabelledData withAcoustic(float[][] table) {
        return new LabelledData(rows, table, text, vad, categories, category);
    }

    public int size() {
        return rows.size();
    }
}
