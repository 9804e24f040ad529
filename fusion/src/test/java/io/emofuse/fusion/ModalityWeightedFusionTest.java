package io.emofuse.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ModalityWeightedFusionTest {

    // Stand-ins for the two unimodal models: they report fixed emotions and check which input they got.
    private static final double[] SCALE = {1, 5};
    private static final FusionModel TEXT = (a, t) -> {
        assertNull(a, "the text model must not see audio");
        return new Emotion(4.0, 3.0, 2.0, null, Map.of());
    };
    private static final FusionModel VOICE = (a, t) -> {
        assertNull(t, "the acoustic model must not see text");
        return new Emotion(2.0, 5.0, 4.0, "angry", Map.of("angry", 0.7, "sad", 0.3));
    };

    private final ModalityWeightedFusion fusion = new ModalityWeightedFusion(TEXT, VOICE, new double[] {0.75, 0.25, 0.5}, SCALE);

    @Test
    void bothModalitiesGiveTheWeightedMeanPerDimensionAndTheVoiceCategory() {
        Emotion e = fusion.predict(new float[1], new float[1]);
        assertEquals(0.75 * 4 + 0.25 * 2, e.valence(), 1e-12);
        assertEquals(0.25 * 3 + 0.75 * 5, e.arousal(), 1e-12);
        assertEquals(0.5 * 2 + 0.5 * 4, e.dominance(), 1e-12);
        assertEquals("angry", e.category());
        assertEquals(0.7, e.probabilities().get("angry"), 1e-12);
    }

    @Test
    void textAloneGivesTextVadAndNoCategory() {
        Emotion e = fusion.predict(null, new float[1]);
        assertEquals(4.0, e.valence());
        assertEquals(3.0, e.arousal());
        assertNull(e.category());
        assertTrue(e.probabilities().isEmpty());
    }

    @Test
    void audioAloneGivesTheVoiceModel() {
        Emotion e = fusion.predict(new float[1], null);
        assertEquals(5.0, e.arousal());
        assertEquals("angry", e.category());
    }

    @Test
    void farOffScaleOutputIsClampedBeforeMixing() {
        FusionModel wild = (a, t) -> new Emotion(2.0, 40.0, 4.0, "angry", Map.of("angry", 1.0));
        Emotion e = new ModalityWeightedFusion(TEXT, wild, new double[] {0.5, 0.5, 0.5}, SCALE).predict(new float[1], new float[1]);
        assertEquals(0.5 * 3 + 0.5 * 5, e.arousal(), 1e-12);
        assertEquals(5.0, new ModalityWeightedFusion(TEXT, wild, new double[] {0, 0, 0}, SCALE).predict(new float[1], null).arousal());
    }

    @Test
    void nothingOrBadWeightsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> fusion.predict(null, null));
        assertThrows(IllegalArgumentException.class, () -> new ModalityWeightedFusion(TEXT, VOICE, new double[] {0.5, 1.5, 0}, SCALE));
        assertThrows(IllegalArgumentException.class, () -> new ModalityWeightedFusion(TEXT, VOICE, new double[] {0.5}, SCALE));
        assertThrows(IllegalArgumentException.class, () -> new ModalityWeightedFusion(TEXT, VOICE, new double[] {0.5, 0.5, 0.5}, new double[] {5, 1}));
    }

    @Test
    void theTemperatureSoftensTheVoiceCategoryProbabilitiesOnly() {
        ModalityWeightedFusion warm = new ModalityWeightedFusion(TEXT, VOICE, new double[] {0.75, 0.25, 0.5}, SCALE, 2.0);
        Emotion e = warm.predict(new float[1], new float[1]);
        // softmax(log p / 2): sqrt(0.7) / (sqrt(0.7) + sqrt(0.3))
        assertEquals(Math.sqrt(0.7) / (Math.sqrt(0.7) + Math.sqrt(0.3)), e.probabilities().get("angry"), 1e-12);
        assertEquals("angry", e.category());
        assertEquals(fusion.predict(new float[1], new float[1]).arousal(), e.arousal(), 1e-12);
        assertTrue(warm.predict(null, new float[1]).probabilities().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new ModalityWeightedFusion(TEXT, VOICE, new double[] {0.5, 0.5, 0.5}, SCALE, 0));
    }
}
