package io.emofuse.fusion.nn;

import java.util.List;
import java.util.Locale;

/**
 * Which network body a model has. {@code fusion} (the default) is {@link FusionNetwork}, built from
 * the strategy's branches and fusion layers; the others are the source papers' acoustic networks
 * ({@link SeedNetwork}, docs/seeds.md), which take the acoustic input only:
 * <ul>
 *   <li>{@code mt_a_dnn} (attention paper): {@code hidden} shared SELU layers applied to every frame,
 *       then one attention pooling per task;</li>
 *   <li>{@code cnn} (CNN paper): one convolution ({@code filters} kernels {@code kernel} frames wide,
 *       spanning every feature) + ReLU, max-pooling over time, {@code dense} ReLU layers;</li>
 *   <li>{@code stacked_lstm} (TESS paper): one LSTM per {@code hidden} width, the last one's final
 *       output, {@code dense} ReLU layers each followed by dropout.</li>
 * </ul>
 * Zero / empty values take the defaults of {@link #withDefaults()} (the papers' sizes where they
 * give them).
 */
public record ArchitectureSpec(String type, List<Integer> hidden, List<Integer> dense, int filters, int kernel,
                               double dropout) {

    public static final List<String> TYPES = List.of("fusion", "mt_a_dnn", "cnn", "stacked_lstm");

    public ArchitectureSpec {
        type = type == null ? "fusion" : type.toLowerCase(Locale.ROOT).replace('-', '_');
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("unknown architecture '" + type + "'; expected one of " + TYPES);
        }
        hidden = hidden == null ? List.of() : List.copyOf(hidden);
        dense = dense == null ? List.of() : List.copyOf(dense);
        if (filters < 0 || kernel < 0) {
            throw new IllegalArgumentException("filters and kernel must be >= 0, got " + filters + ", " + kernel);
        }
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (hidden.stream().anyMatch(w -> w < 1) || dense.stream().anyMatch(w -> w < 1)) {
            throw new IllegalArgumentException("layer widths must be >= 1, got hidden " + hidden + ", dense " + dense);
        }
    }

    public static ArchitectureSpec fusion() {
        return new ArchitectureSpec("fusion", List.of(), List.of(), 0, 0, 0);
    }

    public static ArchitectureSpec of(String type) {
        return new ArchitectureSpec(type, List.of(), List.of(), 0, 0, 0).withDefaults();
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isFusion() {
        return type.equals("fusion");
    }

    /**
     * Fills what was left open. MT-A-DNN: one shared layer of 128 (the paper). CNN: 100 kernels of
     * 10 frames and one dense layer of 128 (the slides give no sizes: our choice). Stacked LSTM:
     * 128, 128, dense 32, dropout 0.2 (the paper).
     */
    public ArchitectureSpec withDefaults() {
        return switch (type) {
            case "mt_a_dnn" -> new ArchitectureSpec(type, or(hidden, List.of(128)), dense, 0, 0, dropout);
            case "cnn" -> new ArchitectureSpec(type, hidden, or(dense, List.of(128)), filters == 0 ? 100 : filters,
                    kernel == 0 ? 10 : kernel, dropout);
            case "stacked_lstm" -> new ArchitectureSpec(type, or(hidden, List.of(128, 128)), or(dense, List.of(32)), 0, 0,
                    dropout == 0 ? 0.2 : dropout);
            default -> this;
        };
    }

    private static List<Integer> or(List<Integer> given, List<Integer> dflt) {
        return given.isEmpty() ? dflt : given;
    }
}
