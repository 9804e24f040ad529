package io.emofuse.analysis.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emofuse.analysis.AnalysisSettings;
import io.emofuse.analysis.ComponentLoader;
import io.emofuse.analysis.EmotionAnalyzer;
import io.emofuse.analysis.batch.AudioRoots;
import io.emofuse.analysis.batch.BatchScorer;
import io.emofuse.linguistic.models.ModelStore;
import io.emofuse.testsupport.WavBytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Coverage-guided fuzzing of the dialogue JSONL scorer (docs/reliability.md): {@code score(line,
 * lineNo)} must return exactly one line of JSON, an object with the line number and either an
 * error code or one result per turn, and never throw. An {@code internal} error (a
 * RuntimeException the scorer caught) counts as a crash: bad input has its own codes.
 *
 * <p>The target is the parsing, not the models: the analyser is the real one with Vosk and no
 * emotion model, loaded once per JVM; audio turns may name the small files of one audio root.
 */
class BatchScorerFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long LINE_NO = 7;
    /** Scorers are made on first use: Jazzer fuzzes one method per JVM and each loads Vosk. */
    private static final class WithAudio {
        static final BatchScorer SCORER = scorer(true);
    }

    private static final class TextOnly {
        static final BatchScorer SCORER = scorer(false);
    }

    private static BatchScorer scorer(boolean withAudio) {
        try {
            // Under target/, not /tmp: a fuzzing JVM that is killed leaves nothing outside the build.
            Path root = Files.createDirectories(Path.of("target", "fuzz-files", withAudio ? "audio-root" : "empty-root"));
            if (!withAudio) {
                return new BatchScorer(load(), new AudioRoots(List.of(root)));
            }
            write(root.resolve("a.wav"), wav(16_000, 1_600));   // 0.1 s at 16 kHz: short, ASR dominates a run
            write(root.resolve("b8k.wav"), wav(8_000, 800));    // 0.1 s at 8 kHz: resampled
            write(root.resolve("bad.wav"), "not a wav file".getBytes(StandardCharsets.US_ASCII));
            return new BatchScorer(load(), new AudioRoots(List.of(root)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmotionAnalyzer load() {
        return ComponentLoader.load(
                new AnalysisSettings(null, 2, true), ModelStore.fromEnvironment());
    }

    private static void write(Path p, byte[] bytes) throws IOException {
        Files.write(p, bytes);
    }

    /** A 16-bit mono WAV: a 220 Hz tone. */
    private static byte[] wav(int rate, int samples) {
        return WavBytes.pcm16(WavBytes.tone(220, 8000 / 32767.0, (double) samples / rate, rate), rate);
    }

    @FuzzTest(maxDuration = "10s")
    @DictionaryEntries({"dialogue_id", "turns", "turn_id", "speaker", "text", "audio", "start", "end", "a.wav",
            "b8k.wav", "bad.wav", "../", "null", "\"", "[", "]", "{", "}", ":"})
    void score(byte[] data) throws IOException {
        check(WithAudio.SCORER, data);
    }

    /**
     * The same property with an empty audio root: every audio reference fails fast (not found), so no
     * input reaches Vosk and the JSONL parsing and validation get thousands of runs a second.
     */
    @FuzzTest(maxDuration = "10s")
    @DictionaryEntries({"dialogue_id", "turns", "turn_id", "speaker", "text", "audio", "start", "end", "a.wav",
            "../", "null", "\"", "[", "]", "{", "}", ":"})
    void parse(byte[] data) throws IOException {
        check(TextOnly.SCORER, data);
    }

    private static void check(BatchScorer scorer, byte[] data) throws IOException {
        String line = new String(data, StandardCharsets.UTF_8);
        String out = scorer.score(line, LINE_NO);
        check(out.indexOf('\n') < 0 && out.indexOf('\r') < 0, "output is more than one line: " + out);
        JsonNode o = JSON.readTree(out);
        check(o != null && o.isObject(), "output is not a JSON object: " + out);
        check(o.path("line").asLong() == LINE_NO, "wrong line number: " + out);
        if (o.has("error")) {
            check(o.get("error").isTextual() && !o.get("error").asText().equals("internal"), "crash: " + out);
            check(!o.has("turns"), "both error and turns: " + out);
            return;
        }
        JsonNode in = JSON.readTree(line);
        JsonNode turns = o.get("turns");
        check(turns != null && turns.isArray() && turns.size() == in.get("turns").size(),
                "not one result per turn: " + out);
        for (JsonNode t : turns) {
            if (t.has("error")) {
                check(t.get("error").isTextual() && !t.get("error").asText().equals("internal"), "turn crash: " + out);
            } else {
                check(t.has("source") && t.has("emotion") && t.has("transcript"), "incomplete turn result: " + out);
            }
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
