package io.emofuse.acoustic.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.emofuse.acoustic.Signals;
import io.emofuse.testsupport.SharedData;
import io.emofuse.testsupport.WavBytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every odd WAV form users throw at the reader, well-formed and not. */
class WavReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static float[] ramp(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (0.9 * Math.sin(i * 0.01) * ((i % 7) / 6.0));
        }
        return x;
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 16, 24, 32})
    void integerPcmDepthsDecodeToTheSameSignal(int bits) throws IOException {
        float[] x = ramp(3000);
        Path p = write("pcm" + bits + ".wav", WavBytes.create().fmt(1, 1, 16000, bits).data(WavBytes.pcm(WavBytes.mono(x), bits)).bytes());
        Audio a = WavReader.read(p);
        assertEquals(16000, a.sampleRate());
        assertEquals(x.length, a.samples().length);
        double tol = 1.0 / (Math.pow(2, bits - 1) - 1); // one quantisation step
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i], a.samples()[i], tol, "sample " + i);
        }
    }

    @Test
    void sixteenBitUsesOpenSmileScaling() throws IOException {
        double[][] f = {{32767 / 32767.0}, {-32767 / 32767.0}, {1000 / 32767.0}};
        Audio a = WavReader.read(write("s16.wav", WavBytes.create().fmt(1, 1, 16000, 16).data(WavBytes.pcm(f, 16)).bytes()));
        assertArrayEquals(new float[] {1f, -1f, 1000 / 32767f}, a.samples(), 0f);
    }

    @Test
    void float32IsReadAsIs() throws IOException {
        float[] x = ramp(500);
        Audio a = WavReader.read(write("f32.wav", WavBytes.create().fmt(3, 1, 16000, 32).data(WavBytes.float32(WavBytes.mono(x))).bytes()));
        assertArrayEquals(x, a.samples(), 0f);
    }

    @Test
    void stereoIsAveraged() throws IOException {
        double[][] f = new double[100][2];
        for (int i = 0; i < f.length; i++) {
            f[i][0] = 0.5;
            f[i][1] = -0.1;
        }
        Audio a = WavReader.read(write("st.wav", WavBytes.create().fmt(1, 2, 16000, 16).data(WavBytes.pcm(f, 16)).bytes()));
        assertEquals(100, a.samples().length);
        assertEquals(0.2, a.samples()[50], 1e-4);
    }

    @ParameterizedTest
    @ValueSource(ints = {44100, 48000, 22050, 8000})
    void otherRatesAreResampledTo16kWithoutShiftingPitch(int rate) throws IOException {
        int n = rate * 2;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / rate));
        }
        Path p = write("r" + rate + ".wav", WavBytes.create().fmt(1, 1, rate, 16).data(WavBytes.pcm(WavBytes.mono(x), 16)).bytes());
        Audio a = WavReader.read16k(p);
        assertEquals(16000, a.sampleRate());
        assertEquals(32000, a.samples().length, 1);
        // zero crossings per second of a 440 Hz sine: 880
        int zc = 0;
        for (int i = 1001; i < 31000; i++) {
            if ((a.samples()[i - 1] < 0) != (a.samples()[i] < 0)) {
                zc++;
            }
        }
        assertEquals(880 * 30000 / 16000.0, zc, 3);
        // amplitude preserved (anti-aliasing filter passes 440 Hz)
        float max = 0;
        for (int i = 1000; i < 31000; i++) {
            max = Math.max(max, Math.abs(a.samples()[i]));
        }
        assertEquals(0.5, max, 0.01);
    }

    @Test
    void downsamplingRemovesContentAboveTheNewNyquist() throws IOException {
        int rate = 48000;
        float[] x = new float[rate];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.5 * Math.sin(2 * Math.PI * 12000 * i / rate)); // above 8 kHz: must vanish, not alias to 4 kHz
        }
        Audio a = Resampler.toRate(new Audio(x, rate, "hf"), 16000);
        double rms = 0;
        for (int i = 500; i < a.samples().length - 500; i++) {
            rms += a.samples()[i] * a.samples()[i];
        }
        rms = Math.sqrt(rms / (a.samples().length - 1000));
        assertTrue(rms < 0.005, "aliased energy " + rms);
    }

    @Test
    void extraChunksAreSkipped() throws IOException {
        float[] x = ramp(777);
        byte[] b = WavBytes.create().chunk("JUNK", new byte[13], -1).fmt(1, 1, 16000, 16).chunk("FLLR", new byte[4044], -1)
                .chunk("LIST", "INFOISFT".getBytes(), -1).data(WavBytes.pcm(WavBytes.mono(x), 16)).chunk("id3 ", new byte[10], -1).bytes();
        assertEquals(777, WavReader.read(write("chunks.wav", b)).samples().length);
    }

    @Test
    void ravdessOriginalsWithFllrChunkAt48kHz() throws IOException {
        Path orig = SharedData.path("ravdess", "original");
        Path mono = orig.resolve("03-01-01-01-01-01-01.wav");
        Audio raw = WavReader.read(mono);
        assertEquals(48000, raw.sampleRate());
        assertEquals(3.30, raw.durationSeconds(), 0.01);
        Audio a = WavReader.read16k(mono);
        assertEquals(raw.samples().length / 3, a.samples().length, 1);
        Audio stereo = WavReader.read16k(orig.resolve("03-01-02-01-01-02-01.wav"));
        assertEquals(3.60, stereo.durationSeconds(), 0.01);
    }

    @Test
    void headerThatClaimsGigabytesReadsWhatIsThere() throws IOException {
        float[] x = ramp(1000);
        byte[] b = WavBytes.create().riffSize(0xFFFFFFF0L).fmt(1, 1, 16000, 16)
                .chunk("data", WavBytes.pcm(WavBytes.mono(x), 16), 0x7FFFFFF0L).bytes();
        Audio a = WavReader.read(write("liar.wav", b));
        assertEquals(1000, a.samples().length);
    }

    @Test
    void truncatedDataKeepsTheCompleteSamples() throws IOException {
        byte[] full = WavBytes.create().fmt(1, 2, 16000, 24).data(WavBytes.pcm(new double[100][2], 24)).bytes();
        byte[] cut = java.util.Arrays.copyOf(full, full.length - 7); // ends inside a frame
        Audio a = WavReader.read(write("cut.wav", cut));
        assertEquals(98, a.samples().length); // 600 bytes - 7 = 593 -> 98 complete 6-byte frames
    }

    private void assertRejected(String name, byte[] bytes, String problem) throws IOException {
        Path p = write(name, bytes);
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> WavReader.read16k(p));
        assertTrue(e.getMessage().contains(p.toString()), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(problem), "says '" + problem + "': " + e.getMessage());
        assertEquals(p.toString(), e.input());
    }

    @Test
    void emptyFile() throws IOException {
        assertRejected("empty.wav", new byte[0], "empty");
    }

    @Test
    void randomBytes() throws IOException {
        byte[] b = new byte[4096];
        new Random(3).nextBytes(b);
        assertRejected("random.wav", b, "not a RIFF/WAVE");
    }

    @Test
    void zeroChannels() throws IOException {
        assertRejected("zeroch.wav", WavBytes.create().fmt(1, 0, 16000, 16).data(new byte[10]).bytes(), "channel count 0");
    }

    @Test
    void zeroSampleRate() throws IOException {
        assertRejected("zerorate.wav", WavBytes.create().fmt(1, 1, 0, 16).data(new byte[10]).bytes(), "sample rate 0");
    }

    @Test
    void unsupportedEncodingAndDepth() throws IOException {
        assertRejected("gsm.wav", WavBytes.create().fmt(0x31, 1, 8000, 0).data(new byte[10]).bytes(), "encoding 49");
        assertRejected("alaw16.wav", WavBytes.create().fmt(6, 1, 8000, 16).data(new byte[10]).bytes(), "bit depth 16");
        assertRejected("pcm12.wav", WavBytes.create().fmt(1, 1, 8000, 12).data(new byte[10]).bytes(), "bit depth 12");
    }

    @Test
    void headerOnlyOrMissingData() throws IOException {
        assertRejected("nofmt.wav", WavBytes.create().data(new byte[10]).bytes(), "'data' chunk before 'fmt '");
        assertRejected("nodata.wav", WavBytes.create().fmt(1, 1, 16000, 16).bytes(), "no 'data' chunk");
        assertRejected("riffonly.wav", java.util.Arrays.copyOf(WavBytes.create().bytes(), 12), "no 'fmt ' chunk");
    }

    @Test
    void missingFile() {
        Path p = dir.resolve("nope.wav");
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> WavReader.read(p));
        assertTrue(e.getMessage().contains("nope.wav") && e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void pcm16DecoderHandlesSplitSamples() {
        byte[] b = {0x01, 0x00, (byte) 0xFF, 0x7F, 0x00, (byte) 0x80};
        Pcm16Decoder d = new Pcm16Decoder();
        assertEquals(0, d.decode(b, 0, 1));
        assertTrue(d.hasPendingByte());
        assertEquals(1, d.decode(b, 1, 2));
        assertEquals(1 / 32767f, d.samples()[0], 0f);
        assertEquals(2, d.decode(b, 3, 3));
        assertEquals(1f, d.samples()[0], 0f);
        assertEquals(-32768 / 32767f, d.samples()[1], 0f);
        assertTrue(!d.hasPendingByte());
    }

    @Test
    void wavStreamDecodesInChunks() throws IOException {
        float[] x = Signals.tone(300, 1.0, 0.4);
        Path p = write("chunked.wav", WavBytes.create().fmt(1, 1, 16000, 16).data(WavBytes.pcm(WavBytes.mono(x), 16)).bytes());
        float[] all = WavReader.read(p).samples();
        try (WavStream s = WavReader.open(p)) {
            float[] buf = new float[333];
            int total = 0;
            int n;
            while ((n = s.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    assertEquals(all[total + i], buf[i], 0f);
                }
                total += n;
            }
            assertEquals(all.length, total);
        }
    }

    @Test
    void aTruncatedFileIsReadAndSaidToBeTruncated() throws IOException {
        byte[] whole = WavBytes.pcm16(WavBytes.tone(200, 0.3, 2.0, 16000), 16000);
        Path cut = Files.write(dir.resolve("cut.wav"), java.util.Arrays.copyOf(whole, 44 + 16000));
        java.util.List<String> said = new java.util.ArrayList<>();
        Audio a = WavReader.read(cut, said::add);
        assertEquals(0.5, a.durationSeconds(), 1e-9);
        assertEquals(1, said.size(), said.toString());
        assertTrue(said.get(0).contains("2.000 s") && said.get(0).contains("0.500 s") && said.get(0).contains("cut.wav"),
                said.get(0));
        said.clear();
        WavReader.read(Files.write(dir.resolve("whole.wav"), whole), said::add);
        assertEquals(java.util.List.of(), said, "a whole file gets no warning");
    }
}
