package io.emofuse.server.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.emofuse.server.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Coverage-guided fuzzing of the server's YAML configuration (docs/reliability.md). Any file
 * content either loads to a valid config or fails with IllegalArgumentException, which the CLI
 * reports as a user error (exit 2) naming the file; anything else (an IOException for content,
 * a RuntimeException of another type) would surface as an internal error and is a crash.
 */
class ServerConfigFuzzTest {

    /**
     * The loader takes a path, so each input is written to this file. Under target/, not /tmp: a
     * fuzzing JVM that is killed leaves nothing outside the build.
     */
    private static final Path FILE = Path.of("target", "fuzz-files", "server.yaml");

    static {
        try {
            Files.createDirectories(FILE.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "10s")
    @DictionaryEntries({"host", "port", "model", "embedder", "features", "workers", "body_limit_bytes",
            "max_audio_seconds", "max_streams", "max_streams_per_client", "max_queued_requests", "request_timeout_s",
            "stream_idle_timeout_s", "max_frame_bytes", "max_realtime_factor", "rate_grace_s", "emotion_interval_s",
            "api_keys", "api_keys_env", "cors_origins", "audio_roots", "shutdown_grace_s", "retry_after_s", ": ",
            "- ", "[", "]", "{", "}", "&a", "*a", "!!", "~", "---"})
    void yaml(byte[] data) throws IOException {
        Files.write(FILE, data);
        ServerConfig c;
        try {
            c = ServerConfig.load(FILE);
        } catch (IllegalArgumentException expected) {
            // the documented outcome: a user error naming the file and the problem
            return;
        }
        check(c != null, "null config");
        check(c.port() >= 0 && c.port() <= 65535, "port " + c.port());
        check(c.maxFrameBytes() > 0 && c.bodyLimitBytes() > 0 && c.maxStreams() > 0 && c.maxStreamsPerClient() > 0,
                "non-positive limit accepted");
        check(c.workers() > 0, "workers " + c.workers());
        check(c.apiKeys() != null && c.corsOrigins() != null && c.audioRoots() != null, "null list");
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
