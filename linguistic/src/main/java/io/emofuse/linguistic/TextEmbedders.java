package io.emofuse.linguistic;

import io.emofuse.linguistic.embed.ConcatTextEmbedder;
import io.emofuse.linguistic.embed.OnnxTextEmbedder;
import io.emofuse.linguistic.embed.Pooling;
import io.emofuse.linguistic.embed.WordVectorEmbedder;
import io.emofuse.linguistic.embed.WordVectorFormats;
import io.emofuse.linguistic.models.ModelNotFoundException;
import io.emofuse.linguistic.models.ModelStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a model spec, as typed on the command line, into a {@link TextEmbedder}:
 *
 * <table>
 *   <caption>specs</caption>
 *   <tr><td>{@code minilm}</td><td>all-MiniLM-L6-v2, 384-d, mean pooling (the default)</td></tr>
 *   <tr><td>{@code bge-small}</td><td>bge-small-en-v1.5, 384-d, CLS pooling</td></tr>
 *   <tr><td>{@code e5-small}</td><td>e5-small-v2, 384-d, mean pooling, texts prefixed with {@code "query: "}
 *       (how e5 wants inputs used as features)</td></tr>
 *   <tr><td>{@code onnx:DIR}</td><td>a user's BERT-style ONNX model: DIR holds one {@code *.onnx} and
 *       one {@code *tokenizer.json}; mean pooling unless told otherwise</td></tr>
 *   <tr><td>{@code word2vec:PATH}</td><td>Google word2vec binary or text file</td></tr>
 *   <tr><td>{@code glove:PATH}</td><td>GloVe text file (no header)</td></tr>
 * </table>
 *
 * BERT-family vectors are L2-normalised; word-vector averages are not (see the classes).
 *
 * <p>A spec may name a pooling after {@code @} ({@code bge-small@mean}); it wins over
 * {@link Options#pooling()}, because it is part of what a trained model's input is. Specs joined by
 * {@code +} ({@code bge-small+e5-small}) give a {@link ConcatTextEmbedder}: the parts' pooled vectors
 * side by side (a path in a concatenated part must not hold {@code +}).
 */
public final class TextEmbedders {

    /** The spec used when none is given. */
    public static final String DEFAULT = "minilm";

    /** Joins the parts of a concatenation spec. */
    public static final String CONCAT = "+";

    /** Separates a pooling from the model in a spec. */
    private static final char POOLING_MARK = '@';

    /** The instruction e5 models were trained with for inputs used as features ("query: " / "passage: "). */
    private static final String E5_PREFIX = "query: ";

    /**
     * Tuning for {@link #create(String, ModelStore, Options)}.
     *
     * @param pooling   null for the model's own pooling
     * @param batchSize texts per inference call for sentence encoders
     * @param threads   ONNX Runtime intra-op threads
     */
    public record Options(Pooling pooling, int batchSize, int threads) {
        public static Options defaults() {
            return new Options(null, 32, Math.max(1, Runtime.getRuntime().availableProcessors()));
        }

        public Options withPooling(Pooling p) {
            return new Options(p, batchSize, threads);
        }

        public Options withBatchSize(int b) {
            return new Options(pooling, b, threads);
        }

        public Options withThreads(int t) {
            return new Options(pooling, batchSize, t);
        }
    }

    private TextEmbedders() {
    }

    public static TextEmbedder create(String spec, ModelStore store) {
        return create(spec, store, Options.defaults());
    }

    /**
     * @throws IllegalArgumentException for an unknown spec or a file that is not a model
     * @throws ModelNotFoundException   for a catalogued model that is not installed
     * @throws UncheckedIOException     wrapping {@link NoSuchFileException} for a missing file
     */
    public static TextEmbedder create(String spec, ModelStore store, Options opt) {
        List<String> parts = parts(spec);
        if (parts.size() == 1) {
            return createOne(parts.get(0), store, opt);
        }
        List<TextEmbedder> opened = new ArrayList<>(parts.size());
        try {
            for (String p : parts) {
                opened.add(createOne(p, store, opt));
            }
        } catch (RuntimeException e) {
            opened.forEach(TextEmbedder::close);
            throw e;
        }
        return new ConcatTextEmbedder(String.join(CONCAT, parts), opened);
    }

    /**
     * The single-model specs a spec joins, trimmed, in order: one for a plain spec. Training caches
     * each part's vectors under its own spec, so a concatenation costs no new embedding.
     *
     * @throws IllegalArgumentException for an empty part ({@code bge-small+})
     */
    public static List<String> parts(String spec) {
        String s = spec == null || spec.isBlank() ? DEFAULT : spec.trim();
        if (!s.contains(CONCAT)) {
            return List.of(s);
        }
        List<String> parts = Arrays.stream(s.split("\\" + CONCAT, -1)).map(String::trim).toList();
        if (parts.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("embedding model '" + spec + "' has an empty part; join specs as bge-small+e5-small");
        }
        return parts;
    }

    /** One model, with an optional {@code @pooling} suffix. */
    private static TextEmbedder createOne(String spec, ModelStore store, Options opt) {
        String s = spec;
        int mark = s.lastIndexOf(POOLING_MARK);
        if (mark > 0 && isPooling(s.substring(mark + 1))) {
            opt = opt.withPooling(Pooling.parse(s.substring(mark + 1)));
            s = s.substring(0, mark);
        }
        int colon = s.indexOf(':');
        String kind = colon < 0 ? s : s.substring(0, colon);
        String arg = colon < 0 ? null : s.substring(colon + 1);
        switch (kind) {
            case "minilm" -> {
                Path dir = store.resolve("minilm");
                return new OnnxTextEmbedder(spec, dir.resolve("all-minilm-l6-v2.onnx"),
                        dir.resolve("all-minilm-l6-v2-tokenizer.json"), pool(opt, Pooling.MEAN), opt.batchSize(), opt.threads());
            }
            case "bge-small" -> {
                Path dir = store.resolve("bge-small");
                return new OnnxTextEmbedder(spec, dir.resolve("bge-small-en-v1.5.onnx"),
                        dir.resolve("bge-small-en-v1.5-tokenizer.json"), pool(opt, Pooling.CLS), opt.batchSize(), opt.threads());
            }
            case "e5-small" -> {
                Path dir = store.resolve("e5-small");
                return new OnnxTextEmbedder(spec, dir.resolve("e5-small-v2.onnx"), dir.resolve("e5-small-v2-tokenizer.json"),
                        pool(opt, Pooling.MEAN), E5_PREFIX, opt.batchSize(), opt.threads());
            }
            case "onnx" -> {
                Path dir = Path.of(required(arg, spec));
                return new OnnxTextEmbedder(spec, single(dir, ".onnx"), single(dir, "tokenizer.json"),
                        pool(opt, Pooling.MEAN), opt.batchSize(), opt.threads());
            }
            case "word2vec", "glove" -> {
                Path file = Path.of(required(arg, spec));
                try {
                    var table = kind.equals("glove") ? WordVectorFormats.readText(file) : WordVectorFormats.read(file);
                    return new WordVectorEmbedder(spec, table, pool(opt, Pooling.MEAN));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            default -> throw new IllegalArgumentException("unknown embedding model '" + spec
                    + "'; use minilm, bge-small, e5-small, onnx:DIR, word2vec:PATH or glove:PATH"
                    + " (optionally @mean, @max or @cls; several joined by +)");
        }
    }

    private static boolean isPooling(String name) {
        return Arrays.stream(Pooling.values()).anyMatch(p -> p.name().equalsIgnoreCase(name));
    }

    private static Pooling pool(Options opt, Pooling dflt) {
        return opt.pooling() == null ? dflt : opt.pooling();
    }

    private static String required(String arg, String spec) {
        if (arg == null || arg.isBlank()) {
            throw new IllegalArgumentException("model spec '" + spec + "' needs a path after the colon");
        }
        return arg;
    }

    /** The one file in {@code dir} whose name ends with {@code suffix}. */
    private static Path single(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            throw new UncheckedIOException(new NoSuchFileException(dir.toString(), null, "ONNX model directory not found"));
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*" + suffix)) {
            ds.forEach(found::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException("ONNX model directory " + dir + " must hold exactly one *" + suffix
                    + " file, found " + found.size());
        }
        return found.get(0);
    }
}
