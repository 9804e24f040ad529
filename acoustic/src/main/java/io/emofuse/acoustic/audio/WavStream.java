package io.emofuse.acoustic.audio;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * The samples of an opened WAV file (or of ffmpeg's WAV output for other formats), decoded
 * incrementally to floats at the file's own rate, channels averaged ({@link #read}) or apart
 * ({@link #readChannels}). Reads stop at the data chunk's declared size or at the real end of the file, whichever
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
    /** A staged copy of the input (ffmpeg's temporary file) removed on close, or null. */
    private java.nio.file.Path deleteOnClose;

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

    /** Seconds of audio the header declares; NaN when it declares none (ffmpeg's output, streamed WAVs). */
    public double declaredSeconds() {
        return declared > 0 ? (double) declared / frameBytes / sampleRate : Double.NaN;
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

    /** Fills {@code dst} with up to {@code dst.length} mono samples (channels averaged); returns how many, 0 at the end. */
    public int read(float[] dst) throws IOException {
        int frames = fill(dst.length);
        if (channels == 1 && bits == 16 && WavReader.isLinearPcm(encoding)) {
            // mono 16-bit PCM, the usual input: WavReader.sample's 16-bit case without a call per sample
            // (the same value: the sum over one channel and the division by 1 are exact)
            byte[] b = buf;
            for (int i = 0; i < frames; i++) {
                short v = (short) ((b[2 * i] & 0xFF) | ((b[2 * i + 1] & 0xFF) << 8));
                dst[i] = (float) (v / (double) Audio.PCM16_SCALE);
            }
            consume(frames);
            return frames;
        }
        int bytesPerSample = bits / 8;
        for (int i = 0; i < frames; i++) {
            int base = i * frameBytes;
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += WavReader.sample(buf, base + c * bytesPerSample, encoding, bits);
            }
            dst[i] = (float) (sum / channels);
        }
        consume(frames);
        return frames;
    }

    /**
     * Fills {@code dst[c]} with up to {@code dst[0].length} samples of channel {@code c}, every
     * channel kept apart (a stereo call's agent and customer); returns how many frames, 0 at the end.
     *
     * @param dst one array per channel ({@link #channels()} of them), all of the same length
     */
    public int readChannels(float[][] dst) throws IOException {
        if (dst.length != channels) {
            throw new IllegalArgumentException(source + " has " + channels + " channels, not " + dst.length);
        }
        int frames = fill(dst[0].length);
        int bytesPerSample = bits / 8;
        for (int i = 0; i < frames; i++) {
            int base = i * frameBytes;
            for (int c = 0; c < channels; c++) {
                dst[c][i] = (float) WavReader.sample(buf, base + c * bytesPerSample, encoding, bits);
            }
        }
        consume(frames);
        return frames;
    }

    /** Reads until {@code maxFrames} whole frames (or what the file still has) are in {@code buf}. */
    private int fill(int maxFrames) throws IOException {
        if (maxFrames == 0) {
            return 0;
        }
        // At most READ_BYTES per call: the header chooses the frame size (up to 512 bytes), so
        // sizing the buffer as maxFrames frames would let it allocate megabytes for a few bytes.
        int want = Math.max(1, Math.min(maxFrames, READ_BYTES / frameBytes)) * frameBytes;
        if (buf.length < want) {
            byte[] nb = new byte[want];
            System.arraycopy(buf, 0, nb, 0, carry);
            buf = nb;
        }
        int have = carry;
        while (have < want) {
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
        carry = have;
        return have / frameBytes;
    }

    /** Drops the {@code frames} decoded frames from {@code buf}, keeping a partial frame's bytes. */
    private void consume(int frames) {
        int used = frames * frameBytes;
        carry -= used;
        System.arraycopy(buf, used, buf, 0, carry);
    }

    /** {@code s}, removing {@code staged} when it closes. */
    static WavStream deletingOnClose(WavStream s, java.nio.file.Path staged) {
        s.deleteOnClose = staged;
        return s;
    }

    /** Everything still to come, channels averaged; {@code warnings} hears of a truncated file. */
    public Audio readAll(java.util.function.Consumer<String> warnings) throws IOException {
        float[] data = new float[1 << 16];
        int size = 0;
        float[] chunk = new float[8192];
        int n;
        // grows with the samples read, never with what a header claims
        while ((n = read(chunk)) > 0) {
            if (size + n > data.length) {
                data = java.util.Arrays.copyOf(data, Math.max(data.length * 2, size + n));
            }
            System.arraycopy(chunk, 0, data, size, n);
            size += n;
        }
        if (truncated) {
            warnings.accept(truncation());
        }
        return new Audio(java.util.Arrays.copyOf(data, size), sampleRate, source);
    }

    /** Everything still to come, one mono audio per channel; {@code warnings} hears of a truncated file. */
    public java.util.List<Audio> readAllChannels(java.util.function.Consumer<String> warnings) throws IOException {
        float[][] chunk = new float[channels][8192];
        float[][] data = new float[channels][1 << 16];
        int size = 0;
        int n;
        while ((n = readChannels(chunk)) > 0) {
            for (int c = 0; c < channels; c++) {
                if (size + n > data[c].length) {
                    data[c] = java.util.Arrays.copyOf(data[c], Math.max(data[c].length * 2, size + n));
                }
                System.arraycopy(chunk[c], 0, data[c], size, n);
            }
            size += n;
        }
        if (truncated) {
            warnings.accept(truncation());
        }
        java.util.List<Audio> out = new java.util.ArrayList<>();
        for (int c = 0; c < channels; c++) {
            out.add(new Audio(java.util.Arrays.copyOf(data[c], size), sampleRate,
                    channels == 1 ? source : source + " channel " + (c + 1)));
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        try {
            in.close();
        } finally {
            if (deleteOnClose != null) {
                java.nio.file.Files.deleteIfExists(deleteOnClose);
            }
        }
    }
}
