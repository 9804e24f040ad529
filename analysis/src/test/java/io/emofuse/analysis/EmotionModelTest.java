package io.emofuse.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emofuse.acoustic.FeatureExtractor;
import io.emofuse.acoustic.FeatureSets;
import io.emofuse.acoustic.audio.Audio;
import io.emofuse.fusion.Emotion;
import io.emofuse.fusion.input.AcousticInput;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmotionModelTest {

    /** 3 s: a 150 Hz tone for the first second, then a rising 220-400 Hz sweep (the two parts differ). */
    private static Audio threeSeconds() {
        float[] x = new float[3 * 16_000];
        double phase = 0;
        for (int i = 0; i < x.length; i++) {
            double f = i < 16_000 ? 150 : 220 + 180.0 * (i - 16_000) / (x.length - 16_000);
            phase += 2 * Math.PI * f / 16_000;
            x[i] = (float) (0.3 * Math.sin(phase) + 0.1 * Math.sin(3 * phase));
        }
        return new Audio(x, 16_000, "three-seconds");
    }

    private static EmotionModel model(double maxSeconds) {
        return EmotionModel.of("m", (a, t) -> new Emotion(0, 0, 0, null, Map.of()),
                new AcousticInput("egemaps", "functionals", 0, false, maxSeconds), null, List.of());
    }

    /** A bundle trained on the first N seconds is served the first N seconds, as predict does. */
    @Test
    void aModelTrainedOnTheFirstSecondsIsServedTheFirstSeconds() {
        FeatureExtractor fx = FeatureSets.create("egemaps");
        Audio audio = threeSeconds();
        float[] firstSecond = model(0).acousticRow(fx, audio.firstSeconds(1.0));
        float[] whole = model(0).acousticRow(fx, audio);
        assertFalse(Arrays.equals(firstSecond, whole), "the two halves must differ for this test to mean anything");
        assertArrayEquals(firstSecond, model(1.0).acousticRow(fx, audio));
        assertArrayEquals(whole, model(0).acousticRow(fx, audio));
    }

    /** The shipped default tempers its category probabilities for speaker-adapted rows (composite.json). */
    @Test
    void theDefaultModelTempersTheCategoriesOfAdaptedRows() throws Exception {
        try (EmotionModel m = EmotionModel.load(EmotionModelLocator.locate(java.nio.file.Path.of("default"),
                io.emofuse.linguistic.models.ModelStore.fromEnvironment()))) {
            float[] row = m.acousticRow(FeatureSets.create(m.featureSet()), threeSeconds());
            Emotion plain = m.predict(row, null);
            Emotion adapted = m.predictAdapted(row, null);
            assertEquals(plain.category(), adapted.category());
            assertEquals(plain.arousal(), adapted.arousal());
            // the default sets both temperatures (composite.json); the adapted one replaces the single-utterance one
            double t = m.adaptedTemperature() / m.temperature();
            assertTrue(m.temperature() != 1.0 && t != 1.0, "temperatures " + m.temperature() + ", " + m.adaptedTemperature());
            double top = plain.probabilities().get(plain.category());
            double tempered = adapted.probabilities().get(adapted.category());
            assertTrue(t > 1 ? tempered < top : tempered > top, "T " + t + ": " + tempered + " against " + top);
            assertEquals(1.0, adapted.probabilities().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
            Emotion expected = io.emofuse.fusion.nn.Emotions.withTemperature(plain, t);
            for (String c : expected.probabilities().keySet()) {
                assertEquals(expected.probabilities().get(c), adapted.probabilities().get(c), 1e-12, c);
            }
        }
    }
}
