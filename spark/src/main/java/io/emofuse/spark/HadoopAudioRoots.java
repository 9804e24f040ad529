package io.emofuse.spark;

import io.emofuse.acoustic.audio.Audio;
import io.emofuse.acoustic.audio.AudioFormatException;
import io.emofuse.analysis.batch.AudioRoots;
import io.emofuse.analysis.batch.BatchAudioSource;
import io.emofuse.analysis.batch.BatchInputException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The scorer's audio roots as Hadoop locations ({@code hdfs://nn/calls}, {@code s3a://bucket/calls},
 * {@code file:///mnt/calls}): a dialogue's {@code audio} field resolves against the first root when
 * relative and, once normalised, must lie inside one of the roots, as {@link AudioRoots} confines
 * local paths. The same error codes as the single-machine scorer, so results stay comparable.
 */
final class HadoopAudioRoots implements BatchAudioSource {

    private final Configuration conf;
    private final List<URI> roots;

    private HadoopAudioRoots(Configuration conf, List<URI> roots) {
        this.conf = conf;
        this.roots = roots;
    }

    /**
     * Plain local paths (no scheme) keep the single-machine {@link AudioRoots}, symlink checks
     * included, so {@code ScoreJob} and {@code emofuse score} agree line for line; any root with a
     * scheme is read through Hadoop's FileSystem API.
     */
    static BatchAudioSource of(List<String> roots, Configuration conf) {
        if (roots.stream().noneMatch(HadoopAudioRoots::hasScheme)) {
            return new AudioRoots(roots.stream().map(java.nio.file.Path::of).toList());
        }
        return new HadoopAudioRoots(conf, roots.stream().map(r -> qualify(new Path(r), conf)).toList());
    }

    private static boolean hasScheme(String root) {
        return new Path(root).toUri().getScheme() != null;
    }

    private static URI qualify(Path p, Configuration conf) {
        try {
            return p.getFileSystem(conf).makeQualified(p).toUri().normalize();
        } catch (IOException e) {
            throw new IllegalArgumentException("audio root " + p + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Audio load(String name) throws BatchInputException {
        BatchAudioSource.checkName(!roots.isEmpty(), name);
        URI candidate;
        try {
            Path given = new Path(name);
            URI first = roots.get(0);
            Path p = given.toUri().getScheme() != null ? given
                    : given.isAbsolute() ? new Path(first.getScheme(), first.getAuthority(), given.toUri().getPath())
                    : new Path(new Path(first), given);
            candidate = qualify(p, conf);
        } catch (IllegalArgumentException e) {
            throw new BatchInputException("bad_audio_path", "invalid audio path: " + name);
        }
        if (roots.stream().noneMatch(r -> inside(candidate, r))) {
            throw new BatchInputException("audio_outside_roots", "audio path " + name + " is outside the audio roots");
        }
        Path path = new Path(candidate);
        try {
            FileSystem fs = path.getFileSystem(conf);
            FileStatus status = fs.getFileStatus(path);
            if (!status.isFile()) {
                throw new BatchInputException("audio_not_found", name + " is not a file");
            }
            return new AudioSource(conf, null).read(candidate.toString());
        } catch (FileNotFoundException e) {
            throw new BatchInputException("audio_not_found", "no such audio file: " + name);
        } catch (AudioFormatException e) {
            throw new BatchInputException("bad_audio", e.getMessage());
        } catch (IOException e) {
            throw new BatchInputException("audio_unreadable", "cannot read " + name + ": " + e.getMessage());
        }
    }

    /** Same file system (scheme and authority) and a path at or below the root's. */
    private static boolean inside(URI candidate, URI root) {
        if (!java.util.Objects.equals(candidate.getScheme(), root.getScheme())
                || !java.util.Objects.equals(candidate.getAuthority(), root.getAuthority())) {
            return false;
        }
        String rootPath = root.getPath().endsWith("/") ? root.getPath() : root.getPath() + "/";
        String path = candidate.getPath();
        return !path.contains("/../") && (path + "/").startsWith(rootPath);
    }
}
