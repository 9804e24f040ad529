package io.emofuse.training.train;

import java.util.Locale;

/**
 * How a network is optimised: {@code adam} or {@code rmsprop}, learning rate, batch size, maximum
 * epochs, early stopping after {@code patience} epochs without a better dev CCC (0 = never stop
 * early), the seed, and the device ({@code auto}, {@code cpu}, {@code gpu}).
 */
public record TrainingSettings(String optimizer, double learningRate, int batchSize, int epochs, int patience, long seed,
                               String device) {
    public TrainingSettings {
        optimizer = optimizer == null ? "adam" : optimizer.toLowerCase(Locale.ROOT);
        if (!optimizer.equals("adam") && !optimizer.equals("rmsprop")) {
            throw new IllegalArgumentException("optimizer must be adam or rmsprop, got '" + optimizer + "'");
        }
        if (learningRate <= 0) {
            throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
        }
        if (batchSize < 2) {
            throw new IllegalArgumentException("batch size must be >= 2 (the CCC loss needs a spread), got " + batchSize);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        }
        device = device == null ? "auto" : device.toLowerCase(Locale.ROOT);
        if (!java.util.List.of("auto", "cpu", "gpu").contains(device)) {
            throw new IllegalArgumentException("device must be auto, cpu or gpu, got '" + device + "'");
        }
    }

    public static TrainingSettings defaults() {
        return new TrainingSettings("adam", 1e-3, 32, 100, 15, 42, "auto");
    }

    public TrainingSettings withSeed(long s) {
        return new TrainingSettings(optimizer, learningRate, batchSize, epochs, patience, s, device);
    }
}
