package io.emofuse.acoustic.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

/** The parity target, asserted on one {@link ParityCheck} result (any reference set). */
final class ParityTarget {
    private ParityTarget() {
    }

    /**
     * Every functional: median relative error <= 1 % and Pearson r >= 0.999. Every LLD, frame by
     * frame over all frames: median relative error <= 1e-5 and r >= 0.9999 (they agree to openSMILE's
     * float rounding, ~1e-7, formants included).
     */
    static void assertMet(ParityCheck.Result r, int expectedFiles) {
        assertEquals(expectedFiles, r.files(), "reference files compared");
        assertEquals(0, r.lldRowMismatches(), "LLD row counts (frame alignment) differ from openSMILE's");
        List<String> failures = new ArrayList<>();
        for (FeatureAgreement f : r.functionals()) {
            if (!f.meetsTarget()) {
                failures.add(f.toString());
            }
        }
        for (FeatureAgreement f : r.lld()) {
            if (f.count() > 0 && !(f.medianRelError() <= 1e-5 && f.pearson() >= 0.9999)) {
                failures.add("LLD " + f);
            }
        }
        assertTrue(failures.isEmpty(), r.set() + ":\n" + String.join("\n", failures));
    }
}
