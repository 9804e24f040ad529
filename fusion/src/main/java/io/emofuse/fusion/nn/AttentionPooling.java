package io.emofuse.fusion.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Attention-weighted pooling over frames (the attention paper's per-task layer): for frames
 * y_1..y_T (batch x T x H), α_i = exp(u·y_i) / Σ_j exp(u·y_j) with a learnt u, output Σ_i α_i y_i
 * (batch x H). u·y_i is a bias-free one-unit linear layer, so u is an ordinary DJL weight.
 */
public final class AttentionPooling extends AbstractBlock {

    private final Linear score;

    public AttentionPooling() {
        super((byte) 1);
        score = addChildBlock("u", Linear.builder().setUnits(1).optBias(false).build());
    }

    /** α (batch x T) for frames (batch x T x H). */
    public NDArray weights(ParameterStore ps, NDArray frames, boolean training) {
        Shape s = frames.getShape();
        NDArray flat = frames.reshape(s.get(0) * s.get(1), s.get(2));
        NDArray scores = score.forward(ps, new NDList(flat), training).singletonOrThrow().reshape(s.get(0), s.get(1));
        return scores.softmax(1);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray y = inputs.singletonOrThrow();
        NDArray alpha = weights(ps, y, training).expandDims(2);
        return new NDList(y.mul(alpha).sum(new int[] {1}));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        score.initialize(manager, dataType, new Shape(1, inputShapes[0].get(2)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), inputShapes[0].get(2))};
    }
}
