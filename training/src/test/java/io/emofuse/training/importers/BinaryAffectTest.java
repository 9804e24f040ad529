package io.emofuse.training.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The derived binary labels: the table documented in BinaryAffect, for RAVDESS, TESS and IEMOCAP names. */
class BinaryAffectTest {

    /** category → {positive valence, high activation}. */
    static final Map<String, boolean[]> TABLE = Map.of(
            "neutral", new boolean[] {true, false}, "calm", new boolean[] {true, false},
            "happy", new boolean[] {true, true}, "sad", new boolean[] {false, false},
            "angry", new boolean[] {false, true}, "fearful", new boolean[] {false, true},
            "disgust", new boolean[] {false, true}, "surprised", new boolean[] {true, true});

    @Test
    void ravdessCategoriesFollowTheDocumentedTable() {
        TABLE.forEach((c, vb) -> {
            BinaryAffect b = BinaryAffect.of(c);
            assertEquals(vb[0], b.positiveValence(), c + " valence");
            assertEquals(vb[1], b.highActivation(), c + " activation");
            assertEquals(vb[0] ? 1 : 0, b.valenceIndex());
            assertEquals(vb[1] ? 1 : 0, b.activationIndex());
        });
        assertEquals(List.of("negative", "positive"), BinaryAffect.VALENCE_CLASSES);
        assertEquals(List.of("low", "high"), BinaryAffect.ACTIVATION_CLASSES);
    }

    @Test
    void tessAndIemocapNamesAreAliases() {
        assertEquals(BinaryAffect.of("fearful"), BinaryAffect.of("fear"));
        assertEquals(BinaryAffect.of("surprised"), BinaryAffect.of("ps"));
        assertEquals(BinaryAffect.of("happy"), BinaryAffect.of("exc"));
        assertEquals(BinaryAffect.of("angry"), BinaryAffect.of("ANG"));
        assertEquals(BinaryAffect.of("neutral"), BinaryAffect.of("neu"));
    }

    @Test
    void unknownCategoryNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BinaryAffect.of("fru"));
        assertEquals(true, e.getMessage().contains("known"));
    }
}
