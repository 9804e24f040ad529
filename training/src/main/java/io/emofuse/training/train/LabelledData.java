package io.emofuse.training.train;

import io.emofuse.training.manifest.ManifestRow;
import java.util.List;

/**
 * Everything a model is trained and scored on: the rows (for speakers, in dev hold-out), their
 * inputs, raw V/A/D labels (null without them) and category indices into {@code categories}
 * (null without a categorical head).
 */
public record LabelledData(List<ManifestRow> rows, float[][] acoustic, float[][] text, double[][] vad,
                           List<String> categories, int[] category) {

    public int size() {
        return rows.size();
    }
}
