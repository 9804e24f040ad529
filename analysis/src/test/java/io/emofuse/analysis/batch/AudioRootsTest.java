package io.emofuse.analysis.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioRootsTest {

    @TempDir
    Path tmp;

    private static String code(AudioRoots roots, String path) {
        return assertThrows(BatchInputException.class, () -> roots.resolve(path)).code();
    }

    @Test
    void pathsCannotLeaveTheRoots() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("audio"));
        Path inside = Files.writeString(root.resolve("a.wav"), "x");
        Files.createDirectories(root.resolve("sub"));
        Path outside = Files.writeString(tmp.resolve("secret.wav"), "x");
        Files.createSymbolicLink(root.resolve("link.wav"), outside);
        AudioRoots roots = new AudioRoots(List.of(root));
        assertEquals(inside.toRealPath(), roots.resolve("a.wav"));
        assertEquals(inside.toRealPath(), roots.resolve("sub/../a.wav"));
        assertEquals(inside.toRealPath(), roots.resolve(inside.toString()));
        assertEquals("audio_outside_roots", code(roots, "../secret.wav"));
        assertEquals("audio_outside_roots", code(roots, "sub/../../secret.wav"));
        assertEquals("audio_outside_roots", code(roots, outside.toString()));
        assertEquals("audio_outside_roots", code(roots, "link.wav"));
        assertEquals("audio_not_found", code(roots, "nope.wav"));
        assertEquals("audio_not_found", code(roots, "sub"));
        assertEquals("bad_audio_path", code(roots, ""));
        assertEquals("bad_audio_path", code(roots, "a\0.wav"));
        assertEquals("audio_not_allowed", code(new AudioRoots(List.of()), "a.wav"));
    }
}
