package io.emofuse.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.emofuse.acoustic.audio.WavReader;
import io.emofuse.analysis.batch.AudioRoots;
import io.emofuse.analysis.batch.BatchAudioSource;
import io.emofuse.analysis.batch.BatchInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch audio read through Hadoop's FileSystem API: same samples, same confinement, same codes. */
class HadoopAudioRootsTest {

    @TempDir
    Path tmp;
    private Path root;
    private Path wav;
    private BatchAudioSource source;

    @BeforeEach
    void layout() throws Exception {
        Path ravdess = SparkTestSupport.sharedData().resolve("ravdess/wav");
        Path real;
        try (Stream<Path> s = Files.list(ravdess)) {
            real = s.filter(p -> p.toString().endsWith(".wav")).sorted().findFirst().orElseThrow();
        }
        root = Files.createDirectories(tmp.resolve("calls"));
        wav = Files.copy(real, Files.createDirectories(root.resolve("wav")).resolve("a.wav"));
        Files.copy(real, Files.createDirectories(tmp.resolve("calls2")).resolve("b.wav"));
        Files.writeString(root.resolve("notes.wav"), "not a wav file");
        source = HadoopAudioRoots.of(List.of(root.toUri().toString()), new Configuration());
    }

    @Test
    void readsTheSameSamplesAsTheLocalReaderWhateverTheSpelling() throws Exception {
        float[] expected = WavReader.read16k(wav).samples();
        for (String name : List.of("wav/a.wav", "./wav/../wav/a.wav", wav.toString(), wav.toUri().toString())) {
            assertArrayEquals(expected, source.load(name).samples(), name);
        }
    }

    @Test
    void confinesPathsToTheRootsWithTheSingleMachineCodes() {
        assertEquals("audio_outside_roots", code("../calls2/b.wav"));
        assertEquals("audio_outside_roots", code(tmp.resolve("calls2/b.wav").toString()), "a sibling sharing the prefix");
        assertEquals("audio_outside_roots", code("/etc/passwd"));
        assertEquals("audio_outside_roots", code("file:///etc/passwd"));
        assertEquals("audio_outside_roots", code("../../../../../../etc/passwd"));
        assertEquals("audio_not_found", code("wav/missing.wav"));
        assertEquals("audio_not_found", code("wav"), "a directory is not a recording");
        assertEquals("bad_audio", code("notes.wav"));
        assertEquals("bad_audio_path", code(" "));
    }

    @Test
    void plainLocalRootsKeepTheSingleMachineReader() {
        assertInstanceOf(AudioRoots.class, HadoopAudioRoots.of(List.of(root.toString()), new Configuration()));
        assertInstanceOf(HadoopAudioRoots.class, source);
    }

    private String code(String name) {
        return assertThrows(BatchInputException.class, () -> source.load(name), name).code();
    }
}
