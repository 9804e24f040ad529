package io.emofuse.server;

import io.emofuse.analysis.ComponentLoader;
import io.emofuse.linguistic.models.ModelStore;
import java.time.Duration;
import java.util.Map;

/**
 * A real server in a process of its own, stopped as {@code emofuse serve} is: a shutdown hook
 * (SIGTERM, Ctrl-C) calling {@link EmofuseServer#stop} with the configured grace (30 s). Prints
 * {@code PORT n} once listening. Used by {@link ShutdownSignalTest}.
 */
public final class ServerProcessMain {

    private ServerProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        ServerConfig cfg = ServerConfig.defaults().with(Map.of("port", 0, "host", "127.0.0.1", "workers", 1,
                "max_streams", 2, "warmup", false));
        EmofuseServer server = EmofuseServer.start(cfg,
                () -> ComponentLoader.load(cfg.analysis(), ModelStore.fromEnvironment()));
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> server.stop(Duration.ofSeconds(cfg.shutdownGraceS())), "emofuse-shutdown"));
        System.out.println("PORT " + server.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
