package io.emofuse.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The tests' one WAV writer: canonical files in one call, or any chunk layout byte by byte,
 * malformed ones included (not thread-safe; one builder per file).
 */
public final class WavBytes {
    private final ByteArrayOutputStream chunks = new ByteArrayOutputStream();
    private Long riffSizeOverride;

    public static WavBytes create() {
        return new WavBytes();
    }

    public WavBytes fmt(int format, int channels, int rate, int bits) {
        ByteBuffer b = le(16);
        b.putShort((short) format).putShort((short) channels).putInt(rate).putInt(rate * channels * bits / 8)
                .putShort((short) (channels * bits / 8)).putShort((short) bits);
        return chunk("fmt ", b.array(), -1);
    }

    public WavBytes chunk(String id, byte[] body, long declaredSize) {
        ByteBuffer h = le(8);
        h.put(id.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        h.putInt((int) (declaredSize >= 0 ? declaredSize : body.length));
        chunks.writeBytes(h.array());
        chunks.writeBytes(body);
        if (declaredSize < 0 && (body.length & 1) == 1) {
            chunks.write(0);
        }
        return this;
    }

    public WavBytes data(byte[] body) {
        return chunk("data", body, -1);
    }

    public WavBytes riffSize(long size) {
        riffSizeOverride = size;
        return this;
    }

    public byte[] bytes() {
        byte[] body = chunks.toByteArray();
        ByteBuffer h = le(12);
        h.put("RIFF".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        h.putInt((int) (riffSizeOverride != null ? riffSizeOverride : body.length + 4));
        h.put("WAVE".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(h.array());
        out.writeBytes(body);
        return out.toByteArray();
    }

    public static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Interleaved samples (frames x channels) in [-1, 1] encoded as integer PCM of {@code bits}. */
    public static byte[] pcm(double[][] frames, int bits) {
        int bps = bits / 8;
        ByteBuffer b = le(frames.length * frames[0].length * bps);
        double max = Math.pow(2, bits - 1) - 1;
        for (double[] f : frames) {
            for (double v : f) {
                long q = Math.round(v * max);
                switch (bits) {
                    case 8 -> b.put((byte) (q + 128));
                    case 16 -> b.putShort((short) q);
                    case 24 -> {
                        b.put((byte) q).put((byte) (q >> 8)).put((byte) (q >> 16));
                    }
                    default -> b.putInt((int) q);
                }
            }
        }
        return b.array();
    }

    public static byte[] float32(double[][] frames) {
        ByteBuffer b = le(frames.length * frames[0].length * 4);
        for (double[] f : frames) {
            for (double v : f) {
                b.putFloat((float) v);
            }
        }
        return b.array();
    }

    public static double[][] mono(float[] x) {
        double[][] f = new double[x.length][1];
        for (int i = 0; i < x.length; i++) {
            f[i][0] = x[i];
        }
        return f;
    }

    /** A canonical 44-byte-header WAV whose header fields (the data size too) are the caller's. */
    public static byte[] canonical(int format, int channels, long rate, int bits, long declaredDataBytes, byte[] data) {
        ByteBuffer b = le(44 + data.length);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).putInt((int) (36 + declaredDataBytes))
                .put("WAVE".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        b.put("fmt ".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).putInt(16).putShort((short) format)
                .putShort((short) channels).putInt((int) rate);
        b.putInt((int) (rate * channels * bits / 8)).putShort((short) (channels * bits / 8)).putShort((short) bits);
        b.put("data".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).putInt((int) declaredDataBytes).put(data);
        return b.array();
    }

    /** 16-bit mono PCM WAV of samples in [-1, 1] (rounded, clipped to the 16-bit range). */
    public static byte[] pcm16(float[] samples, int rate) {
        ByteBuffer b = le(samples.length * 2);
        for (float v : samples) {
            b.putShort((short) Math.max(-32768, Math.min(32767, Math.round(v * 32767.0))));
        }
        return canonical(1, 1, rate, 16, samples.length * 2L, b.array());
    }

    /** {@link #pcm16} written to {@code file}. */
    public static Path write(Path file, float[] samples, int rate) {
        try {
            return Files.write(file, pcm16(samples, rate));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code seconds} of a sine of {@code hz} at amplitude {@code amp} in [0, 1]. */
    public static float[] tone(double hz, double amp, double seconds, int rate) {
        float[] x = new float[(int) Math.round(seconds * rate)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (amp * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return x;
    }
}
