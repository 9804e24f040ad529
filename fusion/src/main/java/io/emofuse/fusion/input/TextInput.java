package io.emofuse.fusion.input;

import io.emofuse.linguistic.TextEmbedders;
import java.util.Locale;

/**
 * What a model's text input is: the embedder spec (as {@code TextEmbedders.create} takes it), and
 * {@code pooled} (one vector per utterance) or {@code sequence} (token vectors, zero-padded or cut
 * to {@code steps}). An embedder spec may join several models ({@code bge-small+e5-small}): the
 * bundle records the joined spec, so serving opens the same list in the same order.
 */
public record TextInput(String embedder, String kind, int steps) {
    public TextInput {
        if (embedder == null || embedder.isBlank()) {
            throw new IllegalArgumentException("text input needs an embedder, e.g. minilm");
        }
        kind = kind == null ? "pooled" : kind.toLowerCase(Locale.ROOT);
        if (!kind.equals("pooled") && !kind.equals("sequence")) {
            throw new IllegalArgumentException("text input kind must be pooled or sequence, got '" + kind + "'");
        }
        steps = kind.equals("pooled") ? 1 : (steps <= 0 ? 32 : steps);
        if (kind.equals("sequence") && TextEmbedders.parts(embedder).size() > 1) {
            throw new IllegalArgumentException("text embedder '" + embedder + "' joins several models, which gives "
                    + "pooled vectors only (their tokens do not line up); use kind pooled");
        }
    }

    public String cacheKey() {
        return embedder + "/" + kind + (kind.equals("sequence") ? "/" + steps : "");
    }
}
