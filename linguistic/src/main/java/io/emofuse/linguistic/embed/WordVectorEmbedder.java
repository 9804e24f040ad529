package io.emofuse.linguistic.embed;

import io.emofuse.linguistic.TextEmbedder;
import java.util.ArrayList;
import java.util.List;

/**
 * Sentence vectors from a word-vector table: the text is split by {@link WordTokenizer}, each word
 * looked up by {@link WordVectorTable#lookup}, and the vectors found are pooled (mean by default, or
 * max). Out-of-vocabulary words are skipped; a text with no known word gets the zero vector.
 * Vectors are <em>not</em> normalised (their raw average, as is usual for word-vector baselines).
 * Thread-safe (the table is read-only).
 */
public final class WordVectorEmbedder implements TextEmbedder {

    private final String id;
    private final WordVectorTable table;
    private final Pooling pooling;

    public WordVectorEmbedder(String id, WordVectorTable table, Pooling pooling) {
        if (pooling == Pooling.CLS) {
            throw new IllegalArgumentException("pooling 'cls' needs a sentence encoder; word vectors take mean or max");
        }
        this.id = id;
        this.table = table;
        this.pooling = pooling;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int dimension() {
        return table.dimension();
    }

    public WordVectorTable table() {
        return table;
    }

    @Override
    public float[] embed(String text) {
        float[][] rows = sequence(text);
        int dim = table.dimension();
        float[] flat = new float[rows.length * dim];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * dim, dim);
        }
        return pooling.pool(flat, 0, rows.length, dim);
    }

    /** The vectors of the in-vocabulary words, in text order (copies). */
    @Override
    public float[][] sequence(String text) {
        List<float[]> rows = new ArrayList<>();
        for (String w : WordTokenizer.words(text)) {
            for (float[] v : table.lookup(w)) {
                rows.add(v.clone());
            }
        }
        return rows.toArray(new float[0][]);
    }

    @Override
    public void close() {
        // nothing held but heap
    }
}
