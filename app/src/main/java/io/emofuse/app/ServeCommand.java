package io.emofuse.app;

import io.emofuse.linguistic.models.ModelStore;
import io.emofuse.analysis.ComponentLoader;
import io.emofuse.analysis.EmotionModelLocator;
import io.emofuse.server.EmofuseServer;
import io.emofuse.analysis.EmotionModel;
import io.emofuse.server.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code emofuse serve}: the REST + WebSocket server. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the HTTP server: REST analysis, WebSocket streaming (/v1/stream, /v1/vosk), batch "
                + "scoring (/v1/score), metrics and the demo page at /.",
        footer = {"", "Examples:",
            "  emofuse serve                                  port 8080, configs/server.yaml if present",
            "  emofuse serve --port 9000 --model models/fusion-default",
            "  EMOFUSE_API_KEYS=k1,k2 emofuse serve          require 'Authorization: Bearer k1' (or k2)",
            "", "SIGTERM / Ctrl-C drains: new requests get 503, work in flight finishes (shutdown_grace_s)."})
final class ServeCommand implements Callable<Integer> {

    static final Path DEFAULT_CONFIG = Path.of("configs", "server.yaml");

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port (default: config, else 8080).")
    Integer port;

    @Option(names = "--host", paramLabel = "ADDR", description = "Interface to bind (default: config, else 0.0.0.0).")
    String host;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML config (default: configs/server.yaml if it exists).")
    Path config;

    @Option(names = "--model", paramLabel = "DIR", description = "Emotion model: a bundle directory, a catalogued name or none (default: config 'model', else 'default').")
    Path model;

    @Option(names = "--workers", paramLabel = "N", description = "Analysis threads (default: config, else one per core).")
    Integer workers;

    @Override
    public Integer call() throws Exception {
        ServerConfig cfg = loadConfig(config);
        Map<String, Object> overrides = new HashMap<>();
        if (port != null) {
            overrides.put("port", port);
        }
        if (host != null) {
            overrides.put("host", host);
        }
        if (model != null) {
            overrides.put("model", model);
        }
        if (workers != null) {
            overrides.put("workers", workers);
        }
        ServerConfig effective = withDefaultModel(cfg.with(overrides));
        ModelStore store = ModelStore.fromEnvironment();
        // The emotion model loads before the port opens: a missing or corrupt bundle fails here with
        // one line, not in the background loader after clients were told we are listening.
        EmotionModel model = effective.model() == null ? null : loadModel(effective.model(), store);
        EmofuseServer server;
        try {
            server = EmofuseServer.start(effective, () -> ComponentLoader.load(effective.analysis(), store, model));
        } catch (Exception e) {
            if (model != null) {
                model.close();
            }
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(Duration.ofSeconds(effective.shutdownGraceS()));
            stopped.countDown();
        }, "emofuse-shutdown"));
        spec.commandLine().getErr().printf("emofuse: listening on http://%s:%d (models loading; see /ready)%n",
                effective.host(), server.port());
        spec.commandLine().getErr().flush();
        try {
            server.awaitReady(Duration.ofMinutes(10));
            spec.commandLine().getErr().println("emofuse: ready");
        } catch (Exception e) {
            server.stop(Duration.ZERO);
            throw new UserError("models failed to load: " + e.getMessage(), e);
        }
        stopped.await();
        return 0;
    }

    /** The bundle {@code given} names (a directory or a catalogued name), or a one-line UserError. */
    static EmotionModel loadModel(Path given, ModelStore store) {
        Path dir;
        try {
            dir = EmotionModelLocator.locate(given, store);
        } catch (RuntimeException e) {
            throw new UserError(e.getMessage(), e);
        }
        try {
            return EmotionModel.load(dir);
        } catch (IOException | RuntimeException e) {
            String where = dir.equals(given) ? given.toString() : given + " (" + dir + ")";
            throw new UserError("cannot load emotion model " + where + ": " + firstLine(e), e);
        }
    }

    /** The first line of the first message in the cause chain, else the exception's type (never "null"). */
    private static String firstLine(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage().lines().findFirst().orElse("");
            }
        }
        return e.getClass().getSimpleName() + " (damaged or incomplete files)";
    }

    /** The shipped default model unless the config or --model names another; "none": no emotion. */
    static ServerConfig withDefaultModel(ServerConfig c) {
        if (c.model() == null) {
            return c.with("model", Path.of(EmotionModelLocator.DEFAULT));
        }
        return c.model().toString().equals(EmotionModelLocator.NONE) ? c.with("model", null) : c;
    }

    /** The named config, else configs/server.yaml when present, else the defaults. */
    static ServerConfig loadConfig(Path file) throws java.io.IOException {
        Path f = file != null ? file : Files.isRegularFile(DEFAULT_CONFIG) ? DEFAULT_CONFIG : null;
        if (f == null) {
            return ServerConfig.defaults();
        }
        try {
            return ServerConfig.load(f);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
    }
}
