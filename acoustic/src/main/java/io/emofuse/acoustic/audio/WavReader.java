package io.emofuse.acoustic.audio;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads RIFF/WAVE files: PCM 8/16/24/32-bit integer, 32/64-bit IEEE float and 8-bit G.711
 * mu-law and A-law (the usual call-recording forms), plain or WAVE_FORMAT_EXTENSIBLE, any number of
 * channels (averaged to mono, or apart through {@link WavStream#readChannels}), any extra chunks.
 * Other formats go through {@link AudioFiles}, which uses this reader for WAV and ffmpeg for the rest.
 *
 * <p>The data chunk's declared size is never trusted for allocation: samples are read for the
 * bytes actually present, so a header that claims gigabytes costs nothing.
 */
public final class WavReader {

    private static final int FORMAT_PCM = 1;
    static final int FORMAT_FLOAT = 3;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;
    static final int FORMAT_ALAW = 6;
    static final int FORMAT_MULAW = 7;
    private static final int MAX_CHANNELS = 64;

    private WavReader() {
    }

    /** Reads a WAV file at its own sample rate, channels averaged. */
    public static Audio read(Path file) throws AudioFormatException {
        return read(file, warning -> { });
    }

    /** As {@link #read(Path)}, telling {@code warnings} what the caller should know (a truncated file). */
    public static Audio read(Path file, Consumer<String> warnings) throws AudioFormatException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in, file.toString(), warnings);
        } catch (NoSuchFileException e) {
            throw new AudioFormatException(file.toString(), "no such file");
        } catch (AudioFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new AudioFormatException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads a WAV file and resamples it to 16 kHz mono, the rate every extractor works at. */
    public static Audio read16k(Path file) throws AudioFormatException {
        return Resampler.toRate(read(file), Audio.TARGET_RATE);
    }

    /** Reads WAV bytes (e.g. an HTTP body) at their own sample rate. */
    public static Audio read(byte[] bytes, String source) throws AudioFormatException {
        try {
            return read(new ByteArrayInputStream(bytes), source);
        } catch (AudioFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new AudioFormatException(source, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads a WAV stream; {@code source} names it in errors. */
    public static Audio read(InputStream in, String source) throws IOException {
        return read(in, source, warning -> { });
    }

    private static Audio read(InputStream in, String source, Consumer<String> warnings) throws IOException {
        return open(in, source).readAll(warnings);
    }

    /**
     * Opens a WAV file for incremental decoding (mono, own rate): long recordings are processed
     * without holding all samples in memory. The caller closes the stream.
     */
    public static WavStream open(Path file) throws AudioFormatException {
        InputStream in = null;
        try {
            in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            return open(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new AudioFormatException(file.toString(), "no such file");
        } catch (AudioFormatException e) {
            closeQuietly(in);
            throw e;
        } catch (IOException e) {
            closeQuietly(in);
            throw new AudioFormatException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // already failing with a better message
            }
        }
    }

    /** Parses the header up to the start of the samples. */
    public static WavStream open(InputStream in, String source) throws IOException {
        byte[] head = new byte[12];
        int n = readFully(in, head, 12);
        if (n == 0) {
            throw new AudioFormatException(source, "empty input, not a WAV file");
        }
        if (n < 12 || !tag(head, 0).equals("RIFF") || !tag(head, 8).equals("WAVE")) {
            throw new AudioFormatException(source, "not a RIFF/WAVE file");
        }
        Format fmt = null;
        byte[] chunkHeader = new byte[8];
        while (true) {
            if (readFully(in, chunkHeader, 8) < 8) {
                throw new AudioFormatException(source,
                        fmt == null ? "no 'fmt ' chunk before end of file" : "no 'data' chunk");
            }
            String id = tag(chunkHeader, 0);
            long size = le32(chunkHeader, 4) & 0xFFFFFFFFL;
            if (id.equals("fmt ")) {
                if (size < 16 || size > 1024) {
                    throw new AudioFormatException(source, "bad 'fmt ' chunk size " + size);
                }
                byte[] body = new byte[(int) size];
                if (readFully(in, body, body.length) < body.length) {
                    throw new AudioFormatException(source, "truncated 'fmt ' chunk");
                }
                fmt = Format.parse(body, source);
                skip(in, size & 1);
            } else if (id.equals("data")) {
                if (fmt == null) {
                    throw new AudioFormatException(source, "'data' chunk before 'fmt ' chunk");
                }
                return new WavStream(in, source, size, fmt.encoding, fmt.channels, fmt.sampleRate, fmt.bits);
            } else {
                skip(in, size + (size & 1));
            }
        }
    }

    private record Format(int encoding, int channels, int sampleRate, int bits) {
        static Format parse(byte[] b, String source) throws AudioFormatException {
            int tagValue = le16(b, 0);
            int channels = le16(b, 2);
            long rate = le32(b, 4) & 0xFFFFFFFFL;
            int blockAlign = le16(b, 12);
            int bits = le16(b, 14);
            if (tagValue == FORMAT_EXTENSIBLE) {
                if (b.length < 26) {
                    throw new AudioFormatException(source, "WAVE_FORMAT_EXTENSIBLE without sub-format");
                }
                tagValue = le16(b, 24);
            }
            if (channels <= 0 || channels > MAX_CHANNELS) {
                throw new AudioFormatException(source, "unsupported channel count " + channels);
            }
            if (rate <= 0 || rate > 768_000) {
                throw new AudioFormatException(source, "unsupported sample rate " + rate);
            }
            boolean ok = switch (tagValue) {
                case FORMAT_PCM -> bits == 8 || bits == 16 || bits == 24 || bits == 32;
                case FORMAT_FLOAT -> bits == 32 || bits == 64;
                case FORMAT_ALAW, FORMAT_MULAW -> bits == 8;
                default -> throw new UnsupportedCodecException(source, "unsupported WAV encoding " + tagValue
                        + " (PCM, IEEE float, G.711 mu-law and A-law are read natively; other codecs need ffmpeg)");
            };
            if (!ok) {
                throw new AudioFormatException(source, "unsupported bit depth " + bits);
            }
            if (blockAlign != 0 && blockAlign != channels * bits / 8) {
                throw new AudioFormatException(source, "inconsistent block align " + blockAlign);
            }
            return new Format(tagValue, channels, (int) rate, bits);
        }
    }

    /** Whether {@link #sample} reads {@code encoding} as integer PCM. */
    static boolean isLinearPcm(int encoding) {
        return encoding != FORMAT_MULAW && encoding != FORMAT_ALAW && encoding != FORMAT_FLOAT;
    }

    static double sample(byte[] b, int o, int encoding, int bitsPerSample) {
        if (encoding == FORMAT_MULAW || encoding == FORMAT_ALAW) {
            // G.711 expands to 16-bit linear codes, scaled as 16-bit PCM is (the values sox decodes to).
            return G711.linear(b[o], encoding == FORMAT_MULAW) / (double) Audio.PCM16_SCALE;
        }
        if (encoding == FORMAT_FLOAT) {
            double v = bitsPerSample == 32 ? Float.intBitsToFloat(le32(b, o))
                    : Double.longBitsToDouble((le32(b, o) & 0xFFFFFFFFL) | ((long) le32(b, o + 4) << 32));
            // Audio promises [-1, 1]: beyond full scale is clipped, as in conversion to PCM. Unclipped,
            // a 64-bit value past float range became an infinite sample (found by fuzzing).
            return Double.isFinite(v) ? Math.max(-1.0, Math.min(1.0, v)) : 0.0;
        }
        return switch (bitsPerSample) {
            // Integer PCM is divided by the largest positive code (2^(bits-1) - 1), as openSMILE
            // does (16 bit: / 32767), so features match its references value for value.
            case 8 -> ((b[o] & 0xFF) - 128) / 127.0;
            case 16 -> ((short) le16(b, o)) / (double) Audio.PCM16_SCALE;
            case 24 -> (((b[o] & 0xFF) | ((b[o + 1] & 0xFF) << 8) | (b[o + 2] << 16))) / 8388607.0;
            default -> le32(b, o) / 2147483647.0;
        };
    }

    static int readFully(InputStream in, byte[] b, int len) throws IOException {
        int off = 0;
        while (off < len) {
            int r = in.read(b, off, len - off);
            if (r < 0) {
                break;
            }
            off += r;
        }
        return off;
    }

    private static void skip(InputStream in, long n) throws IOException {
        while (n > 0) {
            long s = in.skip(n);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("unexpected end of file inside a chunk");
                }
                s = 1;
            }
            n -= s;
        }
    }

    private static String tag(byte[] b, int o) {
        return new String(b, o, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static int le16(byte[] b, int o) {
        return (b[o] & 0xFF) | ((b[o + 1] & 0xFF) << 8);
    }

    private static int le32(byte[] b, int o) {
        return (b[o] & 0xFF) | ((b[o + 1] & 0xFF) << 8) | ((b[o + 2] & 0xFF) << 16) | ((b[o + 3] & 0xFF) << 24);
    }
}
