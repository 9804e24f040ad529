package io.emofuse.server;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

/** One HTTP server instance on its own event loop; {@link EmofuseServer} deploys one per core. */
final class HttpVerticle extends VerticleBase {

    private final HttpApi api;
    private final ServerConfig config;
    private final int port;
    private HttpServer server;

    HttpVerticle(HttpApi api, ServerConfig config, int port) {
        this.api = api;
        this.config = config;
        this.port = port;
    }

    @Override
    public Future<?> start() {
        // Frames are checked against max_frame_bytes in the handler (to answer with a typed error);
        // Netty's own limit sits well above it only to bound memory (beyond it Netty closes with 1009
        // without our message).
        int frameCap = (int) Math.min(Integer.MAX_VALUE / 2, Math.max(config.maxFrameBytes() * 8L, 65_536));
        HttpServerOptions opts = new HttpServerOptions()
                .setMaxWebSocketFrameSize(frameCap)
                .setMaxWebSocketMessageSize(frameCap)
                .setIdleTimeout(Math.max(config.requestTimeoutS(), config.streamIdleTimeoutS()) * 2)
                .setCompressionSupported(true);
        server = vertx.createHttpServer(opts).requestHandler(api.router(vertx))
                .invalidRequestHandler(api::invalidRequest);
        return server.listen(port, config.host());
    }

    int actualPort() {
        return server.actualPort();
    }
}
