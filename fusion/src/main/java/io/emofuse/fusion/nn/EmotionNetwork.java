package io.emofuse.fusion.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

/**
 * A network emofuse trains and serves. Outputs, in order: V, A, D (batch x 3, training scale);
 * then, with a categorical head, the category logits; then, with binary heads, the binary valence
 * logits (negative, positive) and the binary activation logits (low, high).
 */
public interface EmotionNetwork extends Block {

    NetworkSpec spec();

    /** Shapes of the inputs for a batch of {@code batch} rows, in input order. */
    Shape[] inputShapes(int batch);

    /** The network a spec describes. */
    static EmotionNetwork create(NetworkSpec spec) {
        return spec.architecture().isFusion() ? new FusionNetwork(spec) : new SeedNetwork(spec);
    }

    /** Output shapes for a spec: V/A/D, then the heads it has. */
    static Shape[] outputShapes(NetworkSpec spec, long batch) {
        java.util.List<Shape> out = new java.util.ArrayList<>();
        out.add(new Shape(batch, 3));
        if (spec.categories() > 0) {
            out.add(new Shape(batch, spec.categories()));
        }
        if (spec.binaryHeads()) {
            out.add(new Shape(batch, 2));
            out.add(new Shape(batch, 2));
        }
        return out.toArray(Shape[]::new);
    }
}
