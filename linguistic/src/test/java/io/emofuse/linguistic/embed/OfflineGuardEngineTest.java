package io.emofuse.linguistic.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.util.Utils;
import io.emofuse.linguistic.models.ModelStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * DJL must be offline and untracked at the moment its ONNX Runtime engine starts. The real check
 * runs in a child JVM whose environment and system properties have none of the switches (the test
 * JVM gets them from the build), so only our guard can turn them on.
 */
class OfflineGuardEngineTest {

    /** Child entry point: load an emofuse DJL class, start the engine, report what DJL sees. */
    public static void main(String[] args) {
        System.out.println("before=" + Utils.isOfflineMode() + "," + Utils.getEnvOrSystemProperty("OPT_OUT_TRACKING"));
        try (var e = new OnnxTextEmbedder("minilm", Path.of(args[0], "all-minilm-l6-v2.onnx"),
                Path.of(args[0], "all-minilm-l6-v2-tokenizer.json"), Pooling.MEAN, 1, 1)) {
            Engine engine = Engine.getEngine("OnnxRuntime");
            System.out.println("engine=" + engine.getEngineName());
            System.out.println("after=" + Utils.isOfflineMode() + "," + Utils.getEnvOrSystemProperty("OPT_OUT_TRACKING")
                    + "," + System.getProperty("ai.djl.onnx.disable_alternative"));
        }
    }

    @Test
    void engineStartsOnlyWithOfflineAndTrackingOptOutInForce() throws Exception {
        Path minilm = ModelStore.fromEnvironment().resolve("minilm");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OfflineGuardEngineTest.class.getName(), minilm.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("DJL_OFFLINE");
        pb.environment().remove("OPT_OUT_TRACKING");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM hung");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("before=false,null"), "the child must start without the switches:\n" + out);
        assertTrue(out.contains("engine=OnnxRuntime"), out);
        assertTrue(out.contains("after=true,true,true"), out);
    }

    @Test
    void inThisJvmTheEngineSeesBothSwitches() throws IOException {
        io.emofuse.linguistic.models.OfflineGuard.enforce();
        Engine engine = Engine.getEngine("OnnxRuntime");
        assertEquals("OnnxRuntime", engine.getEngineName());
        assertTrue(Utils.isOfflineMode(), "DJL offline mode not in force");
        assertEquals("true", Utils.getEnvOrSystemProperty("OPT_OUT_TRACKING"));
    }
}
