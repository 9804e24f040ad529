package io.emofuse.fusion.nn;

import java.util.List;
import java.util.Locale;

/**
 * The training loss. {@code kind}: {@code ccc} (multitask CCC loss of the RNN paper,
 * α(1−CCC_V) + β(1−CCC_A) + γ(1−CCC_D)), {@code mse} or {@code mae}, each weighted per dimension
 * by α, β, γ. With {@code gamma} null the two-parameter form γ = 1 − α − β of the
 * acoustic-linguistic paper applies. {@code categoryWeight} weighs the cross-entropy of the
 * categorical head against the regression loss when both are trained.
 */
public record LossSpec(String kind, double alpha, double beta, Double gamma, double categoryWeight,
                       double valenceClassWeight, double activationClassWeight) {

    /** Binary valence/activation heads (when a network has them) weighted 1 each. */
    public LossSpec(String kind, double alpha, double beta, Double gamma, double categoryWeight) {
        this(kind, alpha, beta, gamma, categoryWeight, 1, 1);
    }

    public LossSpec {
        kind = kind == null ? "ccc" : kind.toLowerCase(Locale.ROOT);
        if (!List.of("ccc", "mse", "mae").contains(kind)) {
            throw new IllegalArgumentException("unknown loss '" + kind + "'; expected ccc, mse or mae");
        }
        double g = gamma == null ? 1 - alpha - beta : gamma;
        if (alpha < 0 || beta < 0 || g < 0) {
            throw new IllegalArgumentException("loss weights must be >= 0, got alpha=" + alpha + " beta=" + beta + " gamma=" + g
                    + (gamma == null ? " (gamma = 1 - alpha - beta)" : ""));
        }
        if (categoryWeight < 0 || valenceClassWeight < 0 || activationClassWeight < 0) {
            throw new IllegalArgumentException("classification loss weights must be >= 0, got category " + categoryWeight
                    + ", valence " + valenceClassWeight + ", activation " + activationClassWeight);
        }
    }

    /** Equal weights, CCC loss (the "no parameter" variant). */
    public static LossSpec ccc() {
        return new LossSpec("ccc", 1, 1, 1.0, 1);
    }

    /** α, β, γ as used. */
    public double[] weights() {
        return new double[] {alpha, beta, gamma == null ? 1 - alpha - beta : gamma};
    }
}
