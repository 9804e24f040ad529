package io.emofuse.fusion.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.emofuse.fusion.nn.Normaliser;
import org.junit.jupiter.api.Test;

class SpeakerAdaptationTest {

    private static final Normaliser POPULATION = new Normaliser(new double[] {0, 10}, new double[] {1, 2});

    @Test
    void firstUtteranceIsShrunkTowardsThePopulationByThePriorWeight() {
        SpeakerAdaptation s = new SpeakerAdaptation(POPULATION, 3);
        float[] out = s.adapt(new float[] {2, 10}, true);
        // feature 0: m = (3*0 + 2)/4 = 0.5, var = (3*(1 + 0) + 4)/4 - 0.25 = 1.5, z = 1.5/sqrt(1.5)
        assertEquals(Math.sqrt(1.5), out[0], 1e-6);
        // feature 1 at the population mean stays there
        assertEquals(10, out[1], 1e-6);
        assertEquals(1, s.utterances());
    }

    @Test
    void aSpeakersOwnAverageMapsToThePopulationAverage() {
        // A voice 3 sd above the population on feature 0 and varying by +-1 around its own mean.
        SpeakerAdaptation s = new SpeakerAdaptation(POPULATION, 3);
        for (int i = 0; i < 400; i++) {
            s.adapt(new float[] {3 + (i % 2 == 0 ? 1 : -1), 10}, true);
        }
        float[] atOwnMean = s.adapt(new float[] {3, 10}, false);
        assertEquals(0, atOwnMean[0], 0.05, "the speaker's usual value reads as the population's usual value");
        float[] oneSdUp = s.adapt(new float[] {4, 10}, false);
        assertEquals(1, oneSdUp[0], 0.05, "one of the speaker's sd reads as one population sd");
    }

    @Test
    void aProvisionalLookLeavesTheStatisticsAlone() {
        SpeakerAdaptation s = new SpeakerAdaptation(POPULATION, 3);
        s.adapt(new float[] {1, 12}, true);
        float[] first = s.adapt(new float[] {-1, 8}, false);
        float[] again = s.adapt(new float[] {-1, 8}, false);
        assertArrayEquals(first, again);
        assertEquals(1, s.utterances());
    }

    @Test
    void refusesRowsOfAnotherWidthAndABadPrior() {
        SpeakerAdaptation s = new SpeakerAdaptation(POPULATION, 3);
        assertThrows(IllegalArgumentException.class, () -> s.adapt(new float[3], true));
        assertThrows(IllegalArgumentException.class, () -> new SpeakerAdaptation(POPULATION, 0));
    }
}
