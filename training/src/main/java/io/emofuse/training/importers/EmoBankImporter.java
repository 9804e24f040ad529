package io.emofuse.training.importers;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.emofuse.training.manifest.ManifestRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The EmoBank CSV ({@code id,split,V,A,D,text}): text-only rows with V, A, D (1-5) and EmoBank's split. */
public final class EmoBankImporter implements Importer {

    @Override
    public List<ManifestRow> rows(Path source, Path outDir) throws IOException {
        if (!Files.isRegularFile(source)) {
            throw new NoSuchFileException(source.toString(), null, "EmoBank CSV not found");
        }
        List<ManifestRow> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(source.toFile())) {
            int line = 1;
            while (it.hasNextValue()) {
                Map<String, String> m = it.nextValue();
                line++;
                for (String c : List.of("id", "V", "A", "D", "text")) {
                    if (!m.containsKey(c)) {
                        throw new IllegalArgumentException(source + ": no '" + c + "' column; EmoBank's CSV has id,split,V,A,D,text");
                    }
                }
                try {
                    rows.add(new ManifestRow(line, m.get("id"), null, m.get("text"), null, null,
                            Double.parseDouble(m.get("V")), Double.parseDouble(m.get("A")), Double.parseDouble(m.get("D")),
                            null, m.get("split")));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(source + " row " + line + ": V/A/D not numbers");
                }
            }
        }
        return rows;
    }
}
