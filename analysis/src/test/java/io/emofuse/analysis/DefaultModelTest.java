package io.emofuse.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emofuse.acoustic.FeatureSets;
import io.emofuse.acoustic.audio.WavReader;
import io.emofuse.fusion.Emotion;
import io.emofuse.linguistic.TextEmbedder;
import io.emofuse.linguistic.TextEmbedders;
import io.emofuse.linguistic.models.ModelSpec;
import io.emofuse.linguistic.models.ModelStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped default model resolves through the catalogue and handles missing modalities. */
class DefaultModelTest {

    @TempDir
    Path home;

    @Test
    void resolvesVerifiesAndScoresWhateverModalitiesArePresent() throws Exception {
        ModelStore store = new ModelStore(home);
        ModelSpec spec = store.spec(EmotionModelLocator.DEFAULT).orElseThrow();
        assertEquals("emotion", spec.kind());
        assertTrue(spec.license().contains("CC-BY-NC-SA-4.0"), "RAVDESS-derived weights are NonCommercial");
        assertTrue(store.available(spec), "the default model's files must be on the classpath");
        Path dir = EmotionModelLocator.locate(Path.of(EmotionModelLocator.DEFAULT), store);
        assertEquals(List.of(), store.verify(spec));

        try (EmotionModel model = EmotionModel.load(dir);
             TextEmbedder embedder = TextEmbedders.create(model.embedder(), ModelStore.fromEnvironment())) {
            assertTrue(model.modalitiesOptional() && model.usesAcoustic() && model.usesText());
            assertEquals(8, model.categories().size());
            assertTrue(!model.speakerNormalised(), "a live server cannot normalise an unknown speaker");

            Emotion glad = model.predict(null, model.textRow(embedder, "What a wonderful day, I am so happy to see you all!"));
            Emotion grim = model.predict(null, model.textRow(embedder, "My father died last night and I cannot stop crying."));
            assertNull(glad.category(), "text alone has no category");
            assertTrue(glad.valence() > grim.valence() + 0.3, glad + " vs " + grim);
            assertNull(model.textRow(embedder, "  "), "blank text is a missing modality");

            float[] voice = model.acousticRow(FeatureSets.create(model.featureSet()), WavReader.read16k(Path.of("../samples/angry.wav")));
            Emotion heard = model.predict(voice, null);
            assertNotNull(heard.category());
            assertEquals(1.0, heard.probabilities().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-3);

            Emotion both = model.predict(voice, model.textRow(embedder, "What a wonderful day, I am so happy to see you all!"));
            // Decision-level fusion: each dimension lies between the two unimodal predictions.
            assertBetween(both.valence(), glad.valence(), heard.valence());
            assertBetween(both.arousal(), glad.arousal(), heard.arousal());
            assertEquals(heard.category(), both.category());
        }
    }

    private static void assertBetween(double x, double a, double b) {
        assertTrue(x >= Math.min(a, b) - 1e-9 && x <= Math.max(a, b) + 1e-9, x + " not between " + a + " and " + b);
    }
}
