package io.emofuse.fusion.nn;

/**
 * Shape of one modality's input: {@code steps} frames of {@code dim} values, flattened row-major.
 * A pooled vector (functionals, mean embedding) has one step.
 */
public record InputShape(int steps, int dim) {
    public InputShape {
        if (steps < 1 || dim < 1) {
            throw new IllegalArgumentException("input shape needs steps >= 1 and dim >= 1, got " + steps + "x" + dim);
        }
    }

    public static InputShape vector(int dim) {
        return new InputShape(1, dim);
    }

    public int length() {
        return steps * dim;
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isSequence() {
        return steps > 1;
    }
}
