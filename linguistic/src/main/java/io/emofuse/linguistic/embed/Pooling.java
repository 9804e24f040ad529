package io.emofuse.linguistic.embed;

import java.util.Locale;

/** How token vectors become one utterance vector. */
public enum Pooling {
    /** Average of the real (unpadded) tokens; what all-MiniLM-L6-v2 was trained with. */
    MEAN,
    /** Element-wise maximum over the real tokens. */
    MAX,
    /** The first token's vector ([CLS]); what bge-small-en-v1.5 was trained with. */
    CLS;

    /** Parses {@code mean|max|cls} (any case). */
    public static Pooling parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown pooling '" + name + "'; use mean, max or cls");
        }
    }

    /**
     * Pools rows {@code [0, tokens)} of a row-major {@code tokens x dim} block starting at
     * {@code offset} in {@code hidden}.
     */
    public float[] pool(float[] hidden, int offset, int tokens, int dim) {
        float[] out = new float[dim];
        if (tokens == 0) {
            return out;
        }
        switch (this) {
            case CLS -> System.arraycopy(hidden, offset, out, 0, dim);
            case MEAN -> {
                for (int t = 0; t < tokens; t++) {
                    int row = offset + t * dim;
                    for (int d = 0; d < dim; d++) {
                        out[d] += hidden[row + d];
                    }
                }
                for (int d = 0; d < dim; d++) {
                    out[d] /= tokens;
                }
            }
            case MAX -> {
                System.arraycopy(hidden, offset, out, 0, dim);
                for (int t = 1; t < tokens; t++) {
                    int row = offset + t * dim;
                    for (int d = 0; d < dim; d++) {
                        out[d] = Math.max(out[d], hidden[row + d]);
                    }
                }
            }
            default -> throw new AssertionError(this);
        }
        return out;
    }

    /** Scales {@code v} in place to unit Euclidean length (a zero vector stays zero); returns it. */
    public static float[] l2Normalize(float[] v) {
        double ss = 0;
        for (float x : v) {
            ss += (double) x * x;
        }
        if (ss > 0) {
            float inv = (float) (1.0 / Math.sqrt(ss));
            for (int i = 0; i < v.length; i++) {
                v[i] *= inv;
            }
        }
        return v;
    }
}
