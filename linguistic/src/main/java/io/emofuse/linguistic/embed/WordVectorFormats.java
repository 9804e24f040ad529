package io.emofuse.linguistic.embed;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.models.embeddings.loader.WordVectorSerializer;
import org.deeplearning4j.models.embeddings.wordvectors.WordVectors;
import org.deeplearning4j.models.word2vec.wordstore.VocabCache;

/**
 * Word-vector files. Reading is Deeplearning4j's ({@link WordVectorSerializer}); writing the two
 * Google word2vec formats is done here because DL4J writes only its own (zip, or text with
 * Base64-marked words).
 *
 * <ul>
 *   <li>Google binary: ASCII header {@code "N D\n"}, then per word its UTF-8 bytes, one space, D
 *       little-endian float32, and a newline.</li>
 *   <li>Google text: header {@code "N D\n"}, then per line the word and D decimal values separated
 *       by single spaces.</li>
 *   <li>GloVe text: as Google text without the header line.</li>
 * </ul>
 */
public final class WordVectorFormats {

    /** The on-disk layouts this class knows. */
    public enum Format { GOOGLE_BINARY, TEXT }

    private WordVectorFormats() {
    }

    /** Reads either Google format or GloVe text, telling them apart by {@link #sniff}. */
    public static WordVectorTable read(Path file) throws IOException {
        return sniff(file) == Format.GOOGLE_BINARY ? readGoogleBinary(file) : readText(file);
    }

    /** Reads a Google binary file. */
    public static WordVectorTable readGoogleBinary(Path file) throws IOException {
        requireFile(file);
        try {
            return toTable(WordVectorSerializer.readAsBinary(file.toFile()), file);
        } catch (RuntimeException e) {
            throw new IOException(file + " is not a word2vec binary file: " + rootMessage(e), e);
        }
    }

    /** Reads a text file with ({@code word2vec}) or without ({@code GloVe}) the {@code N D} header. */
    public static WordVectorTable readText(Path file) throws IOException {
        requireFile(file);
        try {
            return toTable(WordVectorSerializer.loadTxtVectors(file.toFile()), file);
        } catch (RuntimeException e) {
            throw new IOException(file + " is not a word-vector text file: " + rootMessage(e), e);
        }
    }

    /**
     * Binary when the first line is an {@code N D} header and the bytes after it are not all text;
     * text otherwise.
     */
    public static Format sniff(Path file) throws IOException {
        requireFile(file);
        byte[] head;
        try (var in = Files.newInputStream(file)) {
            head = in.readNBytes(4096);
        }
        int nl = indexOf(head, (byte) '\n');
        if (nl < 0) {
            return Format.TEXT;
        }
        String first = new String(head, 0, nl, StandardCharsets.UTF_8).trim();
        if (!first.matches("\\d+\\s+\\d+")) {
            return Format.TEXT;
        }
        for (int i = nl + 1; i < head.length; i++) {
            int b = head[i] & 0xff;
            if (b < 0x09 || (b > 0x0d && b < 0x20)) {
                return Format.GOOGLE_BINARY;
            }
        }
        return Format.TEXT;
    }

    /** Writes the Google binary format (see the class comment). */
    public static void writeGoogleBinary(WordVectorTable table, Path file) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(4 * table.dimension()).order(ByteOrder.LITTLE_ENDIAN);
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             DataOutputStream out = new DataOutputStream(os)) {
            out.write(header(table).getBytes(StandardCharsets.US_ASCII));
            for (Map.Entry<String, float[]> e : table.vectors().entrySet()) {
                out.write(checkedWord(e.getKey()).getBytes(StandardCharsets.UTF_8));
                out.write(' ');
                buf.clear();
                for (float v : e.getValue()) {
                    buf.putFloat(v);
                }
                out.write(buf.array(), 0, buf.position());
                out.write('\n');
            }
        }
    }

    /** Writes the Google text format (header line, shortest exact decimals). */
    public static void writeText(WordVectorTable table, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(header(table));
            StringBuilder line = new StringBuilder();
            for (Map.Entry<String, float[]> e : table.vectors().entrySet()) {
                line.setLength(0);
                line.append(checkedWord(e.getKey()));
                for (float v : e.getValue()) {
                    line.append(' ').append(v);
                }
                w.write(line.append('\n').toString());
            }
        }
    }

    /** Writes binary for a {@code .bin} name, text otherwise. */
    public static void write(WordVectorTable table, Path file) throws IOException {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".bin")) {
            writeGoogleBinary(table, file);
        } else {
            writeText(table, file);
        }
    }

    private static String header(WordVectorTable table) {
        return table.size() + " " + table.dimension() + "\n";
    }

    private static String checkedWord(String w) {
        if (w.isEmpty() || w.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("word '" + w + "' is empty or has whitespace; word2vec files cannot hold it");
        }
        return w;
    }

    static WordVectorTable toTable(WordVectors wv, Path source) {
        VocabCache<?> vocab = wv.vocab();
        Map<String, float[]> map = new LinkedHashMap<>(vocab.numWords() * 2);
        int dim = -1;
        for (int i = 0; i < vocab.numWords(); i++) {
            String word = vocab.wordAtIndex(i);
            double[] v = wv.getWordVector(word);
            float[] f = new float[v.length];
            for (int k = 0; k < v.length; k++) {
                f[k] = (float) v[k];
            }
            dim = f.length;
            map.put(word, f);
        }
        if (map.isEmpty()) {
            throw new IllegalArgumentException((source == null ? "the model" : source) + " holds no word vectors");
        }
        return new WordVectorTable(map, dim);
    }

    private static void requireFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "word-vector file not found");
        }
    }

    private static int indexOf(byte[] a, byte b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** Lines of a text file, for corpora. */
    static java.util.List<String> lines(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return r.lines().toList();
        }
    }
}
