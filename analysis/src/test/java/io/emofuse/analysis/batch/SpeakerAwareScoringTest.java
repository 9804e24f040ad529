package io.emofuse.analysis.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emofuse.linguistic.models.ModelStore;
import io.emofuse.analysis.ComponentLoader;
import io.emofuse.analysis.EmotionAnalyzer;
import io.emofuse.analysis.AnalysisSettings;
import io.emofuse.testsupport.SharedData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With the shipped default model, a named speaker's audio turns are normalised with that speaker's
 * earlier turns (online per-speaker statistics); unnamed turns are scored on their own.
 */
class SpeakerAwareScoringTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] FILES = {"03-01-05-02-01-01-03.wav", "03-01-04-01-02-01-03.wav",
        "03-01-03-02-01-01-03.wav"};
    private static EmotionAnalyzer analyzer;
    private static BatchScorer scorer;

    @BeforeAll
    static void load() {
        java.nio.file.Path wavs = SharedData.ravdess().resolve("wav");
        analyzer = ComponentLoader.load(new AnalysisSettings(java.nio.file.Path.of("default"), 1, true),
                ModelStore.fromEnvironment());
        scorer = new BatchScorer(analyzer, new AudioRoots(List.of(wavs)));
    }

    @AfterAll
    static void close() {
        analyzer.close();
    }

    private static String turn(String file, String speaker) {
        return "{\"turn_id\":\"" + file + "\",\"audio\":\"" + file + "\",\"text\":\"Kids are talking by the door\""
                + (speaker == null ? "" : ",\"speaker\":\"" + speaker + "\"") + "}";
    }

    /** The emotion of the last turn of a dialogue made of {@code turns}. */
    private static JsonNode lastEmotion(String... turns) throws Exception {
        return lastEmotion(scorer, turns);
    }

    private static JsonNode lastEmotion(BatchScorer scorer, String... turns) throws Exception {
        JsonNode out = JSON.readTree(scorer.score("{\"dialogue_id\":\"d\",\"turns\":[" + String.join(",", turns) + "]}", 1));
        JsonNode last = out.get("turns").get(turns.length - 1);
        assertNotNull(last.get("emotion"), last.toString());
        return last.get("emotion");
    }

    @Test
    void theDefaultModelOffersSpeakerStatistics() {
        assertNotNull(analyzer.newSpeaker(), "the default model's acoustic part has population statistics");
    }

    @Test
    void aNamedSpeakersEarlierTurnsChangeHowTheLaterOnesAreRead() throws Exception {
        JsonNode alone = lastEmotion(turn(FILES[2], "A"));
        JsonNode afterTwo = lastEmotion(turn(FILES[0], "A"), turn(FILES[1], "A"), turn(FILES[2], "A"));
        assertNotEquals(alone.get("arousal").asDouble(), afterTwo.get("arousal").asDouble());
    }

    @Test
    void switchedOffInTheConfigEveryTurnIsReadOnItsOwn() throws Exception {
        try (EmotionAnalyzer off = ComponentLoader.load(
                new AnalysisSettings(java.nio.file.Path.of("default"), 1, false), ModelStore.fromEnvironment())) {
            assertNull(off.newSpeaker());
            BatchScorer plain = new BatchScorer(off, new AudioRoots(List.of(SharedData.ravdess().resolve("wav"))));
            assertEquals(lastEmotion(plain, turn(FILES[2], "A")),
                    lastEmotion(plain, turn(FILES[0], "A"), turn(FILES[1], "A"), turn(FILES[2], "A")));
        }
    }

    @Test
    void anotherSpeakersTurnsDoNotCount() throws Exception {
        JsonNode alone = lastEmotion(turn(FILES[2], "A"));
        JsonNode afterB = lastEmotion(turn(FILES[0], "B"), turn(FILES[1], "B"), turn(FILES[2], "A"));
        assertEquals(alone, afterB);
    }

    @Test
    void unnamedTurnsAreScoredOnTheirOwn() throws Exception {
        JsonNode alone = lastEmotion(turn(FILES[2], null));
        JsonNode afterTwo = lastEmotion(turn(FILES[0], null), turn(FILES[1], null), turn(FILES[2], null));
        assertEquals(alone, afterTwo);
    }
}
