package io.emofuse.acoustic.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.emofuse.testsupport.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parity with openSMILE's eGeMAPSv02 / GeMAPSv01b on the shared reference files. Every
 * functional must meet the target (median relative error <= 1 %, Pearson r >= 0.999)
 * except the known misses listed here, which are held to the level they reach (and listed in
 * docs/acoustic-parity.md); a miss that starts passing makes this test fail so the list shrinks.
 */
class OpenSmileParityTest {

    /** Known misses: feature -> the Pearson r they reach at least. Their median rel. error still meets 1 %. */
    static final Map<String, Double> KNOWN_FUNCTIONAL_MISSES = Map.of(
            // the 220 Hz tone: its 2nd/3rd "harmonics" are numerical noise, mean H1-H2 ~ 0 amplifies it
            "logRelF0-H1-H2_sma3nz_stddevNorm", 0.98,
            // near-singular LPC polynomials: float rounding moves a few high-bandwidth roots
            "F3bandwidth_sma3nz_stddevNorm", 0.997);

    private static Path ref;
    private static Path data;

    @BeforeAll
    static void locate() {
        ref = SharedData.path("opensmile-ref", "inputs.txt").getParent();
        data = SharedData.data();
    }

    @Test
    void egemapsFunctionalsAndLldsMatchOpenSmile() throws Exception {
        check(ParityCheck.run(ref, data, "egemaps"));
    }

    @Test
    void gemapsFunctionalsAndLldsMatchOpenSmile() throws Exception {
        check(ParityCheck.run(ref, data, "gemaps"));
    }

    private static void check(ParityCheck.Result r) {
        assertEquals(50, r.files(), "reference files compared");
        assertEquals(0, r.lldRowMismatches(), "LLD row counts (frame alignment) differ from openSMILE's");
        List<String> failures = new ArrayList<>();
        for (FeatureAgreement f : r.functionals()) {
            Double known = KNOWN_FUNCTIONAL_MISSES.get(f.feature());
            if (known == null) {
                if (!f.meetsTarget()) {
                    failures.add(f.toString());
                }
            } else {
                if (f.meetsTarget()) {
                    failures.add("known miss now meets the target, remove it from the list: " + f);
                } else if (!(f.medianRelError() <= 0.01 && f.pearson() >= known)) {
                    failures.add("known miss got worse: " + f);
                }
            }
        }
        for (FeatureAgreement f : r.lld()) {
            // frame by frame: formants (ill-conditioned LPC roots) and the formant-linked H1-A3
            // deviate in a few frames; everything agrees to 1e-3 median and r >= 0.99
            if (!(f.medianRelError() <= 1e-3 && f.pearson() >= 0.99)) {
                failures.add("LLD " + f);
            }
        }
        assertTrue(failures.isEmpty(), r.set() + ":\n" + String.join("\n", failures));
    }
}
