package io.emofuse.training.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import java.util.HashMap;
import java.util.Map;

/**
 * RMSprop as Keras has it (ρ = 0.9, ε = 1e-7, no momentum): v ← ρv + (1−ρ)g², w ← w − lr·g/(√v + ε).
 * DJL's own {@code RmsProp} is not implemented on the PyTorch engine ("Not implemented" at the
 * first step), so this one is written with plain array operations.
 */
final class RmsPropOptimizer extends Optimizer {

    private static final float RHO = 0.9f;
    private static final float EPSILON = 1e-7f;

    private final float learningRate;
    private final Map<String, Map<Device, NDArray>> squares = new HashMap<>();

    RmsPropOptimizer(float learningRate) {
        super(new Builder());
        this.learningRate = learningRate;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        NDArray v = withDefaultState(squares, parameterId, weight.getDevice(), k -> weight.zerosLike());
        try (NDManager tmp = weight.getManager().newSubManager()) {
            NDArray g = own(tmp, grad.mul(rescaleGrad));
            float wd = getWeightDecay();
            if (wd > 0) {
                g = own(tmp, g.add(own(tmp, weight.mul(wd))));
            }
            v.muli(RHO).addi(own(tmp, own(tmp, g.square()).mul(1 - RHO)));
            NDArray denom = own(tmp, own(tmp, v.sqrt()).add(EPSILON));
            // A detached view shares the parameter's storage; updating it in place is how a
            // parameter changes outside autograd (an in-place op on the leaf itself is refused).
            own(tmp, weight.stopGradient()).subi(own(tmp, own(tmp, g.div(denom)).mul(learningRate)));
        }
    }

    /** Hands a temporary array to the step's manager so it is freed at the end of the step. */
    private static NDArray own(NDManager tmp, NDArray a) {
        a.attach(tmp);
        return a;
    }

    private static final class Builder extends OptimizerBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}
