package io.emofuse.training.data;

import io.emofuse.training.manifest.ManifestRow;
import java.util.List;

/**
 * A manifest's rows with their model inputs: acoustic and text rows (null for a modality not
 * asked for) and the text that was embedded per row (the manifest's or the ASR transcript;
 * {@code asr[i]} tells which).
 */
public record FeatureTable(List<ManifestRow> rows, float[][] acoustic, float[][] text, List<String> texts, boolean[] asr) {

    public int size() {
        return rows.size();
    }
}
