package io.emofuse.acoustic.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.emofuse.testsupport.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** G.711 WAVs (format tags 6 and 7) decode to exactly the samples sox decodes them to. */
class G711Test {

    @TempDir
    Path dir;

    private static void sox(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("sox", "-q"));
        cmd.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "sox not installed (apt-get install sox)");
            return;
        }
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "sox " + args + ": " + out);
    }

    /** Every one of the 256 codes, decoded by sox and by us. */
    @ParameterizedTest
    @ValueSource(strings = {"u-law", "a-law"})
    void everyCodeMatchesSox(String encoding) throws Exception {
        byte[] codes = new byte[256];
        for (int i = 0; i < 256; i++) {
            codes[i] = (byte) i;
        }
        Path raw = Files.write(dir.resolve("codes.raw"), codes);
        Path g711 = dir.resolve("codes.wav");
        Path pcm = dir.resolve("codes-s16.wav");
        sox("-t", "raw", "-r", "8000", "-e", encoding, "-b", "8", "-c", "1", raw.toString(), g711.toString());
        sox(g711.toString(), "-e", "signed-integer", "-b", "16", pcm.toString());
        assertArrayEquals(WavReader.read(pcm).samples(), WavReader.read(g711).samples());
    }

    /** Real speech through an 8 kHz call-recording encode, both ways. */
    @ParameterizedTest
    @ValueSource(strings = {"u-law", "a-law"})
    void ravdessCallRecordingMatchesSox(String encoding) throws Exception {
        Path speech = SharedData.ravdessWav("03-01-05-01-01-01-01.wav");
        Path g711 = dir.resolve("call.wav");
        Path pcm = dir.resolve("call-s16.wav");
        sox(speech.toString(), "-r", "8000", "-e", encoding, "-b", "8", g711.toString());
        sox(g711.toString(), "-e", "signed-integer", "-b", "16", pcm.toString());
        Audio ours = WavReader.read(g711);
        assertEquals(8000, ours.sampleRate());
        assertArrayEquals(WavReader.read(pcm).samples(), ours.samples());
        assertEquals(16000, WavReader.read16k(g711).sampleRate());
    }
}
