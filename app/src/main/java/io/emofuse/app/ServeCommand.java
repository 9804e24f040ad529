package io.emofuse.app;

import io.emofuse.linguistic.models.ModelStore;
import io.emofuse.analysis.ComponentLoader;
import io.emofuse.analysis.Defaults;
import io.emofuse.server.EmofuseServer;
import io.emofuse.analysis.EmotionModel;
import io.emofuse.server.ServerConfig;
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
            "  emofuse serve --port 9000 --model default --workers 2",
            "  emofuse serve --model none                     transcripts only, no emotion model",
            "  EMOFUSE_API_KEYS=k1,k2 emofuse serve          require 'Authorization: Bearer k1' (or k2)",
            "", "SIGTERM / Ctrl-C drains: new requests get 503, work in flight finishes (shutdown_grace_s)."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", converter = Numbers.Port.class, description = "TCP port (default: config, else 8080).")
    Integer port;

    @Option(names = "--host", paramLabel = "ADDR", description = "Interface to bind (default: config, else 0.0.0.0).")
    String host;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML config (default: configs/server.yaml if it exists).")
    Path config;

    @Option(names = "--model", paramLabel = "DIR", description = "Emotion model: a bundle directory, a catalogued name or none (default: config 'model', else 'default').")
    Path model;

    @Option(names = "--workers", paramLabel = "N", converter = Numbers.AtLeastOne.class, description = "Analysis threads (default: config, else one per core).")
    Integer workers;

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", description = "Where the emotion model runs (default: auto, a GPU when PyTorch sees one).")
    String device;

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
        if (workers != null) {
            overrides.put("workers", workers);
        }
        ServerConfig effective = withDefaultModel(cfg.with(overrides), model);
        ModelStore store = ModelStore.fromEnvironment();
        // The emotion model loads, and one the server cannot serve is refused, before the port opens:
        // a missing, corrupt or speaker-normalised bundle fails here with one line, not in the
        // background loader after clients were told we are listening.
        EmotionModel model = effective.model() == null ? null : ModelLoading.load(effective.model(), store,
                "the server hears each stream's speaker for the first time, so it cannot normalise within that speaker",
                device);
        EmofuseServer server;
        try {
            server = EmofuseServer.start(effective, () -> ComponentLoader.load(effective.analysis(), store, model));
        } catch (Exception e) {
            if (model != null) {
                model.close();
            }
            Throwable bind = cause(e, java.net.BindException.class);
            if (bind != null) {
                throw new UserError("cannot listen on " + effective.host() + ":" + effective.port() + " ("
                        + bind.getMessage() + "): another program holds the port; choose another with --port", e);
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

    private static Throwable cause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    /** The model {@link Defaults#model} picks from --model and the config; "none": no emotion. */
    static ServerConfig withDefaultModel(ServerConfig c, Path given) {
        return c.with("model", Defaults.model(given, c.model()));
    }

    /** The config {@link Defaults#configFile} picks, else the built-in defaults; a bad one is a UserError. */
    static ServerConfig loadConfig(Path file) throws java.io.IOException {
        Path f = Defaults.configFile(file);
        if (f == null) {
            return ServerConfig.defaults();
        }
        OutputFiles.checkReadable(f, "--config", "YAML config");
        try {
            return ServerConfig.load(f);
        } catch (IllegalArgumentException e) {
            throw new UserError(f + ": " + UserErrors.forInput(e), e);
        }
    }
}
