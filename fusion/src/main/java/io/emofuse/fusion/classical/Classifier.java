package io.emofuse.fusion.classical;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A classical (non-network) category classifier on one dense input row: the attention paper's SVM
 * and random-forest baselines ({@code model.type: svm | random_forest}). Classes are the indices
 * 0..k−1 of the model's category list. Thread-safe for prediction.
 */
public interface Classifier {

    /** {@code svm} or {@code random_forest}. */
    String kind();

    /** Class probabilities (length k, summing to 1) of one row, already normalised as in training. */
    double[] probabilities(double[] row);

    /** The file in the bundle folder that holds the learnt model. */
    String file();

    /** Writes the learnt model as {@link #file()} into {@code dir}. */
    void save(Path dir) throws IOException;

    /**
     * Where the model came from, as the library records it (hyper-parameters, library version; for
     * Tribuo its full provenance: trainer, seed, dataset hash and size), for the bundle.
     */
    Map<String, Object> provenance();
}
