package io.emofuse.linguistic.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.emofuse.testsupport.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The shared corpora as the linguistic tests read them; {@link SharedData} finds the folder. */
public final class SharedCorpora {

    private SharedCorpora() {
    }

    public static Path root() {
        return SharedData.data();
    }

    /** RAVDESS manifest rows: file, spoken text. */
    public record Utterance(Path wav, String text) {
    }

    public static List<Utterance> ravdess() {
        Path dir = root().resolve("ravdess");
        assumeTrue(Files.isRegularFile(dir.resolve("manifest.csv")), "RAVDESS not present");
        try {
            List<Utterance> out = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve("manifest.csv")).subList(1, 481)) {
                String[] f = line.split(",");
                out.add(new Utterance(dir.resolve(f[1]), f[2]));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@code n} EmoBank sentences (text column), parsed with Jackson's CSV reader. */
    public static List<String> emobankSentences(int n) {
        Path csv = root().resolve("emobank/emobank.csv");
        assumeTrue(Files.isRegularFile(csv), "EmoBank not present");
        try {
            var mapper = new com.fasterxml.jackson.dataformat.csv.CsvMapper();
            var schema = com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema().withHeader();
            List<String> out = new ArrayList<>();
            try (var it = mapper.readerFor(java.util.Map.class).with(schema).<java.util.Map<String, String>>readValues(csv.toFile())) {
                while (it.hasNext() && out.size() < n) {
                    out.add(it.next().get("text"));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
