package io.emofuse.training.split;

/**
 * One train/test partition (row indices into the manifest). {@code dev} is empty when the split
 * itself names no dev rows; the trainer then holds some training rows out for early stopping.
 */
public record Fold(String name, int[] train, int[] dev, int[] test) {
}
