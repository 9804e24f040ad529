package io.emofuse.fusion.nn;

import io.emofuse.fusion.FusionStrategy;
import java.util.List;

/**
 * Everything needed to rebuild a {@link FusionNetwork}: strategy, the two inputs' shapes, the
 * branches, the widths of the fusion layer(s) and shared layers, and the number of categories
 * (0 = no categorical head). For {@code LATE} each unimodal network has its own spec.
 */
public record NetworkSpec(FusionStrategy strategy, InputShape acousticInput, InputShape textInput,
                          BranchSpec acoustic, BranchSpec text, List<Integer> fusion, List<Integer> shared,
                          int categories) {
    public NetworkSpec {
        if (strategy == FusionStrategy.LATE) {
            throw new IllegalArgumentException("a late fusion has no single network; give each unimodal network its own spec");
        }
        if (strategy.usesAcoustic() && acousticInput == null) {
            throw new IllegalArgumentException(strategy.id() + " needs an acoustic input shape");
        }
        if (strategy.usesText() && textInput == null) {
            throw new IllegalArgumentException(strategy.id() + " needs a text input shape");
        }
        fusion = fusion == null || fusion.isEmpty() ? List.of(64) : List.copyOf(fusion);
        shared = shared == null ? List.of() : List.copyOf(shared);
        if (categories < 0 || categories == 1) {
            throw new IllegalArgumentException("a categorical head needs at least 2 categories, got " + categories);
        }
    }
}
