package io.emofuse.training.importers;

import io.emofuse.training.manifest.ManifestRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RAVDESS: every {@code MM-VV-EE-II-SS-RR-AA.wav} below a folder (modality, vocal channel,
 * emotion, intensity, statement, repetition, actor), labels from the name as the release documents
 * them. Speaker = {@code actor_AA}; text = the statement; no V/A/D.
 */
public final class RavdessImporter implements Importer {

    private static final Pattern NAME = Pattern.compile("(\\d\\d)-(\\d\\d)-(\\d\\d)-(\\d\\d)-(\\d\\d)-(\\d\\d)-(\\d\\d)\\.wav");
    static final List<String> EMOTIONS = List.of("neutral", "calm", "happy", "sad", "angry", "fearful", "disgust", "surprised");
    static final List<String> STATEMENTS = List.of("Kids are talking by the door", "Dogs are sitting by the door");

    @Override
    public List<ManifestRow> rows(Path source, Path outDir) throws IOException {
        List<ManifestRow> rows = new ArrayList<>();
        for (Map.Entry<Path, Matcher> file : Importer.filesNamed(source, NAME, "RAVDESS")) {
            Path f = file.getKey();
            Matcher m = file.getValue();
            int emotion = Integer.parseInt(m.group(3));
            int statement = Integer.parseInt(m.group(5));
            if (emotion < 1 || emotion > EMOTIONS.size() || statement < 1 || statement > 2) {
                throw new IllegalArgumentException(f + ": not a RAVDESS name (emotion " + m.group(3) + ", statement " + m.group(5) + ")");
            }
            String id = f.getFileName().toString().replaceFirst("\\.wav$", "");
            rows.add(new ManifestRow(rows.size() + 2, id, f.toAbsolutePath(), STATEMENTS.get(statement - 1),
                    "actor_" + m.group(7), null, null, null, null, EMOTIONS.get(emotion - 1), null));
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(source + ": no RAVDESS files (NN-NN-NN-NN-NN-NN-NN.wav) found");
        }
        return rows;
    }
}
