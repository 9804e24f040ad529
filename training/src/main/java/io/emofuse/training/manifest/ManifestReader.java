package io.emofuse.training.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a manifest: CSV with a header row, or JSON Lines (one object per line; {@code .jsonl} or
 * {@code .ndjson}). Columns: {@code utt_id} (required), {@code wav}, {@code text}, {@code speaker},
 * {@code session}, {@code V}, {@code A}, {@code D}, {@code category}, {@code split}; others are
 * ignored. Each bad row is reported with its line.
 */
public final class ManifestReader {

    private ManifestReader() {
    }

    public static Manifest read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "manifest not found");
        }
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        List<ManifestRow> rows = name.endsWith(".jsonl") || name.endsWith(".ndjson") ? readJsonl(file) : readCsv(file);
        if (rows.isEmpty()) {
            throw new ManifestException(file + ": no rows");
        }
        Set<String> ids = new HashSet<>();
        for (ManifestRow r : rows) {
            if (!ids.add(r.uttId())) {
                throw new ManifestException(file + " line " + r.line() + ": utt_id '" + r.uttId() + "' appears twice");
            }
        }
        return new Manifest(file.toAbsolutePath(), sha256(file), rows);
    }

    private static List<ManifestRow> readCsv(Path file) throws IOException {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<Map<String, String>> records = new ArrayList<>();
        List<Integer> parserLines = new ArrayList<>();
        String text = text(file);
        MappingIterator<Map<String, String>> opened;
        try {
            opened = mapper.readerFor(Map.class).with(schema).readValues(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // The header is parsed on opening: an empty file or a bad header fails here (found by fuzzing).
            throw new ManifestException(file + ": not a readable CSV manifest near line 1: " + firstLine(e.getMessage()));
        }
        try (MappingIterator<Map<String, String>> it = opened) {
            while (true) {
                try {
                    if (!it.hasNextValue()) {
                        break;
                    }
                    records.add(it.nextValue());
                    parserLines.add(it.getCurrentLocation().getLineNr());
                } catch (RuntimeException | IOException e) {
                    throw new ManifestException(file + ": not a readable CSV manifest near line "
                            + it.getCurrentLocation().getLineNr() + ": " + firstLine(e.getMessage()));
                }
            }
        }
        // With one record per physical line, record i sits on line i + 2; with quoted multi-line
        // fields fall back to the parser's (approximate) positions.
        long physical = text.lines().filter(l -> !l.isBlank()).count();
        boolean simple = physical == records.size() + 1;
        List<ManifestRow> rows = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Map<String, String> m = records.get(i);
            if (!m.containsKey("utt_id")) {
                throw new ManifestException(file + " line 1: no utt_id column (columns: " + m.keySet() + ")");
            }
            rows.add(row(file, simple ? i + 2 : parserLines.get(i), m::get));
        }
        return rows;
    }

    private static List<ManifestRow> readJsonl(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<ManifestRow> rows = new ArrayList<>();
        List<String> lines = text(file).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty()) {
                continue;
            }
            JsonNode n;
            try {
                n = json.readTree(l);
            } catch (IOException e) {
                throw new ManifestException(file + " line " + (i + 1) + ": not a JSON object: " + firstLine(e.getMessage()));
            }
            if (!n.isObject()) {
                throw new ManifestException(file + " line " + (i + 1) + ": not a JSON object");
            }
            rows.add(row(file, i + 1, k -> n.hasNonNull(k) ? n.get(k).asText() : null));
        }
        return rows;
    }

    /**
     * The file as UTF-8 text without a byte order mark. Bytes that are not UTF-8 are a
     * ManifestException naming their line: they used to escape as an IOException from the CSV or
     * line reader (found by fuzzing).
     */
    private static String text(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult r = utf8.decode(in, out, true);
        if (r.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new ManifestException(file + " line " + line + ": not UTF-8 text (byte " + in.position() + ")");
        }
        utf8.flush(out);
        out.flip();
        String s = out.toString();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static ManifestRow row(Path file, int line, java.util.function.Function<String, String> get) {
        String id = blankToNull(get.apply("utt_id"));
        if (id == null) {
            throw new ManifestException(file + " line " + line + ": empty utt_id");
        }
        String wav = blankToNull(get.apply("wav"));
        Path wavPath = null;
        if (wav != null) {
            Path p;
            try {
                p = Path.of(wav);
            } catch (InvalidPathException e) {
                // e.g. a NUL character: InvalidPathException is a RuntimeException, not a bad-row error
                throw new ManifestException(file + " line " + line + ": column wav is not a path: " + e.getReason());
            }
            wavPath = p.isAbsolute() ? p : file.toAbsolutePath().getParent().resolve(p).normalize();
        }
        return new ManifestRow(line, id, wavPath, blankToNull(get.apply("text")), blankToNull(get.apply("speaker")),
                blankToNull(get.apply("session")), number(file, line, "V", get.apply("V")),
                number(file, line, "A", get.apply("A")), number(file, line, "D", get.apply("D")),
                blankToNull(get.apply("category")), blankToNull(get.apply("split")));
    }

    private static Double number(Path file, int line, String column, String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(v.strip());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new ManifestException(file + " line " + line + ": column " + column + " is '" + v + "', not a number");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
