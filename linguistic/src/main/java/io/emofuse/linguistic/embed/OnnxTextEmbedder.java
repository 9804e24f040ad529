package io.emofuse.linguistic.embed;

import ai.djl.MalformedModelException;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import io.emofuse.linguistic.TextEmbedder;
import io.emofuse.linguistic.models.OfflineGuard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A BERT-family sentence encoder: an ONNX model run by DJL's ONNX Runtime engine on a local file
 * (with {@link NoopTranslator}: DJL only runs the graph) and a HuggingFace {@code tokenizer.json}.
 * Tokenising, padding, pooling and normalising are done here, in Java.
 *
 * <p>Pooled vectors are L2-normalised (unit length, as sentence-transformers does for both shipped
 * models), so a dot product is the cosine similarity. {@link #sequence} returns the raw last hidden
 * state, including the {@code [CLS]} and {@code [SEP]} rows, not normalised.
 *
 * <p>A model trained with an instruction prefix (e5: {@code "query: "}) gets it prepended to every
 * text here, so callers pass the plain words.
 *
 * <p>{@link #embedAll} sorts the texts by token count and cuts them into batches of similar length,
 * so little time goes into padding; results come back in input order.
 *
 * <p>Thread-safe: concurrent calls run in parallel, each on a predictor of its own taken from a
 * small pool (a DJL predictor is not thread-safe; the ONNX Runtime session under all of them is,
 * so they share one copy of the weights). The pool grows to the number of threads that ever call
 * at once, and {@code threads} ONNX Runtime threads work inside each call.
 */
public final class OnnxTextEmbedder implements TextEmbedder {

    static {
        OfflineGuard.enforce();
    }

    /** Longest input the BERT-family models take; longer texts are truncated. */
    public static final int MAX_TOKENS = 512;

    private final String id;
    private final Pooling pooling;
    /** Prepended to every text before tokenising; "" for models trained without one. */
    private final String prefix;
    private final int batchSize;
    private final HuggingFaceTokenizer tokenizer;
    private final ZooModel<NDList, NDList> model;
    /** Idle predictors; {@link #predictors} holds every one made, to close them all. */
    private final Deque<Predictor<NDList, NDList>> idle = new ConcurrentLinkedDeque<>();
    private final List<Predictor<NDList, NDList>> predictors = new CopyOnWriteArrayList<>();
    private final Set<String> inputNames;
    private final int dimension;

    /**
     * @param id         name reported by {@link #id()}
     * @param onnxFile   the model graph
     * @param tokenizer  its HuggingFace {@code tokenizer.json}
     * @param pooling    how token vectors become one vector
     * @param batchSize  texts per inference call in {@link #embedAll}
     * @param threads    ONNX Runtime intra-op threads
     */
    public OnnxTextEmbedder(String id, Path onnxFile, Path tokenizer, Pooling pooling, int batchSize, int threads) {
        this(id, onnxFile, tokenizer, pooling, "", batchSize, threads);
    }

    /**
     * As {@link #OnnxTextEmbedder(String, Path, Path, Pooling, int, int)}, with {@code prefix} put
     * before every text (e5 models expect {@code "query: "}).
     */
    public OnnxTextEmbedder(String id, Path onnxFile, Path tokenizer, Pooling pooling, String prefix, int batchSize,
                            int threads) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        requireFile(onnxFile, "ONNX model");
        requireFile(tokenizer, "tokenizer");
        this.id = id;
        this.pooling = pooling;
        this.prefix = prefix == null ? "" : prefix;
        this.batchSize = batchSize;
        try {
            this.tokenizer = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(tokenizer)
                    .optAddSpecialTokens(true)
                    .optTruncation(true)
                    .optMaxLength(MAX_TOKENS)
                    .optPadding(false)
                    .build();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read tokenizer " + tokenizer + ": " + e.getMessage(), e);
        }
        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(onnxFile)
                .optEngine("OnnxRuntime")
                .optTranslator(new NoopTranslator())
                .optOption("intraOpNumThreads", Integer.toString(threads))
                .optOption("interOpNumThreads", "1")
                .build();
        try {
            this.model = criteria.loadModel();
        } catch (IOException | ModelNotFoundException | MalformedModelException e) {
            this.tokenizer.close();
            throw new IllegalArgumentException("cannot load ONNX model " + onnxFile + ": " + e.getMessage(), e);
        }
        this.inputNames = model.describeInput().keys().stream().collect(Collectors.toUnmodifiableSet());
        if (!inputNames.contains("input_ids") || !inputNames.contains("attention_mask")) {
            close();
            throw new IllegalArgumentException("ONNX model " + onnxFile + " is not a BERT-style encoder: inputs "
                    + inputNames + " lack input_ids or attention_mask");
        }
        this.dimension = run(List.of(encode("dimension probe"))).dim;
    }

    private static void requireFile(Path p, String what) {
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException(what + " file " + p + " does not exist");
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    public Pooling pooling() {
        return pooling;
    }

    @Override
    public float[] embed(String text) {
        return run(List.of(encode(text))).pooled(0);
    }

    /** Pooled, normalised vectors for all texts, batched by length; input order is kept. */
    @Override
    public List<float[]> embedAll(List<String> texts) {
        return embedAll(texts, true);
    }

    /**
     * As {@link #embedAll(List)}; with {@code sortByLength == false} the batches are cut in input
     * order (slower: each batch is padded to its longest text; kept for benchmarks).
     */
    public List<float[]> embedAll(List<String> texts, boolean sortByLength) {
        // the Rust tokenizer encodes a batch on all cores; no padding here, each batch is padded below
        Encoding[] enc = texts.isEmpty() ? new Encoding[0]
                : tokenizer.batchEncode(prefix.isEmpty() ? texts : texts.stream().map(t -> prefix + t).toList());
        Integer[] order = new Integer[enc.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        if (sortByLength) {
            Arrays.sort(order, Comparator.comparingInt(i -> enc[i].getIds().length));
        }
        float[][] out = new float[enc.length][];
        for (int from = 0; from < order.length; from += batchSize) {
            int to = Math.min(order.length, from + batchSize);
            List<Encoding> batch = new ArrayList<>(to - from);
            for (int k = from; k < to; k++) {
                batch.add(enc[order[k]]);
            }
            Hidden hidden = run(batch);
            for (int k = from; k < to; k++) {
                out[order[k]] = hidden.pooled(k - from);
            }
        }
        return Arrays.asList(out);
    }

    @Override
    public float[][] sequence(String text) {
        return run(List.of(encode(text))).rows(0);
    }

    /** The last hidden state of one padded batch: row-major (batch, len, dim), and each text's real length. */
    private final class Hidden {
        final float[] flat;
        final int len;
        final int dim;
        final int[] lengths;

        Hidden(float[] flat, int len, int dim, int[] lengths) {
            this.flat = flat;
            this.len = len;
            this.dim = dim;
            this.lengths = lengths;
        }

        float[] pooled(int i) {
            return Pooling.l2Normalize(pooling.pool(flat, i * len * dim, lengths[i], dim));
        }

        float[][] rows(int i) {
            float[][] rows = new float[lengths[i]][];
            for (int t = 0; t < rows.length; t++) {
                int from = (i * len + t) * dim;
                rows[t] = Arrays.copyOfRange(flat, from, from + dim);
            }
            return rows;
        }
    }

    private Encoding encode(String text) {
        return tokenizer.encode(prefix + text);
    }

    /** Runs one batch, padded to its longest text. */
    private Hidden run(List<Encoding> batch) {
        Predictor<NDList, NDList> predictor = idle.pollFirst();
        if (predictor == null) {
            predictor = model.newPredictor();
            predictors.add(predictor);
        }
        try {
            return run(batch, predictor);
        } finally {
            idle.addFirst(predictor);
        }
    }

    private Hidden run(List<Encoding> batch, Predictor<NDList, NDList> predictor) {
        int b = batch.size();
        int len = batch.stream().mapToInt(e -> e.getIds().length).max().orElse(0);
        long[] ids = new long[b * len];
        long[] mask = new long[b * len];
        long[] types = new long[b * len];
        for (int i = 0; i < b; i++) {
            Encoding e = batch.get(i);
            System.arraycopy(e.getIds(), 0, ids, i * len, e.getIds().length);
            System.arraycopy(e.getAttentionMask(), 0, mask, i * len, e.getIds().length);
            System.arraycopy(e.getTypeIds(), 0, types, i * len, e.getIds().length);
        }
        Shape shape = new Shape(b, len);
        try (NDManager m = model.getNDManager().newSubManager()) {
            NDList in = new NDList();
            in.add(named(m.create(ids, shape), "input_ids"));
            in.add(named(m.create(mask, shape), "attention_mask"));
            if (inputNames.contains("token_type_ids")) {
                in.add(named(m.create(types, shape), "token_type_ids"));
            }
            NDList outputs = predictor.predict(in);
            NDArray last = outputs.contains("last_hidden_state") ? outputs.get("last_hidden_state") : outputs.get(0);
            long[] s = last.getShape().getShape();
            if (s.length != 3 || s[0] != b || s[1] != len) {
                throw new IllegalStateException(id + ": expected a (batch, tokens, dim) output, got " + last.getShape());
            }
            int dim = (int) s[2];
            float[] flat = last.toFloatArray();
            outputs.close();
            int[] lengths = batch.stream().mapToInt(e -> e.getIds().length).toArray();
            return new Hidden(flat, len, dim, lengths);
        } catch (TranslateException e) {
            throw new IllegalStateException(id + ": inference failed: " + e.getMessage(), e);
        }
    }

    private static NDArray named(NDArray a, String name) {
        a.setName(name);
        return a;
    }

    @Override
    public void close() {
        predictors.forEach(Predictor::close);
        model.close();
        tokenizer.close();
    }
}
