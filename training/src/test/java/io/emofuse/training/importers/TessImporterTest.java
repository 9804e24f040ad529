package io.emofuse.training.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emofuse.acoustic.audio.Audio;
import io.emofuse.acoustic.audio.WavReader;
import io.emofuse.training.manifest.Manifest;
import io.emofuse.training.manifest.ManifestReader;
import io.emofuse.training.manifest.ManifestRow;
import io.emofuse.training.manifest.ManifestWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TESS's layout (folders per speaker and emotion, OAF_word_emotion.wav) built here with short WAVs. */
class TessImporterTest {

    static final List<String> TOKENS = List.of("angry", "disgust", "fear", "happy", "neutral", "ps", "sad");

    /** Two speakers x two words x seven emotions, 0.3 s tones, in TESS's release folders. */
    static Path layout(Path dir) throws Exception {
        for (String spk : List.of("OAF", "YAF")) {
            for (String tok : TOKENS) {
                Path folder = dir.resolve(spk + "_" + (tok.equals("ps") ? "pleasant_surprised" : tok));
                for (String word : List.of("back", "bar")) {
                    float[] s = new float[4800];
                    for (int i = 0; i < s.length; i++) {
                        s[i] = (float) (0.2 * Math.sin(2 * Math.PI * (200 + 10 * tok.length()) * i / 16000.0));
                    }
                    KaldiImporter.writeWav(folder.resolve(spk + "_" + word + "_" + tok + ".wav"), s, 16000);
                }
            }
        }
        Files.writeString(dir.resolve("README.txt"), "not audio");
        return dir;
    }

    @Test
    void namesGiveSpeakerWordAndSevenCategories(@TempDir Path dir) throws Exception {
        List<ManifestRow> rows = new TessImporter().rows(layout(dir.resolve("TESS")), dir);
        assertEquals(28, rows.size());
        Map<String, Long> perCategory = rows.stream().collect(Collectors.groupingBy(ManifestRow::category, Collectors.counting()));
        assertEquals(Map.of("angry", 4L, "disgust", 4L, "fearful", 4L, "happy", 4L, "neutral", 4L, "surprised", 4L, "sad", 4L),
                perCategory);
        ManifestRow ps = rows.stream().filter(r -> r.uttId().equals("YAF_bar_ps")).findFirst().orElseThrow();
        assertEquals("surprised", ps.category());
        assertEquals("YAF", ps.speaker());
        assertEquals("Say the word bar", ps.text());
        Audio a = WavReader.read16k(ps.wav());
        assertEquals(4800, a.samples().length);
        // Every TESS category has a V/A/D and a binary valence/activation mapping.
        rows.forEach(r -> {
            CategoryVad.label(r);
            BinaryAffect.of(r.category());
        });
        // Through the manifest format and back.
        Path m = dir.resolve("tess.csv");
        ManifestWriter.write(m, rows);
        Manifest back = ManifestReader.read(m);
        assertEquals(7, back.categories().size());
        assertTrue(back.rows().stream().allMatch(r -> Files.isRegularFile(r.wav())));
    }

    @Test
    void unknownEmotionAndEmptyFolderAreErrors(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("a"));
        assertThrows(IllegalArgumentException.class, () -> new TessImporter().rows(dir.resolve("a"), dir));
        Files.write(dir.resolve("a/OAF_back_bored.wav"), new byte[0]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TessImporter().rows(dir.resolve("a"), dir));
        assertTrue(e.getMessage().contains("bored"), e.getMessage());
    }
}
