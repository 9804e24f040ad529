package io.emofuse.training.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emofuse.fusion.input.SpeakerAdaptation;
import io.emofuse.fusion.nn.Normaliser;
import io.emofuse.training.config.TrainConfig;
import io.emofuse.training.manifest.ManifestRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Speaker-adapted training copies: what the server's online normalisation makes of each speaker. */
class OnlineAdaptationTest {

    private static final int PER_SPEAKER = 40;

    /** Speaker A's feature sits at +10, B's at -10, each with unit noise; row 80 has no speaker. */
    private final List<ManifestRow> rows = new ArrayList<>();
    private final float[][] table = new float[2 * PER_SPEAKER + 1][];

    OnlineAdaptationTest() {
        Random r = new Random(1);
        for (int i = 0; i < table.length; i++) {
            String speaker = i < PER_SPEAKER ? "A" : i < 2 * PER_SPEAKER ? "B" : null;
            rows.add(new ManifestRow(i + 2, "u" + i, null, "t", speaker, null, 3.0, 3.0, 3.0, null, null));
            double centre = speaker == null ? 0 : speaker.equals("A") ? 10 : -10;
            table[i] = new float[] {(float) (centre + r.nextGaussian())};
        }
    }

    private static int[] range(int from, int to) {
        return java.util.stream.IntStream.range(from, to).toArray();
    }

    @Test
    void eachSpeakerEndsCentredOnThePopulation() {
        int[] use = range(0, 2 * PER_SPEAKER);
        Normaliser population = Normaliser.fit(ModelTrainer.pick(table, use), 1);
        float[][] adapted = OnlineAdaptation.adapt(table, rows, use, population, 7);
        for (int speaker = 0; speaker < 2; speaker++) {
            double raw = 0;
            double out = 0;
            for (int i = speaker * PER_SPEAKER; i < (speaker + 1) * PER_SPEAKER; i++) {
                raw += table[i][0] / PER_SPEAKER;
                out += adapted[i][0] / PER_SPEAKER;
            }
            assertEquals(10, Math.abs(raw), 1, "raw speaker mean");
            // the population spread is ~10: a speaker-adapted row is ~(x - m_speaker) / 1 * 10 around 0;
            // early rows lean on the population prior, so the mean is near 0, not exactly 0
            assertTrue(Math.abs(out) < 3, "adapted speaker " + speaker + " mean " + out);
        }
        assertSame(table[2 * PER_SPEAKER], adapted[2 * PER_SPEAKER], "a row outside `use` is left as it is");
    }

    @Test
    void sameSeedSameCopyAndTheFirstUtteranceIsTheServersFirst() {
        int[] use = range(0, PER_SPEAKER);
        Normaliser population = Normaliser.fit(table, 1);
        float[][] a = OnlineAdaptation.adapt(table, rows, use, population, 3);
        float[][] b = OnlineAdaptation.adapt(table, rows, use, population, 3);
        float[][] c = OnlineAdaptation.adapt(table, rows, use, population, 4);
        boolean differs = false;
        for (int i : use) {
            assertArrayEquals(a[i], b[i], 0f);
            differs |= a[i][0] != c[i][0];
        }
        assertTrue(differs, "another seed, another order");
        // exactly one row of the speaker was adapted with no history: it equals the server's first utterance
        int matches = 0;
        for (int i : use) {
            float first = new SpeakerAdaptation(population, SpeakerAdaptation.DEFAULT_PRIOR_WEIGHT).adapt(table[i], false)[0];
            if (first == a[i][0]) {
                matches++;
            }
        }
        assertTrue(matches >= 1, "one row is scored as a speaker's first utterance");
    }

    @Test
    void configAcceptsCopiesOnlyForFunctionalsWithPopulationStatistics() {
        TrainConfig ok = ModelTrainerTest.config("acoustic");
        ok.features.speakerAdaptedCopies = 2;
        ok.validate();
        for (java.util.function.Consumer<TrainConfig> bad : List.<java.util.function.Consumer<TrainConfig>>of(
                c -> c.features.speakerAdaptedCopies = -1,
                c -> c.features.acoustic.speakerNormalise = true,
                c -> {
                    c.features.acoustic.kind = "lld";
                    c.features.acoustic.steps = 4;
                },
                c -> c.strategy = "text")) {
            TrainConfig c = ModelTrainerTest.config("acoustic");
            c.features.speakerAdaptedCopies = 1;
            bad.accept(c);
            assertTrue(assertThrows(IllegalArgumentException.class, c::validate).getMessage().contains("speaker_adapted_copies"));
        }
    }

    @Test
    void aNetworkTrainsWithAdaptedCopies() {
        LabelledData d = ModelTrainerTest.data();
        TrainConfig plain = ModelTrainerTest.config("acoustic");
        TrainConfig adapted = ModelTrainerTest.config("acoustic");
        adapted.features.speakerAdaptedCopies = 1;
        double without = ModelTrainerTest.run(plain, d).meanCcc();
        double with = ModelTrainerTest.run(adapted, d).meanCcc();
        // the synthetic speakers share one distribution: adapted copies must not cost much there
        assertTrue(with > without - 0.1, "with copies " + with + ", without " + without);
    }
}
