package io.emofuse.fusion.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.emofuse.fusion.Emotion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmotionsTest {

    private static Emotion of(double... p) {
        Map<String, Double> probs = new LinkedHashMap<>();
        for (int k = 0; k < p.length; k++) {
            probs.put("c" + k, p[k]);
        }
        return new Emotion(3.1, 2.9, 3.0, "c0", probs);
    }

    /** softmax(log p / t): t = 0.5 squares and renormalises (0.5, 0.25, 0.25) → (2/3, 1/6, 1/6). */
    @Test
    void temperatureScalingHasItsKnownAnswer() {
        Emotion e = Emotions.withTemperature(of(0.5, 0.25, 0.25), 0.5);
        assertEquals(2.0 / 3, e.probabilities().get("c0"), 1e-12);
        assertEquals(1.0 / 6, e.probabilities().get("c1"), 1e-12);
        assertEquals(1.0 / 6, e.probabilities().get("c2"), 1e-12);
        assertEquals(List.of("c0", "c1", "c2"), List.copyOf(e.probabilities().keySet()), "category order kept");
        assertEquals("c0", e.category());
        assertEquals(3.1, e.valence());
        Emotion flat = Emotions.withTemperature(of(0.5, 0.25, 0.25), 1e6);
        assertEquals(1.0 / 3, flat.probabilities().get("c0"), 1e-5, "a huge temperature flattens");
    }

    @Test
    void temperatureOneAndNoCategoriesChangeNothing() {
        Emotion e = of(0.7, 0.3);
        assertSame(e, Emotions.withTemperature(e, 1.0));
        Emotion vadOnly = new Emotion(3, 3, 3, null, Map.of());
        assertSame(vadOnly, Emotions.withTemperature(vadOnly, 0.8));
    }
}
