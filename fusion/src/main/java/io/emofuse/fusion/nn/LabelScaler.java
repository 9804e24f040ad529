package io.emofuse.fusion.nn;

/**
 * Min-max scaling of V, A, D to [−1, 1] with the training labels' range, and back. A dimension
 * with no spread in training maps to 0 and back to its single value.
 */
public record LabelScaler(double[] min, double[] max) {

    public static LabelScaler fit(double[][] labels) {
        double[] min = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] max = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double[] l : labels) {
            for (int j = 0; j < 3; j++) {
                min[j] = Math.min(min[j], l[j]);
                max[j] = Math.max(max[j], l[j]);
            }
        }
        return new LabelScaler(min, max);
    }

    public double[] toUnit(double[] vad) {
        double[] out = new double[3];
        for (int j = 0; j < 3; j++) {
            double span = max[j] - min[j];
            out[j] = span > 0 ? 2 * (vad[j] - min[j]) / span - 1 : 0;
        }
        return out;
    }

    public double[] fromUnit(double[] unit) {
        double[] out = new double[3];
        for (int j = 0; j < 3; j++) {
            out[j] = min[j] + (unit[j] + 1) / 2 * (max[j] - min[j]);
        }
        return out;
    }
}
