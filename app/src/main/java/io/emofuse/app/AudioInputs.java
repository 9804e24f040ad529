package io.emofuse.app;

import io.emofuse.acoustic.audio.AudioFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The audio inputs of a command line, as every command that takes audio reads them: files as
 * given, folders walked recursively for audio files ({@link AudioFiles#isAudioName}) in sorted path
 * order (stable across runs and machines), and an input that does not exist or holds no audio kept as an entry with its error, so
 * that it gets its line in the output and the others are still done.
 */
final class AudioInputs {

    /** One input: its name as printed, its file, and why it cannot be read (null when it can be tried). */
    record Input(String name, Path path, String error) {
        boolean ok() {
            return error == null;
        }
    }

    private AudioInputs() {
    }

    static List<Input> collect(List<String> given) {
        List<Input> out = new ArrayList<>();
        for (String g : given) {
            Path p = Path.of(g);
            if (Files.isDirectory(p)) {
                List<Path> wavs = walk(p);
                if (wavs.isEmpty()) {
                    out.add(new Input(g, p, g + ": no audio files (.wav, .mp3, .flac, .ogg, .opus, .m4a, ...) in this folder"));
                }
                wavs.forEach(w -> out.add(new Input(w.toString(), w, null)));
            } else if (Files.isRegularFile(p)) {
                out.add(new Input(g, p, null));
            } else if (Files.exists(p)) {
                out.add(new Input(g, p, g + ": not a regular file"));
            } else {
                out.add(new Input(g, p, g + ": no such file"));
            }
        }
        return out;
    }

    /**
     * A name per input for tables keyed by file name ({@code extract}'s {@code name} column): the
     * base name without extension, except where two inputs share one ({@code a/x.wav}, {@code b/x.wav}):
     * those get their path without extension, so no two rows carry the same name.
     */
    static List<String> uniqueNames(List<Input> inputs) {
        Map<String, Integer> count = new HashMap<>();
        for (Input in : inputs) {
            count.merge(baseName(in.path()), 1, Integer::sum);
        }
        List<String> names = new ArrayList<>(inputs.size());
        for (Input in : inputs) {
            String base = baseName(in.path());
            names.add(count.get(base) == 1 ? base : withoutExtension(in.path().normalize().toString()));
        }
        return names;
    }

    /** True when {@link #uniqueNames} had to use paths for some inputs. */
    static boolean hasDuplicateBaseNames(List<Input> inputs) {
        return inputs.stream().map(i -> baseName(i.path())).distinct().count() < inputs.size();
    }

    static String baseName(Path f) {
        Path name = f.getFileName();
        return withoutExtension(name == null ? f.toString() : name.toString());
    }

    private static String withoutExtension(String n) {
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        int dot = n.lastIndexOf('.');
        return dot > slash + 1 ? n.substring(0, dot) : n;
    }

    private static List<Path> walk(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(f -> Files.isRegularFile(f) && AudioFiles.isAudioName(f.getFileName().toString()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
