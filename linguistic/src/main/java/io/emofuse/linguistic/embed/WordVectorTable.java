package io.emofuse.linguistic.embed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An immutable word-to-vector table (word2vec, GloVe), in insertion order of the source file.
 *
 * <p>Lookup of a word: as written, then lower-cased (GloVe 6B is uncased; our word2vec training
 * lower-cases). A word still not found that has inner apostrophes or hyphens is split the way
 * GloVe's tokeniser splits: {@code don't -> do n't}, {@code it's -> it 's}, {@code e-mail -> e mail};
 * each piece found contributes. Anything else is out of vocabulary and contributes nothing.
 */
public record WordVectorTable(Map<String, float[]> vectors, int dimension) {

    public WordVectorTable {
        for (Map.Entry<String, float[]> e : vectors.entrySet()) {
            if (e.getValue().length != dimension) {
                throw new IllegalArgumentException("vector for '" + e.getKey() + "' has " + e.getValue().length
                        + " values, expected " + dimension);
            }
        }
    }

    public int size() {
        return vectors.size();
    }

    /** The stored vector of exactly this word, or null. */
    public float[] get(String word) {
        return vectors.get(word);
    }

    /** The vectors a word maps to under the rules above (empty when out of vocabulary). */
    public List<float[]> lookup(String word) {
        float[] v = vectors.get(word);
        if (v == null) {
            v = vectors.get(word.toLowerCase(Locale.ROOT));
        }
        if (v != null) {
            return List.of(v);
        }
        List<float[]> parts = new ArrayList<>();
        if (word.indexOf('\'') > 0 || word.indexOf('-') > 0) {
            for (String piece : splitClitics(word.toLowerCase(Locale.ROOT))) {
                float[] p = vectors.get(piece);
                if (p != null) {
                    parts.add(p);
                }
            }
        }
        return parts;
    }

    private static List<String> splitClitics(String w) {
        List<String> out = new ArrayList<>();
        for (String part : w.split("-")) {
            if (part.endsWith("n't") && part.length() > 3) {
                out.add(part.substring(0, part.length() - 3));
                out.add("n't");
            } else if (part.indexOf('\'') > 0) {
                int i = part.indexOf('\'');
                out.add(part.substring(0, i));
                out.add(part.substring(i));
            } else {
                out.add(part);
            }
        }
        return out;
    }
}
