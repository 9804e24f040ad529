package io.emofuse.analysis.batch;

import io.emofuse.acoustic.audio.Audio;
import io.emofuse.acoustic.audio.AudioFiles;
import io.emofuse.acoustic.audio.AudioFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The directories batch input may read audio from. A path in an input line resolves against the
 * first root (when relative) and must, once normalised and with symlinks followed, lie inside one
 * of the roots: {@code ../} or a symlink cannot reach anything else.
 */
public final class AudioRoots implements BatchAudioSource {

    /** WAV natively, other formats through ffmpeg (immutable). */
    private final AudioFiles audioFiles = AudioFiles.fromEnvironment();
    private final List<Path> roots;

    public AudioRoots(List<Path> roots) {
        this.roots = roots.stream().map(p -> {
            try {
                return p.toRealPath();
            } catch (IOException e) {
                return p.toAbsolutePath().normalize();
            }
        }).toList();
    }

    public List<Path> roots() {
        return roots;
    }

    @Override
    public Audio load(String name) throws BatchInputException {
        Path file = resolve(name);
        try {
            return audioFiles.read16k(file);
        } catch (AudioFormatException e) {
            throw new BatchInputException("bad_audio", e.getMessage());
        }
    }

    @Override
    public java.util.List<Audio> loadChannels(String name) throws BatchInputException {
        Path file = resolve(name);
        try {
            return audioFiles.readChannels(file, w -> { });
        } catch (AudioFormatException e) {
            throw new BatchInputException("bad_audio", e.getMessage());
        }
    }

    /** A readable file inside the roots. */
    public Path resolve(String name) throws BatchInputException {
        BatchAudioSource.checkName(!roots.isEmpty(), name);
        Path p;
        try {
            p = Path.of(name);
        } catch (InvalidPathException e) {
            throw new BatchInputException("bad_audio_path", "invalid audio path: " + e.getReason());
        }
        Path candidate = (p.isAbsolute() ? p : roots.get(0).resolve(p)).normalize();
        if (roots.stream().noneMatch(candidate::startsWith)) {
            throw new BatchInputException("audio_outside_roots", "audio path " + name + " is outside the audio roots");
        }
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (NoSuchFileException e) {
            throw new BatchInputException("audio_not_found", "no such audio file: " + name);
        } catch (IOException e) {
            throw new BatchInputException("audio_unreadable", "cannot read " + name + ": " + e.getMessage());
        }
        if (roots.stream().noneMatch(real::startsWith)) {
            throw new BatchInputException("audio_outside_roots", "audio path " + name + " leads outside the audio roots");
        }
        if (!Files.isRegularFile(real)) {
            throw new BatchInputException("audio_not_found", name + " is not a file");
        }
        return real;
    }
}
