package io.emofuse.training.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.emofuse.testsupport.SharedData;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestReaderTest {

    @Test
    void csvWithRelativeWavExtrasAndMissingColumns(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("sub/m.csv");
        Files.createDirectories(f.getParent());
        Files.writeString(f, """
                utt_id,wav,text,speaker,V,A,D,extra
                u1,wav/a.wav,"Hello, there",s1,1,2,3,zzz
                u2,/abs/b.wav,,s2,2.5,3.5,4.5,
                """);
        Manifest m = ManifestReader.read(f);
        assertEquals(2, m.rows().size());
        ManifestRow r = m.rows().get(0);
        assertEquals(dir.resolve("sub/wav/a.wav").toAbsolutePath(), r.wav());
        assertEquals("Hello, there", r.text());
        assertEquals(2, r.line());
        assertEquals(Path.of("/abs/b.wav"), m.rows().get(1).wav());
        assertNull(m.rows().get(1).text());
        assertNull(r.session());
        assertTrue(m.hasVad());
        assertTrue(m.categories().isEmpty());
        assertEquals(64, m.sha256().length());
    }

    @Test
    void jsonLines(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("m.jsonl");
        Files.writeString(f, """
                {"utt_id": "a", "text": "hi", "category": "hap", "session": "Session1", "V": 3}

                {"utt_id": "b", "text": "no", "category": "sad", "split": "test"}
                """);
        Manifest m = ManifestReader.read(f);
        assertEquals(List.of("hap", "sad"), m.categories());
        assertEquals(3, m.rows().get(1).line());
        assertEquals("test", m.rows().get(1).split());
        ManifestException e = assertThrows(ManifestException.class, m::hasVad);
        assertTrue(e.getMessage().contains("line 1"), e.getMessage()); // the row with V only
    }

    @Test
    void badRowsNameTheirLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("m.csv");
        Files.writeString(f, "utt_id,V,A,D\nu1,1,2,3\nu2,1,high,3\n");
        ManifestException e = assertThrows(ManifestException.class, () -> ManifestReader.read(f));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("'high'"), e.getMessage());

        Files.writeString(f, "utt_id,V\nu1,1\nu1,2\n");
        e = assertThrows(ManifestException.class, () -> ManifestReader.read(f));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("twice"), e.getMessage());

        Files.writeString(f, "id,V\nu1,1\n");
        e = assertThrows(ManifestException.class, () -> ManifestReader.read(f));
        assertTrue(e.getMessage().contains("utt_id"), e.getMessage());

        Path j = dir.resolve("m.jsonl");
        Files.writeString(j, "{\"utt_id\": \"a\"}\n[1, 2]\n");
        e = assertThrows(ManifestException.class, () -> ManifestReader.read(j));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());

        assertThrows(NoSuchFileException.class, () -> ManifestReader.read(dir.resolve("none.csv")));
    }

    @Test
    void writerRoundTrips(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("out/m.csv");
        List<ManifestRow> rows = List.of(
                new ManifestRow(2, "u1", dir.resolve("out/wav/u1.wav"), "Say \"hi\", ok", "s", "Session1", 1.0, 2.0, 3.0, "hap", "train"),
                new ManifestRow(3, "u2", null, null, null, null, null, null, null, null, null));
        ManifestWriter.write(f, rows);
        assertTrue(Files.readString(f).contains("wav/u1.wav"));
        Manifest back = ManifestReader.read(f);
        assertEquals(rows.get(0).text(), back.rows().get(0).text());
        assertEquals(rows.get(0).wav(), back.rows().get(0).wav());
        assertEquals("hap", back.rows().get(0).category());
        assertNull(back.rows().get(1).valence());
    }

    @Test
    void sharedManifestsRead() throws Exception {
        Path data = SharedData.data();
        Manifest ebs = ManifestReader.read(data.resolve("emobank-speech/manifest.csv"));
        assertEquals(480, ebs.rows().size());
        assertTrue(ebs.hasVad());
        assertEquals(8, ebs.rows().stream().map(ManifestRow::speaker).distinct().count());
        Manifest rav = ManifestReader.read(data.resolve("ravdess/manifest.csv"));
        assertFalse(rav.hasVad());
        assertEquals(8, rav.categories().size());
    }
}
