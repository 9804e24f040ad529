package io.emofuse.acoustic;

import io.emofuse.acoustic.audio.Audio;
import io.emofuse.acoustic.audio.AudioFiles;
import io.emofuse.acoustic.audio.Resampler;
import io.emofuse.acoustic.audio.WavStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Feeds a WAV file through a {@link StreamingExtractor}: 16 kHz files are decoded chunk by chunk
 * (an hour of audio never sits in memory); other rates are read whole and resampled first.
 */
public final class WavFeatureStream {
    private static final int CHUNK = 16_000;

    private WavFeatureStream() {
    }

    /**
     * Resets {@code stream}, pushes the whole file, finishes it and hands every batch of ready
     * LLD frames to {@code frames} (may be null). Returns the number of 16 kHz samples pushed.
     */
    public static long run(Path wav, StreamingExtractor stream, Consumer<double[][]> frames) throws IOException {
        return run(wav, stream, frames, warning -> { });
    }

    /** As {@link #run(Path, StreamingExtractor, Consumer)}, telling {@code warnings} of a truncated file. */
    public static long run(Path wav, StreamingExtractor stream, Consumer<double[][]> frames, Consumer<String> warnings)
            throws IOException {
        stream.reset();
        long pushed = 0;
        try (WavStream in = AudioFiles.fromEnvironment().open(wav)) {
            if (in.sampleRate() == Audio.TARGET_RATE) {
                float[] buf = new float[CHUNK];
                int n;
                while ((n = in.read(buf)) > 0) {
                    stream.push(buf, 0, n);
                    pushed += n;
                    drain(stream, frames);
                }
            } else {
                float[] all = readAll(in);
                float[] x = Resampler.resample(all, in.sampleRate(), Audio.TARGET_RATE);
                for (int off = 0; off < x.length; off += CHUNK) {
                    int n = Math.min(CHUNK, x.length - off);
                    stream.push(x, off, n);
                    drain(stream, frames);
                }
                pushed = x.length;
            }
            if (in.truncated()) {
                warnings.accept(in.truncation());
            }
        }
        stream.finish();
        drain(stream, frames);
        return pushed;
    }

    private static void drain(StreamingExtractor stream, Consumer<double[][]> frames) {
        double[][] f = stream.pollFrames();
        if (frames != null && f.length > 0) {
            frames.accept(f);
        }
    }

    private static float[] readAll(WavStream in) throws IOException {
        float[] all = new float[1 << 16];
        int size = 0;
        float[] buf = new float[CHUNK];
        int n;
        while ((n = in.read(buf)) > 0) {
            if (size + n > all.length) {
                all = java.util.Arrays.copyOf(all, Math.max(all.length * 2, size + n));
            }
            System.arraycopy(buf, 0, all, size, n);
            size += n;
        }
        return java.util.Arrays.copyOf(all, size);
    }
}
