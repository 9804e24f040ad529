package io.emofuse.fusion.nn;

import java.util.List;
import java.util.Locale;

/**
 * One modality's encoder: {@code dense} layers on a vector, or a {@code lstm}/{@code gru} stack on a
 * sequence whose outputs are mean-pooled over time. {@code hidden} lists the layer widths.
 */
public record BranchSpec(String type, List<Integer> hidden, double dropout) {
    public BranchSpec {
        type = type == null ? "dense" : type.toLowerCase(Locale.ROOT);
        if (!List.of("dense", "lstm", "gru").contains(type)) {
            throw new IllegalArgumentException("unknown branch type '" + type + "'; expected dense, lstm or gru");
        }
        hidden = hidden == null || hidden.isEmpty() ? List.of(64) : List.copyOf(hidden);
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }

    public static BranchSpec dense(int... widths) {
        return new BranchSpec("dense", java.util.Arrays.stream(widths).boxed().toList(), 0.0);
    }

    public boolean recurrent() {
        return !type.equals("dense");
    }

    public int outputSize() {
        return hidden.get(hidden.size() - 1);
    }
}
