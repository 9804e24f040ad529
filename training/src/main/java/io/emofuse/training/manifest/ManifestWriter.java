package io.emofuse.training.manifest;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes rows as a CSV manifest; {@code wav} paths are written relative to the manifest's folder when inside it. */
public final class ManifestWriter {

    public static final List<String> COLUMNS =
            List.of("utt_id", "wav", "text", "speaker", "session", "V", "A", "D", "category", "split");

    private ManifestWriter() {
    }

    public static void write(Path out, List<ManifestRow> rows) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        CsvSchema.Builder b = CsvSchema.builder().setUseHeader(true);
        COLUMNS.forEach(b::addColumn);
        List<Map<String, Object>> maps = new ArrayList<>();
        for (ManifestRow r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("utt_id", r.uttId());
            m.put("wav", r.wav() == null ? null
                    : (r.wav().toAbsolutePath().startsWith(dir) ? dir.relativize(r.wav().toAbsolutePath()).toString() : r.wav().toString()));
            m.put("text", r.text());
            m.put("speaker", r.speaker());
            m.put("session", r.session());
            m.put("V", r.valence());
            m.put("A", r.arousal());
            m.put("D", r.dominance());
            m.put("category", r.category());
            m.put("split", r.split());
            maps.add(m);
        }
        new CsvMapper().writer(b.build()).writeValue(out.toFile(), maps);
    }
}
