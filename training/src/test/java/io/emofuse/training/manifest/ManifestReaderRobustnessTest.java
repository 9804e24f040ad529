package io.emofuse.training.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What fuzzing found (docs/reliability.md): each bad manifest is a ManifestException naming its line. */
class ManifestReaderRobustnessTest {

    @TempDir
    Path dir;

    private ManifestException bad(String name, byte[] bytes) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return assertThrows(ManifestException.class, () -> ManifestReader.read(f));
    }

    @Test
    void emptyCsvIsAManifestError() throws Exception {
        assertTrue(bad("m.csv", new byte[0]).getMessage().contains("line 1"));
    }

    @Test
    void bytesThatAreNotUtf8NameTheirLine() throws Exception {
        byte[] csv = "utt_id,text\nu1,ok\nu2,caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        ManifestException e = bad("m.csv", csv);
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("UTF-8"), e.getMessage());
        byte[] jsonl = "{\"utt_id\": \"a\"}\n{\"utt_id\": \"\u00e9\"}\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        e = bad("m.jsonl", jsonl);
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void wavThatIsNotAPathIsARowError() throws Exception {
        ManifestException e = bad("m.jsonl", "{\"utt_id\": \"a\", \"wav\": \"a\\u0000b.wav\"}\n".getBytes());
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("wav"), e.getMessage());
    }

    @Test
    void utf8ByteOrderMarkIsSkipped() throws Exception {
        Path f = dir.resolve("m.csv");
        Files.write(f, "\uFEFFutt_id,text\nu1,hi\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("u1", ManifestReader.read(f).rows().get(0).uttId());
    }
}
