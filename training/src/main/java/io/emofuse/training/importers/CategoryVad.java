package io.emofuse.training.importers;

import io.emofuse.training.manifest.ManifestRow;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Valence/arousal/dominance targets for corpora labelled only with categories (RAVDESS), from the
 * pleasure-arousal-dominance ratings of emotion terms in Russell &amp; Mehrabian (1977), "Evidence
 * for a three-factor theory of emotions", J. Research in Personality 11(3):273-294. Their means
 * are on a -1..+1 scale; here they are mapped to EmoBank's 1-5 scale (3 + 2x) so that text and
 * voice predictions share one scale. Neutral is the centre (3, 3, 3) by definition, not a rating;
 * calm takes the rating of the term "relaxed".
 */
public record CategoryVad(String category, double pleasure, double arousal, double dominance) {

    /** Russell &amp; Mehrabian 1977 term means (P, A, D on -1..+1) for the eight RAVDESS categories. */
    public static final List<CategoryVad> RUSSELL_MEHRABIAN_1977 = List.of(
            new CategoryVad("neutral", 0.00, 0.00, 0.00),
            new CategoryVad("calm", 0.68, -0.46, 0.06),       // "relaxed"
            new CategoryVad("happy", 0.81, 0.51, 0.46),
            new CategoryVad("sad", -0.63, -0.27, -0.33),
            new CategoryVad("angry", -0.51, 0.59, 0.25),
            new CategoryVad("fearful", -0.64, 0.60, -0.43),
            new CategoryVad("disgust", -0.60, 0.35, 0.11),
            new CategoryVad("surprised", 0.40, 0.67, -0.13));

    private static final Map<String, CategoryVad> BY_NAME = Map.copyOf(RUSSELL_MEHRABIAN_1977.stream()
            .collect(java.util.stream.Collectors.toMap(CategoryVad::category, c -> c)));

    /** V, A, D on the 1-5 scale. */
    public double[] onFivePointScale() {
        return new double[] {3 + 2 * pleasure, 3 + 2 * arousal, 3 + 2 * dominance};
    }

    /** The mapping of a category, or an error naming the known ones. */
    public static CategoryVad of(String category) {
        CategoryVad c = category == null ? null : BY_NAME.get(category.toLowerCase(Locale.ROOT));
        if (c == null) {
            throw new IllegalArgumentException("no V/A/D mapping for category '" + category + "'; known: "
                    + RUSSELL_MEHRABIAN_1977.stream().map(CategoryVad::category).toList());
        }
        return c;
    }

    /** The row with V, A, D derived from its category. */
    public static ManifestRow label(ManifestRow r) {
        double[] vad = of(r.category()).onFivePointScale();
        return new ManifestRow(r.line(), r.uttId(), r.wav(), r.text(), r.speaker(), r.session(),
                vad[0], vad[1], vad[2], r.category(), r.split());
    }
}
