package io.emofuse.acoustic.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emofuse.testsupport.SharedData;
import io.emofuse.testsupport.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Audio as users have it, made in the test from a shared RAVDESS clip with sox and ffmpeg: lossless
 * formats decode to the original samples exactly, lossy ones within their codec's error, stereo
 * channels stay apart, and without ffmpeg a non-WAV file gets one error that says what to install.
 */
class AudioFilesTest {

    private static final String CLIP = "03-01-05-01-01-01-01.wav";
    private static final String OTHER = "03-01-03-01-02-01-02.wav";

    @TempDir
    Path dir;

    private final AudioFiles files = AudioFiles.fromEnvironment();

    private Path encode(String name, String... codecArgs) {
        Tools.require("ffmpeg");
        Path out = dir.resolve(name);
        List<String> args = new java.util.ArrayList<>(List.of("-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                "-i", SharedData.ravdessWav(CLIP).toString()));
        args.addAll(List.of(codecArgs));
        args.add(out.toString());
        Tools.run("ffmpeg", args.toArray(String[]::new));
        return out;
    }

    @Test
    void flacDecodesToTheOriginalSamples() throws Exception {
        Audio original = WavReader.read(SharedData.ravdessWav(CLIP));
        Audio flac = files.read(encode("a.flac"), w -> { });
        assertEquals(original.sampleRate(), flac.sampleRate());
        assertArrayEquals(original.samples(), flac.samples());
    }

    /**
     * Lossy codecs: the decoded signal (at 16 kHz, aligned by ffmpeg's gapless trimming) against the
     * original; the floors sit below the worst of 24 clips in scripts/codec-tolerance.py (docs/audio.md).
     */
    @ParameterizedTest
    @CsvSource({"a.mp3, libmp3lame, 64k, 20", "a.ogg, libopus, 32k, 12", "a.m4a, aac, 64k, 20"})
    void lossyCodecsStayWithinTheirError(String name, String codec, String rate, double minSnrDb) throws Exception {
        Audio original = WavReader.read(SharedData.ravdessWav(CLIP));
        Audio decoded = Resampler.toRate(files.read(encode(name, "-c:a", codec, "-b:a", rate), w -> { }), 16_000);
        double snr = snrDb(original.samples(), decoded.samples());
        assertTrue(snr >= minSnrDb, name + ": SNR " + snr + " dB < " + minSnrDb);
        assertEquals(original.samples().length, decoded.samples().length, 16_000 * 0.05, name + ": length");
    }

    @Test
    void stereoChannelsStayApart() throws Exception {
        Tools.require("sox");
        Path left = SharedData.ravdessWav(CLIP);
        Path right = SharedData.ravdessWav(OTHER);
        Path stereo = dir.resolve("call.wav");
        Tools.run("sox", "-q", "-M", left.toString(), right.toString(), stereo.toString());
        List<Audio> channels = files.readChannels(stereo, w -> { });
        assertEquals(2, channels.size());
        float[] l = WavReader.read(left).samples();
        float[] r = WavReader.read(right).samples();
        int n = Math.max(l.length, r.length); // sox pads the shorter one with silence
        assertArrayEquals(java.util.Arrays.copyOf(l, n), channels.get(0).samples());
        assertArrayEquals(java.util.Arrays.copyOf(r, n), channels.get(1).samples());
        // the same through ffmpeg's path (a FLAC of the stereo call)
        Path flac = dir.resolve("call.flac");
        Tools.run("ffmpeg", "-nostdin", "-loglevel", "error", "-i", stereo.toString(), flac.toString());
        List<Audio> fromFlac = files.readChannels(flac, w -> { });
        assertArrayEquals(channels.get(0).samples(), fromFlac.get(0).samples());
        assertArrayEquals(channels.get(1).samples(), fromFlac.get(1).samples());
    }

    @Test
    void withoutFfmpegANonWavFileSaysWhatToInstall() throws Exception {
        Path mp3 = encode("a.mp3", "-c:a", "libmp3lame");
        for (AudioFiles none : List.of(AudioFiles.fromEnvironment(Map.of("PATH", dir.toString())),
                AudioFiles.fromEnvironment(Map.of(AudioFiles.FFMPEG_VARIABLE, "none")))) {
            assertFalse(none.hasFfmpeg());
            AudioFormatException e = assertThrows(AudioFormatException.class, () -> none.read(mp3, w -> { }));
            assertTrue(e.getMessage().startsWith(mp3 + ": not a WAV file"), e.getMessage());
            assertTrue(e.getMessage().contains("install ffmpeg"), e.getMessage());
            // WAV still works without it
            assertEquals(WavReader.read(SharedData.ravdessWav(CLIP)).samples().length,
                    none.read(SharedData.ravdessWav(CLIP), w -> { }).samples().length);
        }
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> AudioFiles.fromEnvironment(
                Map.of(AudioFiles.FFMPEG_VARIABLE, "/no/such/ffmpeg")).read(mp3, w -> { }));
        assertTrue(e.getMessage().contains("EMOFUSE_FFMPEG=/no/such/ffmpeg is not an executable file"), e.getMessage());
    }

    @Test
    void whatFfmpegCannotDecodeFailsWithItsReason() throws Exception {
        Tools.require("ffmpeg");
        Path junk = dir.resolve("junk.mp3");
        Files.writeString(junk, "this is not audio at all, only text pretending to be an mp3\n".repeat(20));
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> files.read(junk, w -> { }));
        assertTrue(e.getMessage().startsWith(junk + ": ffmpeg cannot decode it"), e.getMessage());
        // a name that a shell would run, or ffmpeg would take for an option or a URL, is just a name
        Path odd = dir.resolve("-i $(touch pwned) ; http:x.mp3");
        Files.copy(encode("b.mp3", "-c:a", "libmp3lame"), odd);
        assertTrue(files.read(odd, w -> { }).samples().length > 16_000);
        assertFalse(Files.exists(dir.resolve("pwned")));
        assertFalse(Files.exists(Path.of("pwned")));
    }

