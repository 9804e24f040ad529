package io.emofuse.training.importers;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Binary valence (negative / positive) and binary activation (low / high) of an emotion category:
 * the auxiliary targets of the attention paper ("the categorical emotions are mapped to binary
 * valence and activation labels", after Schuller et al. 2010, cross-corpus SER) and of the CNN
 * paper. One rule, from the signs of the {@link CategoryVad} ratings (Russell &amp; Mehrabian 1977):
 * valence is positive when pleasure &ge; 0, activation is high when arousal &gt; 0. Neutral (0, 0)
 * thus counts as positive valence and low activation, as Schuller et al. grouped it (cited from
 * memory). Resulting table (RAVDESS's eight categories; TESS's and IEMOCAP's names are aliases):
 * <pre>
 *   category   valence   activation
 *   neutral    positive  low
 *   calm       positive  low
 *   happy      positive  high
 *   sad        negative  low
 *   angry      negative  high
 *   fearful    negative  high
 *   disgust    negative  high
 *   surprised  positive  high
 * </pre>
 */
public record BinaryAffect(boolean positiveValence, boolean highActivation) {

    /** Class names of the binary heads, in index order. */
    public static final List<String> VALENCE_CLASSES = List.of("negative", "positive");
    public static final List<String> ACTIVATION_CLASSES = List.of("low", "high");

    /** Other corpora's names for the {@link CategoryVad} terms: TESS ({@code fear}, {@code ps}) and IEMOCAP codes. */
    public static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("fear", "fearful"), Map.entry("ps", "surprised"), Map.entry("pleasant_surprise", "surprised"),
            Map.entry("neu", "neutral"), Map.entry("hap", "happy"), Map.entry("exc", "happy"), Map.entry("ang", "angry"),
            Map.entry("fea", "fearful"), Map.entry("dis", "disgust"), Map.entry("sur", "surprised"));

    /** The mapping of a category, or an error naming the known ones. */
    public static BinaryAffect of(String category) {
        String c = category == null ? null : category.toLowerCase(Locale.ROOT);
        CategoryVad pad = CategoryVad.of(ALIASES.getOrDefault(c, c));
        return new BinaryAffect(pad.pleasure() >= 0, pad.arousal() > 0);
    }

    public int valenceIndex() {
        return positiveValence ? 1 : 0;
    }

    public int activationIndex() {
        return highActivation ? 1 : 0;
    }
}
