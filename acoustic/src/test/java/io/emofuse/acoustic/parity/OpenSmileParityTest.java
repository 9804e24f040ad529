package io.emofuse.acoustic.parity;

import io.emofuse.testsupport.SharedData;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parity with openSMILE's eGeMAPSv02 / GeMAPSv01b on the shared reference files
 * ({@code ../shared/data/opensmile-ref}): every functional meets the target
 * ({@link ParityTarget}); the figures are in docs/acoustic-parity.md.
 */
class OpenSmileParityTest {
    private static Path ref;
    private static Path data;

    @BeforeAll
    static void locate() {
        ref = SharedData.path("opensmile-ref", "inputs.txt").getParent();
        data = SharedData.data();
    }

    @Test
    void egemapsFunctionalsAndLldsMatchOpenSmile() throws Exception {
        ParityTarget.assertMet(ParityCheck.run(ref, data, "egemaps"), 50);
    }

    @Test
    void gemapsFunctionalsAndLldsMatchOpenSmile() throws Exception {
        ParityTarget.assertMet(ParityCheck.run(ref, data, "gemaps"), 50);
    }
}
