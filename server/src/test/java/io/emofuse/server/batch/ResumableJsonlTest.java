package io.emofuse.server.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumableJsonlTest {

    @TempDir
    Path tmp;

    @Test
    void repairsAHalfWrittenLineAndKnowsWhatIsDone() throws Exception {
        Path out = tmp.resolve("sub").resolve("out.jsonl");
        try (ResumableJsonl w = ResumableJsonl.open(out)) {
            assertEquals(0, w.doneCount());
            w.append("{\"line\":1,\"dialogue_id\":\"a\",\"turns\":[]}");
            w.append("{\"line\":2,\"error\":\"bad_json\",\"detail\":\"line 2: not JSON\"}");
            w.append("{\"line\":3,\"dialogue_id\":7,\"turns\":[]}");
        }
        Files.writeString(out, "{\"line\":4,\"dialogue_id\":\"half", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        try (ResumableJsonl w = ResumableJsonl.open(out)) {
            assertEquals(29, w.repairedBytes());
            assertEquals(3, w.doneCount());
            assertTrue(w.done("{\"dialogue_id\":\"a\",\"turns\":[1]}", 10), "by dialogue id, wherever it is now");
            assertTrue(w.done("{\"dialogue_id\":7}", 3));
            assertTrue(w.done("garbage", 2), "a malformed line is known by its number");
            assertFalse(w.done("garbage", 5));
            assertFalse(w.done("{\"dialogue_id\":\"half\"}", 4), "the half-written line is not done");
            w.append("{\"line\":4,\"dialogue_id\":\"half\",\"turns\":[]}");
        }
        String text = Files.readString(out);
        assertTrue(text.endsWith("\"half\",\"turns\":[]}\n"));
        assertEquals(4, text.split("\n").length);
    }
}
