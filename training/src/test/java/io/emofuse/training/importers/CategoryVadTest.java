package io.emofuse.training.importers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emofuse.training.manifest.ManifestRow;
import org.junit.jupiter.api.Test;

class CategoryVadTest {

    @Test
    void coversEveryRavdessCategoryOnTheFivePointScale() {
        for (String c : RavdessImporter.EMOTIONS) {
            for (double x : CategoryVad.of(c).onFivePointScale()) {
                assertTrue(x >= 1 && x <= 5, c + " " + x);
            }
        }
        assertArrayEquals(new double[] {3, 3, 3}, CategoryVad.of("neutral").onFivePointScale(), 1e-12);
        // Russell & Mehrabian 1977: angry = (-.51, .59, .25) -> 3 + 2x
        assertArrayEquals(new double[] {1.98, 4.18, 3.5}, CategoryVad.of("Angry").onFivePointScale(), 1e-12);
    }

    @Test
    void highArousalCategoriesLieAboveLowArousalOnes() {
        double lowest = Math.min(CategoryVad.of("angry").arousal(), Math.min(CategoryVad.of("fearful").arousal(),
                Math.min(CategoryVad.of("happy").arousal(), CategoryVad.of("surprised").arousal())));
        for (String low : new String[] {"neutral", "calm", "sad"}) {
            assertTrue(CategoryVad.of(low).arousal() < lowest, low);
        }
    }

    @Test
    void labelsARowAndRefusesUnknownCategories() {
        ManifestRow r = new ManifestRow(2, "u", null, "t", "actor_01", null, null, null, null, "sad", null);
        ManifestRow labelled = CategoryVad.label(r);
        assertEquals(3 + 2 * -0.63, labelled.valence(), 1e-12);
        assertEquals("sad", labelled.category());
        assertThrows(IllegalArgumentException.class, () -> CategoryVad.of("bored"));
    }
}
