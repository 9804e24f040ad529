package io.emofuse.training.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.emofuse.acoustic.audio.Audio;
import io.emofuse.acoustic.audio.WavReader;
import io.emofuse.testsupport.SharedData;
import io.emofuse.training.manifest.Manifest;
import io.emofuse.training.manifest.ManifestReader;
import io.emofuse.training.manifest.ManifestRow;
import io.emofuse.training.manifest.ManifestWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportersTest {

    @Test
    void ravdessLabelsFromNames(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("Actor_07"));
        Files.write(dir.resolve("Actor_07/03-01-05-02-02-01-07.wav"), new byte[0]);
        Files.write(dir.resolve("Actor_07/03-01-01-01-01-02-07.wav"), new byte[0]);
        Files.write(dir.resolve("Actor_07/readme.txt"), new byte[0]);
        List<ManifestRow> rows = new RavdessImporter().rows(dir, dir);
        assertEquals(2, rows.size());
        ManifestRow angry = rows.stream().filter(r -> r.uttId().equals("03-01-05-02-02-01-07")).findFirst().orElseThrow();
        assertEquals("angry", angry.category());
        assertEquals("Dogs are sitting by the door", angry.text());
        assertEquals("actor_07", angry.speaker());
        assertNull(angry.valence());
    }

    @Test
    void ravdessSharedFolderMatchesItsManifest() throws Exception {
        Path ravdess = SharedData.ravdess();
        List<ManifestRow> rows = new RavdessImporter().rows(ravdess.resolve("wav"), Path.of("."));
        Manifest given = ManifestReader.read(ravdess.resolve("manifest.csv"));
        assertEquals(given.rows().size(), rows.size());
        for (ManifestRow g : given.rows()) {
            ManifestRow r = rows.stream().filter(x -> x.uttId().equals(g.uttId())).findFirst().orElseThrow();
            assertEquals(g.category(), r.category());
            assertEquals(g.speaker(), r.speaker());
            assertEquals(g.text(), r.text());
        }
    }

    @Test
    void emobankCsv(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("emobank.csv");
        Files.writeString(f, "id,split,V,A,D,text\nx1,train,3.0,2.8,3.1,\"Hi, \"\"you\"\"\"\nx2,test,2,3,4,Bye\n");
        List<ManifestRow> rows = new EmoBankImporter().rows(f, dir);
        assertEquals(2, rows.size());
        assertEquals("Hi, \"you\"", rows.get(0).text());
        assertEquals("test", rows.get(1).split());
        assertEquals(4.0, rows.get(1).dominance());
        Files.writeString(f, "id,split,V,A,text\nx1,train,3,3,hi\n");
        assertThrows(IllegalArgumentException.class, () -> new EmoBankImporter().rows(f, dir));
    }

    @Test
    void iemocapReleaseLayout(@TempDir Path root) throws Exception {
        Path s1 = root.resolve("Session1");
        Files.createDirectories(s1.resolve("dialog/EmoEvaluation"));
        Files.createDirectories(s1.resolve("dialog/transcriptions"));
        Files.createDirectories(s1.resolve("sentences/wav/Ses01F_impro01"));
        Files.writeString(s1.resolve("dialog/EmoEvaluation/Ses01F_impro01.txt"), """
                % [START_TIME - END_TIME] TURN_NAME EMOTION [V, A, D]

                [6.2901 - 8.2357]\tSes01F_impro01_F000\tneu\t[2.5000, 2.5000, 2.5000]
                C-E2:\tNeutral;\t()
                A-E3:\tval 3; act 2; dom  2;\t()

                [10.0100 - 11.3925]\tSes01F_impro01_M001\texc\t[4.0000, 3.5000, 3.0000]

                [14.8872 - 18.0175]\tSes01F_impro01_F002\txxx\t[2.0000, 2.5000, 3.0000]
                """);
        Files.writeString(s1.resolve("dialog/transcriptions/Ses01F_impro01.txt"), """
                Ses01F_impro01_F000 [006.2901-008.2357]: Excuse me.
                Ses01F_impro01_M001 [010.0100-011.3925]: Do you have your forms?
                """);
        List<ManifestRow> all = new IemocapImporter(false).rows(root, root);
        assertEquals(3, all.size());
        ManifestRow m = all.get(1);
        assertEquals("Ses01F_impro01_M001", m.uttId());
        assertEquals("Do you have your forms?", m.text());
        assertEquals("Ses01M", m.speaker());
        assertEquals("Session1", m.session());
        assertEquals(4.0, m.valence());
        assertEquals(3.0, m.dominance());
        assertEquals(s1.resolve("sentences/wav/Ses01F_impro01/Ses01F_impro01_M001.wav"), m.wav());
        List<ManifestRow> four = new IemocapImporter(true).rows(root, root);
        assertEquals(List.of("neu", "hap"), four.stream().map(ManifestRow::category).toList());
        assertThrows(IllegalArgumentException.class, () -> new IemocapImporter(false).rows(s1, root));
    }

    @Test
    void kaldiDataDirWithSegmentsCutsAudio(@TempDir Path dir) throws Exception {
        float[] tone = new float[16000 * 2];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / 16000.0));
        }
        KaldiImporter.writeWav(dir.resolve("rec1.wav"), tone, 16000);
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("wav.scp"), "rec1 " + dir.resolve("rec1.wav") + "\n");
        Files.writeString(data.resolve("segments"), "utt1 rec1 0.0 0.5\nutt2 rec1 1.0 1.75\n");
        Files.writeString(data.resolve("text"), "utt1 hello world\nutt2 good bye\n");
        Files.writeString(data.resolve("utt2spk"), "utt1 spkA\nutt2 spkB\n");
        Path out = dir.resolve("out");
        List<ManifestRow> rows = new KaldiImporter().rows(data, out);
        assertEquals(2, rows.size());
        assertEquals("good bye", rows.get(1).text());
        assertEquals("spkB", rows.get(1).speaker());
        Audio cut = WavReader.read16k(rows.get(1).wav());
        assertEquals(12000, cut.samples().length);
        ManifestWriter.write(out.resolve("manifest.csv"), rows);
        assertEquals("wav/utt2.wav", Files.readAllLines(out.resolve("manifest.csv")).get(2).split(",")[1]);

        Files.writeString(data.resolve("segments"), "utt1 rec9 0.0 0.5\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new KaldiImporter().rows(data, out));
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("rec9"), e.getMessage());
    }

    @Test
    void kaldiWithoutSegments(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("wav.scp"), "u1 a.wav\nu2 sox b.wav -t wav - |\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new KaldiImporter().rows(dir, dir));
        assertTrue(e.getMessage().contains("piped"), e.getMessage());
        Files.writeString(dir.resolve("wav.scp"), "u1 a.wav\n");
        assertEquals(dir.resolve("a.wav"), new KaldiImporter().rows(dir, dir).get(0).wav());
    }
}
