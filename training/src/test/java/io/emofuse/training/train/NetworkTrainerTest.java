package io.emofuse.training.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emofuse.fusion.FusionStrategy;
import io.emofuse.fusion.nn.BranchSpec;
import io.emofuse.fusion.nn.InputShape;
import io.emofuse.fusion.nn.LossSpec;
import io.emofuse.fusion.nn.NetworkSpec;
import io.emofuse.fusion.nn.RawPrediction;
import io.emofuse.training.Synthetic;
import io.emofuse.training.eval.RegressionMetrics;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkTrainerTest {

    static final TrainingSettings FAST = new TrainingSettings("adam", 3e-3, 32, 40, 0, 7, "cpu");

    static NetworkSpec spec(FusionStrategy s) {
        return new NetworkSpec(s, InputShape.vector(Synthetic.ACOUSTIC_DIM), InputShape.vector(Synthetic.TEXT_DIM),
                BranchSpec.dense(32), BranchSpec.dense(32), List.of(32), List.of(), 0);
    }

    static double[] testCcc(FusionStrategy s, TrainingSettings settings) {
        TrainingData train = Synthetic.make(400, 1);
        TrainingData test = Synthetic.make(200, 2);
        TrainedNetwork net = new NetworkTrainer(settings, LossSpec.ccc(), null).train(spec(s), train, test);
        try (var p = net.predictor()) {
            RawPrediction pred = p.predict(test.acoustic(), test.text());
            return new double[] {RegressionMetrics.ccc(test.vad(), pred.vad(), 0),
                RegressionMetrics.ccc(test.vad(), pred.vad(), 1), RegressionMetrics.ccc(test.vad(), pred.vad(), 2)};
        }
    }

    @Test
    void concatLearnsEachDimensionFromItsModality() {
        double[] ccc = testCcc(FusionStrategy.CONCAT, FAST);
        System.out.printf("concat CCC %.3f %.3f %.3f%n", ccc[0], ccc[1], ccc[2]);
        for (double c : ccc) {
            assertTrue(c > 0.7, "CCC " + c);
        }
    }

    @Test
    void acousticOnlyCannotSeeValence() {
        double[] ccc = testCcc(FusionStrategy.ACOUSTIC, FAST);
        System.out.printf("acoustic CCC %.3f %.3f %.3f%n", ccc[0], ccc[1], ccc[2]);
        assertTrue(ccc[0] < 0.3, "valence lives in the text only, yet CCC_V = " + ccc[0]);
        assertTrue(ccc[1] > 0.7, "CCC_A " + ccc[1]);
    }

    @Test
    void sameSeedSameDataSameMetrics() {
        TrainingSettings s = new TrainingSettings("adam", 3e-3, 32, 5, 0, 11, "cpu");
        assertEquals(java.util.Arrays.toString(testCcc(FusionStrategy.HIERARCHICAL, s)),
                java.util.Arrays.toString(testCcc(FusionStrategy.HIERARCHICAL, s)));
    }
}
