package io.emofuse.fusion.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import io.emofuse.linguistic.models.OfflineGuard;

/**
 * Weighted per-dimension regression loss on V, A, D plus, when the network has a categorical
 * head, weighted cross-entropy (and so for binary valence/activation heads). Labels:
 * {@code [vad (batch x 3)]}, {@code [vad, category index (batch)]} or {@code [vad, category,
 * binary valence, binary activation]}; a batch whose rows have no V/A/D passes {@code regression = false}.
 */
public final class MultitaskLoss extends Loss {

    static {
        OfflineGuard.enforce();
    }

    private static final float EPS = 1e-8f;

    private final LossSpec spec;
    private final boolean regression;

    public MultitaskLoss(LossSpec spec, boolean regression) {
        super("multitask-" + spec.kind());
        this.spec = spec;
        this.regression = regression;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray pred = predictions.get(0);
        NDArray truth = labels.get(0).toType(pred.getDataType(), false);
        NDArray w = pred.getManager().create(toFloat(spec.weights()));
        NDArray total = null;
        if (regression) {
            NDArray perDim = switch (spec.kind()) {
                case "ccc" -> ccc(pred, truth).neg().add(1);
                case "mse" -> pred.sub(truth).square().mean(new int[] {0});
                default -> pred.sub(truth).abs().mean(new int[] {0});
            };
            total = perDim.mul(w).sum();
        }
        // Heads after V/A/D: category, then binary valence and binary activation (EmotionNetwork's order).
        double[] weights = {spec.categoryWeight(), spec.valenceClassWeight(), spec.activationClassWeight()};
        for (int k = 1; k < Math.min(predictions.size(), labels.size()) && k <= weights.length; k++) {
            if (weights[k - 1] > 0) {
                NDArray ce = crossEntropy(predictions.get(k), labels.get(k)).mul(pred.getManager().create((float) weights[k - 1]));
                total = total == null ? ce : total.add(ce);
            }
        }
        if (total == null) {
            throw new IllegalStateException("nothing to learn: no V/A/D labels and no categorical head");
        }
        return total;
    }

    /** Mean cross-entropy of logits (batch x classes) against class indices (batch). */
    static NDArray crossEntropy(NDArray logits, NDArray classes) {
        NDArray onehot = classes.toType(ai.djl.ndarray.types.DataType.INT64, false).oneHot((int) logits.getShape().get(1))
                .toType(logits.getDataType(), false);
        return logits.logSoftmax(1).mul(onehot).sum(new int[] {1}).neg().mean();
    }

    /**
     * Concordance correlation coefficient per column:
     * 2·cov(x, y) / (var(x) + var(y) + (mean(x) − mean(y))²), population moments.
     */
    public static NDArray ccc(NDArray pred, NDArray truth) {
        NDArray mx = pred.mean(new int[] {0});
        NDArray my = truth.mean(new int[] {0});
        NDArray dx = pred.sub(mx);
        NDArray dy = truth.sub(my);
        NDArray cov = dx.mul(dy).mean(new int[] {0});
        NDArray vx = dx.square().mean(new int[] {0});
        NDArray vy = dy.square().mean(new int[] {0});
        return cov.mul(2).div(vx.add(vy).add(mx.sub(my).square()).add(EPS));
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
