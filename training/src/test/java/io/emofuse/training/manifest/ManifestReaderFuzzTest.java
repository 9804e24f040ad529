package io.emofuse.training.manifest;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Coverage-guided fuzzing of the manifest readers (docs/reliability.md): the bytes of a
 * {@code .csv} and of a {@code .jsonl} manifest. Regression mode (part of {@code mvn verify})
 * replays the committed inputs in {@code ManifestReaderFuzzTestInputs/<method>/};
 * {@code JAZZER_FUZZ=1} fuzzes (scripts/fuzz.sh).
 *
 * <p>A manifest is a user's file: any content either reads or fails with
 * {@link ManifestException} naming the file and line. Anything else is a crash.
 */
class ManifestReaderFuzzTest {

    /**
     * One directory for the whole run; the reader takes a path, so each input is written there.
     * Under target/, not /tmp: a fuzzing JVM that is killed leaves nothing outside the build.
     */
    private static final Path DIR = Path.of("target", "fuzz-files", "manifest");

    static {
        try {
            Files.createDirectories(DIR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Dictionary entries: no control characters, which Jazzer 0.24 writes unescaped into libFuzzer's dictionary.
    @FuzzTest(maxDuration = "10s")
    @DictionaryEntries({"utt_id", "wav", "text", "speaker", "session", "V", "A", "D", "category", "split", "\"", ",",
            "NaN", "1e309"})
    void csv(byte[] data) throws IOException {
        read("m.csv", data);
    }

    @FuzzTest(maxDuration = "10s")
    @DictionaryEntries({"utt_id", "wav", "text", "V", "A", "D", "category", "split", "\"", "{", "}", ":", "null",
            "\\u0000"})
    void jsonl(byte[] data) throws IOException {
        read("m.jsonl", data);
    }

    private static void read(String name, byte[] data) throws IOException {
        Path f = DIR.resolve(name);
        Files.write(f, data);
        try {
            Manifest m = ManifestReader.read(f);
            check(!m.rows().isEmpty(), "a manifest without rows was accepted");
            Set<String> ids = new HashSet<>();
            for (ManifestRow r : m.rows()) {
                check(r.uttId() != null && !r.uttId().isBlank(), "blank utt_id accepted");
                check(ids.add(r.uttId()), "duplicate utt_id accepted: " + r.uttId());
                check(r.line() >= 1, "line " + r.line());
            }
            m.categories();
            m.hasVad();
        } catch (ManifestException expected) {
            // the documented outcome for a manifest that cannot be used
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
