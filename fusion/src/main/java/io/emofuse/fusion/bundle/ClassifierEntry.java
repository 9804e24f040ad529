package io.emofuse.fusion.bundle;

import io.emofuse.fusion.nn.Normaliser;
import java.util.Map;

/**
 * A classical classifier in a bundle ({@code model.type: svm | random_forest}): its kind, the file
 * holding it, the input normalisers, the early-fusion block factors (acoustic, text), the width of
 * its input row, and its provenance as the library records it (for Tribuo: trainer, settings, seed,
 * dataset hash; for LIBSVM: the parameters).
 */
public record ClassifierEntry(String kind, String file, Normaliser acousticNormaliser, Normaliser textNormaliser,
                              double[] blockScales, int features, Map<String, Object> provenance) {
}
