package io.emofuse.linguistic;

import java.util.ArrayList;
import java.util.List;

/**
 * Text to vectors: a token (or word) sequence for sequence models and a pooled utterance vector.
 *
 * <p>Implementations are thread-safe: concurrent calls from the server's and batch scorer's
 * workers run in parallel (word-vector tables are read-only; ONNX encoders give each concurrent
 * call a predictor of its own).
 */
public interface TextEmbedder extends AutoCloseable {

    /** Identifier as used on the command line, e.g. {@code minilm} or {@code glove:/path}. */
    String id();

    /** Length of every vector this embedder returns. */
    int dimension();

    /** Pooled utterance vector. */
    float[] embed(String text);

    /** Pooled vectors for many texts; implementations batch where that is faster. */
    default List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(embed(t));
        }
        return out;
    }

    /** Per-token vectors, tokens x {@link #dimension()}. */
    float[][] sequence(String text);

    @Override
    void close();
}
