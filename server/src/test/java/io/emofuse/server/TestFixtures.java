package io.emofuse.server;

import io.emofuse.analysis.ComponentLoader;
import io.emofuse.analysis.EmotionAnalyzer;
import io.emofuse.linguistic.models.ModelStore;
import io.emofuse.testsupport.SharedData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What the server tests share: the RAVDESS data in ../shared (tests skip without it) and one
 * analyser with the real Vosk model, loaded once per test JVM and reused by every test server.
 */
public final class TestFixtures {

    private static EmotionAnalyzer shared;

    private TestFixtures() {
    }

    /** ../shared/data/ravdess, or the test is skipped. */
    public static Path ravdess() {
        return SharedData.ravdess();
    }

    /** A RAVDESS file: statement 01 is "Kids are talking by the door", 02 "Dogs are sitting by the door". */
    public static Path wav(String name) {
        return SharedData.ravdessWav(name);
    }

    /** The analyser every test server uses (Vosk, no emotion model). */
    public static synchronized EmotionAnalyzer analyzer() {
        ravdess();
        if (shared == null) {
            shared = ComponentLoader.load(ServerConfig.defaults().with(Map.of("max_streams", 24, "workers", 2)).analysis(),
                    ModelStore.fromEnvironment());
        }
        return shared;
    }

    /**
     * A server on an ephemeral port with {@code overrides} applied to the defaults, sharing the
     * analyser; it is not closed when the server stops.
     */
    public static EmofuseServer server(Map<String, ?> overrides) throws Exception {
        EmotionAnalyzer a = analyzer();
        ServerConfig cfg = ServerConfig.defaults().with(Map.of("port", 0, "host", "127.0.0.1", "workers", 2))
                .with(overrides);
        EmofuseServer s = EmofuseServer.start(cfg, () -> a, false);
        s.awaitReady(Duration.ofMinutes(2));
        return s;
    }
}
