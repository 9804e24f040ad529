package io.emofuse.audio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds WAV files byte by byte, including malformed ones. */
final class WavBytes {
    private final ByteArrayOutputStream chunks = new ByteArrayOutputStream();
    private Long riffSizeOverride;

    static WavBytes create() {
        return new WavBytes();
    }

    WavBytes fmt(int format, int channels, int rate, int bits) {
        ByteBuffer b = le(16);
        b.putShort((short) format).putShort((short) channels).putInt(rate).putInt(rate * channels * bits / 8)
                .putShort((short) (channels * bits / 8)).putShort((short) bits);
        return chunk("fmt ", b.array(), -1);
    }

    WavBytes chunk(String id, byte[] body, long declaredSize) {
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

    WavBytes data(byte[] body) {
        return chunk("data", body, -1);
    }

    WavBytes riffSize(long size) {
        riffSizeOverride = size;
        return this;
    }

    byte[] bytes() {
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

    static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Interleaved samples (frames x channels) in [-1, 1] encoded as integer PCM of {@code bits}. */
    static byte[] pcm(double[][] frames, int bits) {
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

    static byte[] float32(double[][] frames) {
        ByteBuffer b = le(frames.length * frames[0].length * 4);
        for (double[] f : frames) {
            for (double v : f) {
                b.putFloat((float) v);
            }
        }
        return b.array();
    }

    static double[][] mono(float[] x) {
        double[][] f = new double[x.length][1];
        for (int i = 0; i < x.length; i++) {
            f[i][0] = x[i];
        }
        return f;
    }
}
