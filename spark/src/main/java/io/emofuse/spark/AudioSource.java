package io.emofuse.spark;

import io.emofuse.acoustic.audio.Audio;
import io.emofuse.acoustic.audio.Resampler;
import io.emofuse.acoustic.audio.WavReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads audio through Hadoop's FileSystem API, so {@code file:}, {@code hdfs:} and {@code s3a:}
 * paths all work; relative paths are taken relative to the manifest's folder, as the CLI does.
 */
final class AudioSource {

    private final Configuration conf;
    private final String baseDir;

    AudioSource(Configuration conf, String baseDir) {
        this.conf = conf;
        this.baseDir = baseDir;
    }

    /** The absolute location of a manifest's {@code wav} value. */
    String locate(String wav) {
        if (wav == null || wav.isBlank()) {
            throw new IllegalArgumentException("no audio path");
        }
        URI uri = URI.create(wav.replace(" ", "%20"));
        if (uri.getScheme() != null || wav.startsWith("/") || baseDir == null) {
            return wav;
        }
        return new Path(new Path(baseDir), wav).toString();
    }

    /** 16 kHz mono audio from a manifest's {@code wav} value. */
    Audio read(String wav) throws IOException {
        Path path = new Path(locate(wav));
        FileSystem fs = path.getFileSystem(conf);
        // 64 KiB reads: Hadoop's default 4 KiB buffer costs a call per 2,000 samples.
        try (InputStream in = fs.open(path, 1 << 16)) {
            return Resampler.toRate(WavReader.read(in, path.toString()), Audio.TARGET_RATE);
        } catch (java.io.FileNotFoundException e) {
            throw new io.emofuse.acoustic.audio.AudioFormatException(path.toString(), "no such file");
        }
    }
}
