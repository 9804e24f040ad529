package io.emofuse.acoustic.audio;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * The samples of an opened WAV file, decoded incrementally to mono floats at the file's own
 * rate. Reads stop at the data chunk's declared size or at the real end of the file, whichever
 * comes first, so a header that lies about its size costs nothing.
 */
public final class WavStream implements Closeable {
    private static final int READ_BYTES = 1 << 16;

    private final InputStream in;
    private final String source;
    private final int encoding;
    private final int channels;
    private final int sampleRate;
    private final int bits;
    private final int frameBytes;
    private long remaining;
    /** The data chunk's declared size in bytes; 0 when the header gives none (streamed WAVs write 0 or ~0). */
    private final long declared;
    private long read;
    private boolean truncated;
    private byte[] buf = new byte[0];
    private int carry;

    WavStream(InputStream in, String source, long declared, int encoding, int channels, int sampleRate, int bits) {
        this.in = in;
        this.source = source;
        this.encoding = encoding;
        this.channels = channels;
        this.sampleRate = sampleRate;
        this.bits = bits;
        this.frameBytes = bits / 8 * channels;
        boolean sized = declared != 0 && declared != 0xFFFFFFFFL;
        this.declared = sized ? declared : 0;
        this.remaining = sized ? declared : Long.MAX_VALUE;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int channels() {
        return channels;
    }

    public String source() {
        return source;
    }

    /**
     * True once the file ended at least one sample frame before the size its header declares (a
     * recording cut off, a copy that stopped): what is there is read, and the caller can say so.
     */
    public boolean truncated() {
        return truncated;
    }

    /** For a {@link #truncated} stream: the seconds the header declares and the seconds the file held. */
    public String truncation() {
        return String.format(java.util.Locale.ROOT, "%s: the header declares %.3f s of audio but the file ends after %.3f s "
                + "(truncated); what is there was read", source, (double) declared / frameBytes / sampleRate,
                (double) read / frameBytes / sampleRate);
    }

    /** Fills {@code dst} with up to {@code dst.length} mono samples; returns how many, 0 at the end. */
    public int read(float[] dst) throws IOException {
        if (dst.length == 0) {
            return 0;
        }
        // At most READ_BYTES per call: the header chooses the frame size (up to 512 bytes), so
        // sizing the buffer as dst.length frames would let it allocate megabytes for a few bytes.
        int want = Math.max(1, Math.min(dst.length, READ_BYTES / frameBytes)) * frameBytes;
        if (buf.length < want) {
            byte[] nb = new byte[want];
            System.arraycopy(buf, 0, nb, 0, carry);
            buf = nb;
        }
        int have = carry;
        while (have < frameBytes * Math.min(dst.length, 1) || have < want) {
            if (remaining <= 0) {
                break;
            }
            int r = in.read(buf, have, (int) Math.min(want - have, remaining));
            if (r < 0) {
                truncated = declared > 0 && remaining >= frameBytes;
                remaining = 0;
                break;
            }
            remaining -= r;
            read += r;
            have += r;
        }
        int frames = have / frameBytes;
        int bytesPerSample = bits / 8;
        for (int i = 0; i < frames; i++) {
            int base = i * frameBytes;
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += WavReader.sample(buf, base + c * bytesPerSample, encoding, bits);
            }
            dst[i] = (float) (sum / channels);
        }
        carry = have - frames * frameBytes;
        System.arraycopy(buf, frames * frameBytes, buf, 0, carry);
        return frames;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
