package io.emofuse.analysis.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PcmToMono16kTest {

    private static byte[] sine(int rate, double hz, double seconds) {
        int n = (int) (rate * seconds);
        ByteBuffer b = ByteBuffer.allocate(n * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            b.putShort((short) Math.round(12_000 * Math.sin(2 * Math.PI * hz * i / rate)));
        }
        return b.array();
    }

    /** Feeds {@code pcm} in chunks of {@code chunk} bytes and concatenates the output. */
    private static float[] convert(byte[] pcm, int rate, int chunk) {
        PcmToMono16k c = new PcmToMono16k(rate);
        float[] out = new float[0];
        for (int off = 0; off < pcm.length; off += chunk) {
            byte[] piece = Arrays.copyOfRange(pcm, off, Math.min(pcm.length, off + chunk));
            float[] got = c.accept(piece, piece.length);
            float[] grown = Arrays.copyOf(out, out.length + got.length);
            System.arraycopy(got, 0, grown, out.length, got.length);
            out = grown;
        }
        float[] tail = c.flush();
        float[] all = Arrays.copyOf(out, out.length + tail.length);
        System.arraycopy(tail, 0, all, out.length, tail.length);
        return all;
    }

    /** Zero crossings per second, a robust frequency estimate for a clean sine. */
    private static double frequency(float[] x, int rate) {
        int crossings = 0;
        for (int i = 1; i < x.length; i++) {
            if ((x[i - 1] < 0) != (x[i] < 0)) {
                crossings++;
            }
        }
        return crossings / 2.0 / (x.length / (double) rate);
    }

    @Test
    void sixteenKilohertzPassesThroughExactly() {
        byte[] pcm = sine(16_000, 440, 0.5);
        float[] out = convert(pcm, 16_000, 3201); // odd chunks split samples across calls
        assertEquals(8_000, out.length);
        ByteBuffer b = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < out.length; i++) {
            assertEquals(b.getShort() / io.emofuse.acoustic.audio.Audio.PCM16_SCALE, out[i], 0f);
        }
    }

    @Test
    void resamplesToTheRightLengthAndKeepsThePitch() {
        for (int rate : new int[] {8_000, 22_050, 44_100, 48_000}) {
            float[] out = convert(sine(rate, 300, 2.0), rate, 4097);
            assertEquals(32_000, out.length, 3, rate + " Hz: 2 s become 32000 samples");
            assertEquals(300, frequency(out, 16_000), 3, rate + " Hz: a 300 Hz tone stays 300 Hz");
        }
    }

    @Test
    void chunkingDoesNotChangeTheResult() {
        byte[] pcm = sine(48_000, 523, 1.0);
        float[] whole = convert(pcm, 48_000, pcm.length);
        float[] pieces = convert(pcm, 48_000, 999);
        assertArrayEquals(whole, pieces, 1e-6f);
    }

    @Test
    void equalsTheWholeFileResamplerSampleForSample() {
        for (int rate : new int[] {8_000, 44_100, 48_000}) {
            byte[] pcm = sine(rate, 440, 0.7);
            float[] decoded = new float[pcm.length / 2];
            ByteBuffer b = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < decoded.length; i++) {
                decoded[i] = b.getShort() / io.emofuse.acoustic.audio.Audio.PCM16_SCALE;
            }
            assertArrayEquals(io.emofuse.acoustic.audio.Resampler.resample(decoded, rate, 16_000), convert(pcm, rate, 1001), 0f,
                    rate + " Hz");
        }
    }

    @Test
    void downsamplingAttenuatesWhatWouldAlias() {
        // 14 kHz at 48 kHz would fold to 2 kHz at 16 kHz; the low-pass must weaken it a lot.
        float[] out = convert(sine(48_000, 14_000, 1.0), 48_000, 4800);
        double rms = 0;
        for (float v : out) {
            rms += v * v;
        }
        rms = Math.sqrt(rms / out.length);
        double input = 12_000 / (double) io.emofuse.acoustic.audio.Audio.PCM16_SCALE / Math.sqrt(2);
        assertTrue(rms < input * 0.35, "alias attenuated to " + rms / input + " of the input level");
    }
}
