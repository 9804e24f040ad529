package io.emofuse.acoustic.audio;

/**
 * Decodes a raw signed 16-bit little-endian mono PCM stream (e.g. WebSocket binary frames) into
 * floats, value / 32767 as openSMILE scales it. Chunks may split a sample: an odd trailing byte is
 * kept for the next call. Not thread-safe; one decoder per stream.
 */
public final class Pcm16Decoder {
    private int pending = -1;
    private float[] out = new float[0];

    /** Decodes {@code data[offset, offset+length)}; the samples are in {@link #samples()}[0, returned count). */
    public int decode(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > data.length) {
            throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + ", array " + data.length);
        }
        int n = (length + (pending >= 0 ? 1 : 0)) / 2;
        if (out.length < n) {
            out = new float[Math.max(n, 1024)];
        }
        int i = offset;
        int end = offset + length;
        int k = 0;
        if (pending >= 0 && i < end) {
            out[k++] = (short) (pending | (data[i++] << 8)) / Audio.PCM16_SCALE;
            pending = -1;
        }
        for (; i + 1 < end; i += 2) {
            out[k++] = (short) ((data[i] & 0xFF) | (data[i + 1] << 8)) / Audio.PCM16_SCALE;
        }
        if (i < end) {
            pending = data[i] & 0xFF;
        }
        return k;
    }

    /** Buffer holding the samples of the last {@link #decode} call (reused between calls). */
    public float[] samples() {
        return out;
    }

    /** True when half a sample is waiting for its second byte. */
    public boolean hasPendingByte() {
        return pending >= 0;
    }

    public void reset() {
        pending = -1;
    }
}
