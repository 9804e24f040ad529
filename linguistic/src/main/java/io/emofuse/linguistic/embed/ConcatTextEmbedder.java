package io.emofuse.linguistic.embed;

import io.emofuse.linguistic.TextEmbedder;
import java.util.ArrayList;
import java.util.List;

/**
 * Several embedders' pooled vectors side by side, in the order given: one utterance vector of
 * {@code sum(dimension)} values. Each part keeps its own normalisation (BERT-family parts are unit
 * length, word-vector averages are not); the models z-score every input column anyway.
 *
 * <p>Pooled vectors only: the parts tokenise differently, so their token rows do not line up and
 * {@link #sequence} is refused. Thread-safe when its parts are. Closing it closes the parts.
 */
public final class ConcatTextEmbedder implements TextEmbedder {

    private final String id;
    private final List<TextEmbedder> parts;
    private final int dimension;

    /**
     * @param id    name reported by {@link #id()} (the spec, e.g. {@code bge-small+e5-small})
     * @param parts two or more embedders; this object owns them from now on
     */
    public ConcatTextEmbedder(String id, List<TextEmbedder> parts) {
        if (parts.size() < 2) {
            throw new IllegalArgumentException("a concatenation needs two or more embedders, got " + parts.size());
        }
        this.id = id;
        this.parts = List.copyOf(parts);
        this.dimension = parts.stream().mapToInt(TextEmbedder::dimension).sum();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** The embedders whose vectors this one joins, in order. */
    public List<TextEmbedder> parts() {
        return parts;
    }

    @Override
    public float[] embed(String text) {
        List<float[]> vs = new ArrayList<>(parts.size());
        for (TextEmbedder p : parts) {
            vs.add(p.embed(text));
        }
        return join(vs);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        // each part batches its own way (ONNX parts sort by their own token counts)
        List<List<float[]>> byPart = new ArrayList<>(parts.size());
        for (TextEmbedder p : parts) {
            byPart.add(p.embedAll(texts));
        }
        List<float[]> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            List<float[]> vs = new ArrayList<>(parts.size());
            for (List<float[]> part : byPart) {
                vs.add(part.get(i));
            }
            out.add(join(vs));
        }
        return out;
    }

    /** The vectors one after the other; a training pipeline that caches parts separately joins them so too. */
    public static float[] join(List<float[]> vectors) {
        int n = vectors.stream().mapToInt(v -> v.length).sum();
        float[] out = new float[n];
        int at = 0;
        for (float[] v : vectors) {
            System.arraycopy(v, 0, out, at, v.length);
            at += v.length;
        }
        return out;
    }

    @Override
    public float[][] sequence(String text) {
        throw new UnsupportedOperationException(id + ": a concatenation of embedders gives pooled vectors only "
                + "(its parts' tokens do not line up); use text kind pooled");
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (TextEmbedder p : parts) {
            try {
                p.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
