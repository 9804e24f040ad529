package io.emofuse.acoustic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emofuse.acoustic.audio.Audio;
import org.junit.jupiter.api.Test;

/** Every face chooses a feature set through one rule: the spec agrees with the extractor, settings are never ignored. */
class FeatureSetsTest {

    @Test
    void specAndExtractorAgreeForEverySet() {
        Audio tone = Signals.audio(Signals.vowelLike(180, 1.0, 7), "vowel");
        for (String id : FeatureSets.ids()) {
            FeatureSets.Spec spec = FeatureSets.spec(id, null);
            FeatureExtractor fx = FeatureSets.create(id);
            assertEquals(fx.id(), spec.id(), id);
            assertEquals(fx.functionalNames(), spec.functionalNames(), id);
            assertEquals(fx.lldNames(), spec.lldNames(), id);
            StreamingExtractor s = spec.streams().open(0, false);
            s.push(tone.samples(), 0, tone.samples().length);
            s.finish();
            assertArrayEquals(fx.functionals(tone), s.functionals(), 1e-9, id + ": stream and batch functionals");
        }
    }

    @Test
    void aSilenceThresholdIsRefusedWhereItDoesNotApply() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> FeatureSets.spec("egemaps", new FeatureSets.Silence(0.2, "median")));
        assertTrue(e.getMessage().contains("hsf2 only"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FeatureSets.Silence(0, "mean"));
        assertThrows(IllegalArgumentException.class, () -> new FeatureSets.Silence(0.2, "mode"));
        assertThrows(IllegalArgumentException.class, () -> FeatureSets.spec("egemaps2", null));
        assertEquals("hsf2", FeatureSets.spec("hsf2", new FeatureSets.Silence(0.2, "median")).id());
    }
}
