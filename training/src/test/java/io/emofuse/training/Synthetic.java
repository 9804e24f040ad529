package io.emofuse.training;

import io.emofuse.training.train.TrainingData;
import java.util.Random;

/**
 * Bimodal data with known answers, built like emobank-speech: valence is a function of the text
 * features only, arousal and dominance of the acoustic ones only, plus a little noise.
 */
public final class Synthetic {

    public static final int ACOUSTIC_DIM = 12;
    public static final int TEXT_DIM = 16;

    private Synthetic() {
    }

    public static TrainingData make(int n, long seed) {
        Random r = new Random(seed);
        float[][] a = new float[n][ACOUSTIC_DIM];
        float[][] t = new float[n][TEXT_DIM];
        double[][] vad = new double[n][3];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < ACOUSTIC_DIM; k++) {
                a[i][k] = (float) (r.nextGaussian() * (k + 1) + 5 * k); // unscaled on purpose: the normaliser must cope
            }
            for (int k = 0; k < TEXT_DIM; k++) {
                t[i][k] = (float) r.nextGaussian();
            }
            double za = (a[i][0] - 0) / 1.0;
            double zb = (a[i][1] - 5) / 2.0;
            vad[i][0] = Math.tanh(0.8 * t[i][0] - 0.6 * t[i][1] + 0.3 * t[i][2] * t[i][3]) + 0.05 * r.nextGaussian();
            vad[i][1] = Math.tanh(0.7 * za + 0.4 * zb) + 0.05 * r.nextGaussian();
            vad[i][2] = Math.tanh(0.6 * zb - 0.5 * za * 0.5) + 0.05 * r.nextGaussian();
        }
        return new TrainingData(a, t, vad, null);
    }
}
