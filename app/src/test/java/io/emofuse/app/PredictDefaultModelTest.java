package io.emofuse.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code emofuse predict} with the shipped default model: rows with one modality are scored from it. */
class PredictDefaultModelTest {

    @Test
    void textOnlyAudioOnlyAndBothRowsEachSayWhatTheyCameFrom(@TempDir Path dir) throws Exception {
        Path wav = Path.of("../samples/happy.wav").toAbsolutePath();
        Path manifest = dir.resolve("m.csv");
        Files.writeString(manifest, String.join("\n",
                "utt_id,wav,text",
                "words,,My father died and I cannot stop crying.",
                "both," + wav + ",\"I am so happy, what a wonderful day!\"",
                "voice," + wav + ",",
                ""));
        Path out = dir.resolve("pred.csv");
        CliTestSupport.Result r = CliTestSupport.run("predict", "--model", "default", "--data", manifest.toString(),
                "--out", out.toString(), "--cache", dir.resolve("cache").toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.get(0).startsWith("utt_id,V,A,D,category,p_"), lines.get(0));
        assertTrue(lines.get(0).endsWith(",transcript,modalities"), lines.get(0));
        assertEquals(4, lines.size(), lines.toString());
        String[] words = lines.get(1).split(",", -1);
        String[] both = lines.get(2).split(",", -1);
        String[] voice = lines.get(3).split(",", -1);
        assertEquals("text", words[words.length - 1]);
        assertEquals("", words[4], "no category from words alone");
        assertTrue(Double.parseDouble(words[1]) < 3, "sad words: " + lines.get(1));
        assertEquals("audio+text", both[both.length - 1]);
        assertTrue(Double.parseDouble(both[1]) > 3, "happy words: " + lines.get(2));
        assertEquals("audio+text(asr)", voice[voice.length - 1], lines.get(3));
        assertTrue(!voice[4].isEmpty(), "a category from the voice: " + lines.get(3));
        assertTrue(!voice[voice.length - 2].isBlank(), "ASR transcript: " + lines.get(3));
    }
}
