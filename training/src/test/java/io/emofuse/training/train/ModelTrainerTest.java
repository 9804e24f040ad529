package io.emofuse.training.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emofuse.fusion.Emotion;
import io.emofuse.training.Synthetic;
import io.emofuse.training.config.TrainConfig;
import io.emofuse.training.eval.Evaluator;
import io.emofuse.training.eval.FoldResult;
import io.emofuse.training.manifest.ManifestRow;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Strategies on data with known structure (valence from the text features only, arousal and
 * dominance from the acoustic ones only; labels on a 1-5 scale): every fusion must beat both
 * unimodal models in mean CCC on held-out speakers.
 */
class ModelTrainerTest {

    static final int N = 360;

    static LabelledData data() {
        TrainingData s = Synthetic.make(N, 5);
        List<ManifestRow> rows = new ArrayList<>();
        double[][] vad = new double[N][];
        for (int i = 0; i < N; i++) {
            rows.add(new ManifestRow(i + 2, "u" + i, null, null, "spk" + (i % 6), null, null, null, null, null, null));
            vad[i] = new double[] {3 + 2 * s.vad()[i][0], 3 + 2 * s.vad()[i][1], 3 + 2 * s.vad()[i][2]};
        }
        return new LabelledData(rows, s.acoustic(), s.text(), vad, List.of(), null);
    }

    static TrainConfig config(String strategy) {
        TrainConfig c = new TrainConfig();
        c.strategy = strategy;
        c.features.acoustic.set = "synthetic";
        c.features.text.embedder = "synthetic";
        c.model.acoustic.hidden = List.of(32);
        c.model.text.hidden = List.of(32);
        c.model.acoustic.dropout = 0.1;
        c.model.text.dropout = 0.1;
        c.model.fusion = List.of(32);
        c.model.late.innerFolds = 3;
        c.training.epochs = 40;
        c.training.patience = 10;
        c.training.learningRate = 3e-3;
        c.training.device = "cpu";
        c.training.devFraction = 0.2;
        c.validate();
        return c;
    }

    /** Trains on speakers 0-3, tests on speakers 4-5. */
    static FoldResult run(TrainConfig c, LabelledData d) {
        int[] train = IntStream.range(0, N).filter(i -> i % 6 < 4).toArray();
        int[] test = IntStream.range(0, N).filter(i -> i % 6 >= 4).toArray();
        try (TrainedModel m = new ModelTrainer(c, null).train(d, train, new int[0])) {
            List<Emotion> p = m.model().predictAll(ModelTrainer.pick(d.acoustic(), test), ModelTrainer.pick(d.text(), test));
            return Evaluator.score(c.strategy, "spk4+spk5", d, test, p, false);
        }
    }

    @Test
    void everyFusionBeatsBothUnimodalModels() {
        LabelledData d = data();
        double acoustic = run(config("acoustic"), d).meanCcc();
        double text = run(config("text"), d).meanCcc();
        System.out.printf("acoustic %.3f text %.3f%n", acoustic, text);
        for (String s : List.of("early", "concat", "hierarchical", "late")) {
            FoldResult r = run(config(s), d);
            System.out.printf("%s %.3f (V %.3f A %.3f D %.3f)%n", s, r.meanCcc(), r.dimensions().get(0).ccc(),
                    r.dimensions().get(1).ccc(), r.dimensions().get(2).ccc());
            assertTrue(r.meanCcc() > Math.max(acoustic, text) + 0.05, s + " " + r.meanCcc() + " vs " + acoustic + "/" + text);
        }
    }

    @Test
    void lateFusionStages() {
        LabelledData d = data();
        for (String stage : List.of("linear", "mean")) {
            TrainConfig c = config("late");
            c.model.late.stage = stage;
            FoldResult r = run(c, d);
            System.out.printf("late/%s %.3f%n", stage, r.meanCcc());
            // mean halves each signal with a modality that knows nothing of it; linear learns whom to trust
            assertTrue(r.meanCcc() > (stage.equals("linear") ? 0.7 : 0.3), stage + " " + r.meanCcc());
        }
    }

    @Test
    void categoriesOnlyLikeRavdess() {
        LabelledData d = data();
        int[] cat = new int[N];
        for (int i = 0; i < N; i++) {
            cat[i] = d.vad()[i][1] < 2.5 ? 0 : d.vad()[i][1] < 3.5 ? 1 : 2; // arousal bands: the voice knows them
        }
        LabelledData cats = new LabelledData(d.rows(), d.acoustic(), d.text(), null, List.of("calm", "neutral", "angry"), cat);
        TrainConfig c = config("concat");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new ModelTrainer(c, null).train(cats, IntStream.range(0, 200).toArray(), new int[0]));
        c.model.categoryHead = true;
        int[] test = IntStream.range(0, N).filter(i -> i % 6 >= 4).toArray();
        int[] train = IntStream.range(0, N).filter(i -> i % 6 < 4).toArray();
        try (TrainedModel m = new ModelTrainer(c, null).train(cats, train, new int[0])) {
            List<Emotion> p = m.model().predictAll(ModelTrainer.pick(d.acoustic(), test), ModelTrainer.pick(d.text(), test));
            assertTrue(Double.isNaN(p.get(0).valence()), "no V/A/D head was trained");
            FoldResult r = Evaluator.score("concat", "f", cats, test, p, true);
            System.out.printf("categories only: UAR %.3f%n", r.classification().uar());
            assertTrue(r.classification().uar() > 0.6, "UAR " + r.classification().uar());
        }
    }

    @Test
    void labelsComeBackOnTheirOwnScale() {
        LabelledData d = data();
        TrainConfig c = config("concat");
        int[] test = IntStream.range(200, N).toArray();
        try (TrainedModel m = new ModelTrainer(c, null).train(d, IntStream.range(0, 200).toArray(), new int[0])) {
            List<Emotion> p = m.model().predictAll(ModelTrainer.pick(d.acoustic(), test), ModelTrainer.pick(d.text(), test));
            double meanA = p.stream().mapToDouble(Emotion::arousal).average().orElseThrow();
            double trueA = IntStream.of(test).mapToDouble(i -> d.vad()[i][1]).average().orElseThrow();
            assertEquals(trueA, meanA, 0.3, "arousal comes back on the labels' 1-5 scale");
            assertEquals(1, m.networks().size());
        }
    }
    @Test
    void anEnsembleTrainsOneNetworkPerSeedAndRefusesWhatItCannotAverage() {
        TrainConfig c = config("acoustic");
        c.training.ensemble = 2;
        c.validate();
        LabelledData d = data();
        int[] train = IntStream.range(0, N).filter(i -> i % 6 < 4).toArray();
        try (TrainedModel m = new ModelTrainer(c, null).train(d, train, new int[0])) {
            assertEquals(List.of("main", "main-2"), List.copyOf(m.networks().keySet()));
            assertEquals(List.of("main", "main-2"), List.copyOf(m.curves().keySet()));
        }
        for (int bad : new int[] {0, 17}) {
            TrainConfig b = config("acoustic");
            b.training.ensemble = bad;
            assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, b::validate)
                    .getMessage().contains("training.ensemble"));
        }
        TrainConfig late = config("late");
        late.training.ensemble = 3;
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, late::validate)
                .getMessage().contains("late"));
    }
}
