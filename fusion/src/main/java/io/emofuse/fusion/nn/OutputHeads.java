package io.emofuse.fusion.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/**
 * The heads every {@link EmotionNetwork} ends in, in {@link EmotionNetwork#outputShapes} order:
 * V/A/D, then the category head and the binary valence and activation heads its spec asks for.
 */
final class OutputHeads {

    /** Which representation a head reads: task 0 (V/A/D and category), 1 (valence), 2 (activation). */
    static final int MAIN = 0;
    static final int VALENCE = 1;
    static final int ACTIVATION = 2;

    private final Block vad;
    private final Block category;
    private final Block valence;
    private final Block activation;

    /** @param add the owning block's {@code addChildBlock}, so the heads' parameters are its own */
    OutputHeads(NetworkSpec spec, BiFunction<String, Block, Block> add) {
        vad = add.apply("vad", Linear.builder().setUnits(3).build());
        category = spec.categories() > 0 ? add.apply("category", Linear.builder().setUnits(spec.categories()).build()) : null;
        valence = spec.binaryHeads() ? add.apply("valence", Linear.builder().setUnits(2).build()) : null;
        activation = spec.binaryHeads() ? add.apply("activation", Linear.builder().setUnits(2).build()) : null;
    }

    /** The heads' outputs; {@code input} gives the representation each task's heads read. */
    NDList forward(ParameterStore ps, IntFunction<NDArray> input, boolean training) {
        NDList out = new NDList(run(vad, ps, input.apply(MAIN), training));
        if (category != null) {
            out.add(run(category, ps, input.apply(MAIN), training));
        }
        if (valence != null) {
            out.add(run(valence, ps, input.apply(VALENCE), training));
            out.add(run(activation, ps, input.apply(ACTIVATION), training));
        }
        return out;
    }

    void initialize(NDManager manager, DataType dataType, Shape representation) {
        for (Block head : new Block[] {vad, category, valence, activation}) {
            if (head != null) {
                head.initialize(manager, dataType, representation);
            }
        }
    }

    private static NDArray run(Block head, ParameterStore ps, NDArray x, boolean training) {
        return head.forward(ps, new NDList(x), training).singletonOrThrow();
    }
}
