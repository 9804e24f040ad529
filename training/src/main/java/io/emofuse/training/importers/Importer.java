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
}
