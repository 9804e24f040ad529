package io.emofuse.acoustic.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Decodes any format ffmpeg knows (MP3, FLAC, Ogg/Opus, M4A/AAC, ADPCM WAV, ...) by running it as
 * a child process that writes 16-bit PCM WAV to a pipe, read incrementally by {@link WavReader}
 * (the first audio stream, every channel, the file's own rate), so memory stays bounded for hours
 * of audio.
 *
 * <p>The process gets an argument vector, never a shell, and only the {@code file:} protocol: a
 * file name cannot become a command, an option or a URL. It is killed when the stream is closed,
 * and when a read waits longer than the stall limit for output (a hung decoder never hangs the
 * caller). Its exit status is checked at the end of the output, so a file that ffmpeg cannot
 * decode fails with ffmpeg's own words rather than as silence. Thread-safe: immutable; each
 * {@link #open} starts its own process.
 */
final class FfmpegDecoder {

    /** Bytes of ffmpeg's error output kept for the message (it logs errors only). */
    private static final int STDERR_KEPT = 4096;

    private final Path executable;
    private final long stallMillis;

    FfmpegDecoder(Path executable, long stallMillis) {
        this.executable = executable;
        this.stallMillis = stallMillis;
    }

    Path executable() {
        return executable;
    }

    /** Starts ffmpeg on {@code file}; {@code source} names the input in errors. The caller closes the stream. */
    WavStream open(Path file, String source) throws AudioFormatException {
        String url = "file:" + file.toAbsolutePath();
        List<String> command = List.of(executable.toString(), "-nostdin", "-hide_banner", "-loglevel", "error",
                "-protocol_whitelist", "file", "-i", url,
                "-map", "0:a:0", "-vn", "-map_metadata", "-1", "-f", "wav", "-acodec", "pcm_s16le", "pipe:1");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
        } catch (IOException e) {
            throw new AudioFormatException(source, "cannot run ffmpeg (" + executable + "): " + e.getMessage(), e);
        }
        ProcessOutput out = new ProcessOutput(process, source, url, stallMillis);
        try {
            return WavReader.open(out, source);
        } catch (IOException e) {
            out.close();
            throw e instanceof AudioFormatException afe ? afe : new AudioFormatException(source, e.getMessage(), e);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /**
     * ffmpeg's standard output: ends with an {@link AudioFormatException} carrying ffmpeg's message
     * when it exits with an error or stalls; closing it kills the process.
     */
    private static final class ProcessOutput extends InputStream {
        private final Process process;
        private final InputStream stdout;
        private final String source;
        private final String url;
        private final long stallMillis;
        private final StringBuilder stderr = new StringBuilder();
        private final Thread stderrReader;
        private final Thread watchdog;
        /** When the pending read began (nanoTime), or 0 between reads; the watchdog reads it. */
        private volatile long readingSince;
        private volatile boolean stalled;
        private volatile boolean closed;
        private boolean ended;

        ProcessOutput(Process process, String source, String url, long stallMillis) {
            this.process = process;
            this.url = url;
            this.stdout = process.getInputStream();
            this.source = source;
            this.stallMillis = stallMillis;
            this.stderrReader = new Thread(this::drainStderr, "ffmpeg-stderr");
            this.stderrReader.setDaemon(true);
            this.stderrReader.start();
            this.watchdog = new Thread(this::watch, "ffmpeg-watchdog");
            this.watchdog.setDaemon(true);
            this.watchdog.start();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (ended) {
                return -1;
            }
            int n;
            readingSince = System.nanoTime();
            try {
                n = stdout.read(b, off, len);
            } catch (IOException e) {
                n = -1; // the watchdog closed the pipe; reported below
            } finally {
                readingSince = 0;
            }
            if (n < 0) {
                ended = true;
                checkExit();
            }
            return n;
        }

        private void checkExit() throws AudioFormatException {
            if (stalled) {
                throw new AudioFormatException(source, String.format(java.util.Locale.ROOT,
                        "ffmpeg gave no audio for %.0f s and was stopped", stallMillis / 1000.0));
            }
            int status;
            try {
                if (!process.waitFor(Math.max(stallMillis, 1000), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new AudioFormatException(source, "ffmpeg did not exit after its output ended and was stopped");
                }
                status = process.exitValue();
                stderrReader.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new AudioFormatException(source, "interrupted while ffmpeg decoded it");
            }
            if (status != 0) {
                String why;
                synchronized (stderr) {
                    why = stderr.toString().strip();
                }
                // the last line is ffmpeg's verdict; its input URL prefix repeats what source names
                why = why.lines().reduce((a, c) -> c).orElse("").replace(url + ": ", "").strip();
                throw new AudioFormatException(source, "ffmpeg cannot decode it (exit " + status + ")"
                        + (why.isEmpty() ? "" : ": " + why));
            }
        }

        private void drainStderr() {
            byte[] buf = new byte[1024];
            try (InputStream err = process.getErrorStream()) {
                int n;
                while ((n = err.read(buf)) > 0) {
                    synchronized (stderr) {
                        if (stderr.length() < STDERR_KEPT) {
                            stderr.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                        }
                    }
                }
            } catch (IOException ignored) {
                // the process was killed; its exit status says enough
            }
        }

        private void watch() {
            long tick = Math.max(10, Math.min(1000, stallMillis / 4));
            while (!closed && process.isAlive()) {
                try {
                    Thread.sleep(tick);
                } catch (InterruptedException e) {
                    return;
                }
                long since = readingSince;
                // Only a read that waits counts: a slow consumer between reads is not a stalled decoder.
                if (since != 0 && System.nanoTime() - since > stallMillis * 1_000_000L) {
                    stalled = true;
                    kill();
                    return;
                }
            }
        }

        /** The process and anything it started (a wrapper script's children hold the pipe open too). */
        private void kill() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            watchdog.interrupt();
            kill();
            try {
                stdout.close();
            } catch (IOException ignored) {
                // the process is gone; nothing to flush
            }
        }
    }
}
