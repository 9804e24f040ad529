package io.emofuse.fusion.input;

/** Turns variable-length extractor output into the fixed-length rows a network takes. */
public final class InputEncoding {

    private InputEncoding() {
    }

    public static float[] vector(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    /**
     * LLD frames (frames x dim) averaged over {@code steps} equal segments, flattened; an utterance
     * with fewer frames than steps repeats frames. Keeps the sequence's shape in time at a fixed
     * length so a recurrent branch can batch it.
     */
    public static float[] segmentMeans(double[][] frames, int steps, int dim) {
        float[] out = new float[steps * dim];
        int n = frames.length;
        if (n == 0) {
            return out;
        }
        for (int s = 0; s < steps; s++) {
            int from = (int) Math.floor((double) s * n / steps);
            int to = Math.max(from + 1, (int) Math.floor((double) (s + 1) * n / steps));
            for (int f = from; f < Math.min(to, n); f++) {
                for (int j = 0; j < dim; j++) {
                    out[s * dim + j] += (float) (frames[f][j] / (Math.min(to, n) - from));
                }
            }
        }
        return out;
    }

    /** Token vectors (tokens x dim) cut or zero-padded to {@code steps}, flattened. */
    public static float[] padded(float[][] tokens, int steps, int dim) {
        float[] out = new float[steps * dim];
        for (int s = 0; s < Math.min(steps, tokens.length); s++) {
            System.arraycopy(tokens[s], 0, out, s * dim, dim);
        }
        return out;
    }
}
