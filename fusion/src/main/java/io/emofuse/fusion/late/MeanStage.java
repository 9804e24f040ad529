package io.emofuse.fusion.late;

import java.nio.file.Path;

/** Averages the acoustic and the text prediction of each dimension; learns nothing. */
public record MeanStage() implements SecondStage {

    @Override
    public String kind() {
        return "mean";
    }

    @Override
    public double[] combine(double[] u) {
        return new double[] {(u[0] + u[3]) / 2, (u[1] + u[4]) / 2, (u[2] + u[5]) / 2};
    }

    @Override
    public void save(Path dir) {
    }
}
