package io.emofuse.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code emofuse analyze} with the shipped default model: missing modalities are normal input. */
class AnalyzeCommandTest {

    @Test
    void textOnlyGivesVadWithoutCategoryAndAudioWithTextGivesBoth() throws Exception {
        CliTestSupport.Result r = CliTestSupport.run("analyze", "--json", "--text", "I am so happy, what a wonderful day!",
                "../samples/happy.wav");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode both = new ObjectMapper().readTree(r.out()).get(0);
        assertEquals("[\"audio\",\"text\"]", both.get("modalities").toString());
        assertTrue(both.get("category").isTextual(), r.out());
        assertTrue(both.get("valence").asDouble() > 3, "happy words: " + r.out());

        r = CliTestSupport.run("analyze", "--text", "My father died and I cannot stop crying.");
        assertEquals(0, r.exitCode(), r.err());
        String row = r.out().lines().filter(l -> l.startsWith("(text)")).findFirst().orElseThrow();
        assertTrue(row.matches("\\(text\\)\\s+text\\s+\\d\\.\\d\\d\\s+\\d\\.\\d\\d\\s+\\d\\.\\d\\d\\s+-\\s+.*"), row);

        r = CliTestSupport.run("analyze");
        assertTrue(r.exitCode() != 0 && r.err().contains("--text"), r.err());
    }
}
