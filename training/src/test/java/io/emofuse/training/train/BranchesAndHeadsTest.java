package io.emofuse.training.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emofuse.fusion.FusionStrategy;
import io.emofuse.fusion.nn.BranchSpec;
import io.emofuse.fusion.nn.InputShape;
import io.emofuse.fusion.nn.LossSpec;
import io.emofuse.fusion.nn.NetworkSpec;
import io.emofuse.fusion.nn.RawPrediction;
import io.emofuse.training.eval.ClassificationMetrics;
import io.emofuse.training.eval.RegressionMetrics;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Recurrent branches learn from the order of frames; the categorical head learns classes. */
class BranchesAndHeadsTest {

    static final int STEPS = 6;
    static final int DIM = 3;

    /** Arousal = rise of feature 0 from the first to the last frames; valence = sign pattern in text; 3 classes. */
    static TrainingData sequences(int n, long seed) {
        Random r = new Random(seed);
        float[][] a = new float[n][STEPS * DIM];
        float[][] t = new float[n][4];
        double[][] vad = new double[n][3];
        int[] cat = new int[n];
        for (int i = 0; i < n; i++) {
            double slope = r.nextGaussian();
            for (int s = 0; s < STEPS; s++) {
                a[i][s * DIM] = (float) (slope * (s - STEPS / 2.0) / STEPS + 0.1 * r.nextGaussian());
                a[i][s * DIM + 1] = (float) r.nextGaussian();
                a[i][s * DIM + 2] = (float) r.nextGaussian();
            }
            for (int k = 0; k < 4; k++) {
                t[i][k] = (float) r.nextGaussian();
            }
            vad[i] = new double[] {Math.tanh(t[i][0]), Math.tanh(slope), Math.tanh(0.5 * slope)};
            cat[i] = slope < -0.4 ? 0 : slope < 0.4 ? 1 : 2;
        }
        return new TrainingData(a, t, vad, cat);
    }

    static NetworkSpec spec(String type, int categories) {
        return new NetworkSpec(FusionStrategy.CONCAT, new InputShape(STEPS, DIM), InputShape.vector(4),
                new BranchSpec(type, List.of(16), 0), BranchSpec.dense(16), List.of(16), List.of(), categories);
    }

    @Test
    void lstmAndGruBranchesLearnATemporalTarget() {
        TrainingData train = sequences(300, 1);
        TrainingData test = sequences(150, 2);
        TrainingSettings s = new TrainingSettings("adam", 5e-3, 32, 40, 0, 3, "cpu");
        for (String type : List.of("lstm", "gru")) {
            TrainedNetwork net = new NetworkTrainer(s, LossSpec.ccc(), null).train(spec(type, 0), train, null);
            try (var p = net.predictor()) {
                RawPrediction pred = p.predict(test.acoustic(), test.text());
                double cccA = RegressionMetrics.ccc(test.vad(), pred.vad(), 1);
                System.out.printf("%s CCC_A %.3f%n", type, cccA);
                assertTrue(cccA > 0.7, type + " CCC_A " + cccA);
            }
        }
    }

    @Test
    void categoricalHeadTrainsJointlyWithRegression() {
        TrainingData train = sequences(300, 4);
        TrainingData test = sequences(150, 5);
        TrainingSettings s = new TrainingSettings("rmsprop", 3e-3, 32, 40, 0, 3, "cpu");
        TrainedNetwork net = new NetworkTrainer(s, new LossSpec("ccc", 1, 1, 1.0, 0.5), null).train(spec("gru", 3), train, null);
        try (var p = net.predictor()) {
            RawPrediction pred = p.predict(test.acoustic(), test.text());
            int[] guess = new int[test.size()];
            for (int i = 0; i < guess.length; i++) {
                double[] pr = pred.probabilities()[i];
                guess[i] = pr[0] >= pr[1] && pr[0] >= pr[2] ? 0 : pr[1] >= pr[2] ? 1 : 2;
            }
            ClassificationMetrics m = ClassificationMetrics.of(List.of("low", "mid", "high"), test.category(), guess);
            System.out.printf("UAR %.3f CCC_V %.3f%n", m.uar(), RegressionMetrics.ccc(test.vad(), pred.vad(), 0));
            assertTrue(m.uar() > 0.7, "UAR " + m.uar());
            assertTrue(RegressionMetrics.ccc(test.vad(), pred.vad(), 0) > 0.7);
        }
    }
}
