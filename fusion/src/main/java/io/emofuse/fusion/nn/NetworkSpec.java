package io.emofuse.fusion.nn;

import io.emofuse.fusion.FusionStrategy;
import java.util.List;

/**
 * Everything needed to rebuild an {@link EmotionNetwork}: strategy, the two inputs' shapes, the
 * branches, the widths of the fusion layer(s) and shared layers, the number of categories
 * (0 = no categorical head), the architecture (null = {@code fusion}: {@link FusionNetwork}) and
 * whether there are binary valence/activation heads, and for {@code EARLY} how the two input blocks are
 * weighed ({@link BlockScaling}: {@code none} for bundles written before the option existed; null for
 * the other strategies). For {@code LATE} each unimodal network has its own spec.
 */
public record NetworkSpec(FusionStrategy strategy, InputShape acousticInput, InputShape textInput,
                          BranchSpec acoustic, BranchSpec text, List<Integer> fusion, List<Integer> shared,
                          int categories, ArchitectureSpec architecture, boolean binaryHeads,
                          @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                          String earlyScaling) {

    /** A {@link FusionNetwork} without binary heads. */
    public NetworkSpec(FusionStrategy strategy, InputShape acousticInput, InputShape textInput, BranchSpec acoustic,
                       BranchSpec text, List<Integer> fusion, List<Integer> shared, int categories) {
        this(strategy, acousticInput, textInput, acoustic, text, fusion, shared, categories, null, false, null);
    }

    /** As the canonical constructor with an early fusion's blocks as z-scored ({@code none}). */
    public NetworkSpec(FusionStrategy strategy, InputShape acousticInput, InputShape textInput, BranchSpec acoustic,
                       BranchSpec text, List<Integer> fusion, List<Integer> shared, int categories,
                       ArchitectureSpec architecture, boolean binaryHeads) {
        this(strategy, acousticInput, textInput, acoustic, text, fusion, shared, categories, architecture, binaryHeads, null);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
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
        // Bundles written before architectures existed have none: they are fusion networks.
        architecture = architecture == null ? ArchitectureSpec.fusion() : architecture.withDefaults();
        if (!architecture.isFusion() && strategy != FusionStrategy.ACOUSTIC) {
            throw new IllegalArgumentException("architecture " + architecture.type() + " takes the acoustic input only; use strategy: acoustic");
        }
        if (architecture.type().equals("cnn") && acousticInput.steps() < architecture.kernel()) {
            throw new IllegalArgumentException("the CNN's kernel (" + architecture.kernel() + " frames) is longer than the input ("
                    + acousticInput.steps() + " steps); use features.acoustic.kind: lld with more steps");
        }
        // Only an early fusion concatenates raw blocks; an early bundle without the key is from before it (none).
        earlyScaling = strategy == FusionStrategy.EARLY ? BlockScaling.mode(earlyScaling) : null;
        if (binaryHeads && categories == 0) {
            throw new IllegalArgumentException("binary valence/activation heads are derived from categories: they need the categorical head");
        }
    }

    /** The factors of the acoustic and text blocks of an early fusion's input ({@link BlockScaling}). */
    public double[] earlyBlockScales() {
        if (strategy != FusionStrategy.EARLY) {
            throw new IllegalStateException(strategy.id() + " does not concatenate its inputs");
        }
        return BlockScaling.scales(earlyScaling, acousticInput.length(), textInput.length());
    }
}
