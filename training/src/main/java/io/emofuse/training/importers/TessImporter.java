package io.emofuse.training.importers;

import io.emofuse.training.manifest.ManifestRow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Toronto emotional speech set (TESS; the TESS paper's corpus): every
 * {@code SPEAKER_WORD_EMOTION.wav} below a folder, e.g. {@code OAF_back_angry.wav}; speaker
 * {@code OAF} (older) or {@code YAF} (younger talker), the target word, and one of seven emotions.
 * Text = TESS's carrier phrase "Say the word WORD". Categories take RAVDESS's names where TESS
 * abbreviates ({@code fear} → fearful, {@code ps} (pleasant surprise) → surprised), so the two
 * corpora share one label set and {@link CategoryVad} / {@link BinaryAffect} cover both.
 */
public final class TessImporter implements Importer {

    private static final Pattern NAME = Pattern.compile("(?i)(OAF|YAF)_(.+)_([a-z]+)\\.wav");

    /** TESS emotion token → category. */
    static final Map<String, String> EMOTIONS = Map.of("angry", "angry", "disgust", "disgust", "fear", "fearful",
            "happy", "happy", "neutral", "neutral", "ps", "surprised", "sad", "sad");

    @Override
    public List<ManifestRow> rows(Path source, Path outDir) throws IOException {
        List<ManifestRow> rows = new ArrayList<>();
        for (Map.Entry<Path, Matcher> file : Importer.filesNamed(source, NAME, "TESS")) {
            Path f = file.getKey();
            Matcher m = file.getValue();
            String emotion = EMOTIONS.get(m.group(3).toLowerCase(Locale.ROOT));
            if (emotion == null) {
                throw new IllegalArgumentException(f + ": unknown TESS emotion '" + m.group(3) + "'; expected one of "
                        + EMOTIONS.keySet().stream().sorted().toList());
            }
            String speaker = m.group(1).toUpperCase(Locale.ROOT);
            String word = m.group(2).toLowerCase(Locale.ROOT);
            String id = f.getFileName().toString().replaceFirst("(?i)\\.wav$", "");
            rows.add(new ManifestRow(rows.size() + 2, id, f.toAbsolutePath(), "Say the word " + word, speaker, null,
                    null, null, null, emotion, null));
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(source + ": no TESS files (OAF_word_emotion.wav / YAF_word_emotion.wav) found");
        }
        return rows;
    }
}
