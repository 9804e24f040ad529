package io.emofuse.acoustic.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The one way emofuse opens a user's audio: WAV (PCM, float, G.711) natively with {@link WavReader},
 * everything else (MP3, FLAC, Ogg/Opus, M4A/AAC, WAV codecs such as ADPCM) through ffmpeg when
 * it is installed, and without ffmpeg one error that says how to install it. Which ffmpeg: the
 * {@code EMOFUSE_FFMPEG} environment variable (a path, or {@code none} to never run one), else
 * {@code ffmpeg} on the {@code PATH}. Thread-safe: immutable.
 */
public final class AudioFiles {

    /** The environment variable naming the ffmpeg executable ({@code none}: decode WAV only). */
    public static final String FFMPEG_VARIABLE = "EMOFUSE_FFMPEG";
    /** How long one read may wait for ffmpeg's output before the decoder counts as hung. */
    static final long STALL_MILLIS = 30_000;

    private final FfmpegDecoder ffmpeg;
    /** Why there is no ffmpeg, for the error a non-WAV file gets (null when there is one). */
    private final String missing;

    private AudioFiles(FfmpegDecoder ffmpeg, String missing) {
        this.ffmpeg = ffmpeg;
        this.missing = missing;
    }

    /** From this process's environment ({@value #FFMPEG_VARIABLE}, then {@code PATH}). */
    public static AudioFiles fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** From the given environment variables ({@value #FFMPEG_VARIABLE}, then {@code PATH}). */
    public static AudioFiles fromEnvironment(Map<String, String> env) {
        String named = env.get(FFMPEG_VARIABLE);
        if (named != null && !named.isBlank()) {
            if (named.strip().equalsIgnoreCase("none")) {
                return new AudioFiles(null, FFMPEG_VARIABLE + "=none turns ffmpeg off");
            }
            Path p = Path.of(named.strip());
            return Files.isRegularFile(p) && Files.isExecutable(p)
                    ? new AudioFiles(new FfmpegDecoder(p, STALL_MILLIS), null)
                    : new AudioFiles(null, FFMPEG_VARIABLE + "=" + named.strip() + " is not an executable file");
        }
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, "ffmpeg");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return new AudioFiles(new FfmpegDecoder(p, STALL_MILLIS), null);
            }
        }
        return new AudioFiles(null, "ffmpeg was not found on the PATH");
    }

    /** With this ffmpeg executable and stall limit (tests: a decoder that hangs). */
    static AudioFiles withFfmpeg(Path executable, long stallMillis) {
        return new AudioFiles(new FfmpegDecoder(executable, stallMillis), null);
    }

    /** File name endings a folder walk takes for audio (what ffmpeg decodes besides WAV). */
    private static final java.util.Set<String> AUDIO_ENDINGS = java.util.Set.of(".wav", ".wave", ".mp3", ".flac",
            ".ogg", ".oga", ".opus", ".m4a", ".aac", ".mp4", ".wma", ".webm", ".mka", ".amr", ".aiff", ".aif", ".au");

    /** Whether a folder walk takes this file name as audio (by its ending; case ignored). */
    public static boolean isAudioName(String fileName) {
        String n = fileName.toLowerCase(java.util.Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot >= 0 && AUDIO_ENDINGS.contains(n.substring(dot));
    }

    /** Whether formats other than WAV can be read. */
    public boolean hasFfmpeg() {
        return ffmpeg != null;
    }

    /**
     * Opens {@code file} for incremental decoding at its own rate, every channel. The caller closes
     * the stream.
     */
    public WavStream open(Path file) throws AudioFormatException {
        String source = file.toString();
        byte[] head = new byte[12];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = WavReader.readFully(in, head, head.length);
        } catch (NoSuchFileException e) {
            throw new AudioFormatException(source, "no such file");
        } catch (IOException e) {
            throw new AudioFormatException(source, "cannot read: " + e.getMessage(), e);
        }
        if (n == 0) {
            throw new AudioFormatException(source, "empty file, no audio");
        }
        WavStream wav = openNatively(head, n, source, () -> WavReader.open(file));
        return wav != null ? wav : ffmpeg.open(file, source);
    }

    /** The samples of {@code file}, channels averaged, at its own rate; {@code warnings} hears of a truncated file. */
    public Audio read(Path file, Consumer<String> warnings) throws AudioFormatException {
        return readOpened(() -> open(file), file.toString(), s -> s.readAll(warnings));
    }

    /** The samples of {@code file} resampled to 16 kHz mono, the rate every extractor works at. */
    public Audio read16k(Path file) throws AudioFormatException {
        return Resampler.toRate(read(file, w -> { }), Audio.TARGET_RATE);
    }

    /** Audio bytes (an HTTP body) of any format, channels averaged, at their own rate. */
    public Audio read(byte[] bytes, String source) throws AudioFormatException {
        return readOpened(() -> open(bytes, source), source, s -> s.readAll(w -> { }));
    }

    /**
     * Opens audio bytes of any format: WAV is decoded from memory; other formats are written to a
     * private temporary file for ffmpeg, removed when the stream closes.
     */
    public WavStream open(byte[] bytes, String source) throws AudioFormatException {
        if (bytes.length == 0) {
            throw new AudioFormatException(source, "empty input, no audio");
        }
        WavStream wav = openNatively(bytes, Math.min(12, bytes.length), source,
                () -> WavReader.open(new java.io.ByteArrayInputStream(bytes), source));
        if (wav != null) {
            return wav;
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile("emofuse-audio-", ".bin");
            Files.write(tmp, bytes);
            return WavStream.deletingOnClose(ffmpeg.open(tmp, source), tmp);
        } catch (AudioFormatException e) {
            deleteQuietly(tmp);
            throw e;
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new AudioFormatException(source, "cannot stage it for ffmpeg: " + e.getMessage(), e);
        }
    }

    /** Opens a WAV stream; the caller has checked the header names a WAV. */
    private interface WavOpener {
        WavStream open() throws IOException;
    }

    /** Reads what an opened stream holds; the stream is closed after. */
    private interface StreamReader<T> {
        T read(WavStream s) throws IOException;
    }

    /**
     * The native reader's stream for a WAV it decodes; null when ffmpeg is to decode the input
     * (which there then is); without ffmpeg, the error that says to install it.
     */
    private WavStream openNatively(byte[] head, int n, String source, WavOpener wav) throws AudioFormatException {
        if (isWav(head, n)) {
            try {
                return wav.open();
            } catch (UnsupportedCodecException e) {
                if (ffmpeg == null) {
                    throw new NeedsFfmpegException(source, e.problem() + "; " + installHint());
                }
                return null;
            } catch (AudioFormatException e) {
                throw e;
            } catch (IOException e) {
                throw new AudioFormatException(source, "cannot read: " + e.getMessage(), e);
            }
        }
        if (ffmpeg == null) {
            throw new NeedsFfmpegException(source, "not a WAV file; other formats (MP3, FLAC, Ogg/Opus, M4A/AAC, ...) "
                    + "are decoded by ffmpeg: " + installHint());
        }
        return null;
    }

    private static <T> T readOpened(WavOpener opener, String source, StreamReader<T> reader) throws AudioFormatException {
        try (WavStream s = opener.open()) {
            return reader.read(s);
        } catch (AudioFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new AudioFormatException(source, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Each channel of {@code file} as its own mono audio, at the file's rate. */
    public List<Audio> readChannels(Path file, Consumer<String> warnings) throws AudioFormatException {
        return readOpened(() -> open(file), file.toString(), s -> s.readAllChannels(warnings));
    }

    private String installHint() {
        return missing + "; install ffmpeg (Debian/Ubuntu: apt-get install ffmpeg) or set " + FFMPEG_VARIABLE
                + " to its path";
    }

    private static boolean isWav(byte[] head, int n) {
        return n >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F'
                && head[8] == 'W' && head[9] == 'A' && head[10] == 'V' && head[11] == 'E';
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temporary file; the system's cleaner gets it
            }
        }
    }
}