    @Test
    void aHungDecoderIsStoppedAndNamed() throws Exception {
        Path fake = dir.resolve("ffmpeg");
        Files.writeString(fake, "#!/bin/sh\nsleep 60\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        Path mp3 = dir.resolve("x.mp3");
        Files.write(mp3, new byte[100]);
        long t0 = System.nanoTime();
        AudioFormatException e = assertThrows(AudioFormatException.class,
                () -> AudioFiles.withFfmpeg(fake, 300).read(mp3, w -> { }));
        double s = (System.nanoTime() - t0) / 1e9;
        assertTrue(e.getMessage().contains("ffmpeg gave no audio"), e.getMessage());
        assertTrue(s < 10, "took " + s + " s");
        assertTrue(noChildLeft("sleep"), "the hung decoder's processes were killed");
    }

    @Test
    void closingEarlyStopsTheDecoder() throws Exception {
        Path mp3 = encode("a.mp3", "-c:a", "libmp3lame");
        try (WavStream s = files.open(mp3)) {
            assertTrue(s.read(new float[100]) > 0);
        }
        assertTrue(noChildLeft("ffmpeg"), "ffmpeg still running after close");
    }

    @Test
    void bodiesOfAnyFormatAreStagedAndCleanedUp() throws Exception {
        byte[] flac = Files.readAllBytes(encode("a.flac"));
        long before = tempFiles();
        Audio a = files.read(flac, "request body");
        assertArrayEquals(WavReader.read(SharedData.ravdessWav(CLIP)).samples(), a.samples());
        assertEquals(before, tempFiles(), "the staged copy was removed");
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> files.read(new byte[]{1, 2, 3}, "request body"));
        assertTrue(e.getMessage().startsWith("request body: ffmpeg cannot decode it"), e.getMessage());
    }

    private static long tempFiles() throws Exception {
        try (var s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("emofuse-audio-")).count();
        }
    }

    private static boolean noChildLeft(String name) throws InterruptedException {
        for (int i = 0; i < 40; i++) {
            boolean any = ProcessHandle.current().descendants().anyMatch(p -> p.isAlive()
                    && p.info().command().map(c -> c.endsWith("/" + name)).orElse(false));
            if (!any) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static double snrDb(float[] ref, float[] x) {
        int n = Math.min(ref.length, x.length);
        double s = 0;
        double e = 0;
        for (int i = 0; i < n; i++) {
            s += ref[i] * (double) ref[i];
            double d = ref[i] - x[i];
            e += d * d;
        }
        return 10 * Math.log10(s / Math.max(e, 1e-12));
    }
}
