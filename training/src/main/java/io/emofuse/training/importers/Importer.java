package io.emofuse.training.importers;

import io.emofuse.training.manifest.ManifestRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Reads a corpus in its own layout and returns manifest rows (with absolute wav paths). */
public interface Importer {

    /**
     * @param source the corpus (folder or file)
     * @param outDir the folder the manifest will be written to; importers that must cut audio
     *               (Kaldi segments) write it below this folder
     */
    List<ManifestRow> rows(Path source, Path outDir) throws IOException;

    /**
     * The files below {@code source} whose names match {@code name} (a corpus that labels by file
     * name), in path order, each with its matched name.
     */
    static List<java.util.Map.Entry<Path, java.util.regex.Matcher>> filesNamed(Path source, java.util.regex.Pattern name,
                                                                              String corpus) throws IOException {
        if (!java.nio.file.Files.isDirectory(source)) {
            throw new java.nio.file.NoSuchFileException(source.toString(), null, corpus + " folder not found");
        }
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(source)) {
            return files.filter(java.nio.file.Files::isRegularFile).sorted()
                    .map(f -> java.util.Map.entry(f, name.matcher(f.getFileName().toString())))
                    .filter(e -> e.getValue().matches()).toList();
        }
    }
}
