package io.emofuse.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A test WebSocket client: records every text message and the close code the server sent. */
final class WsClient implements WebSocket.Listener {

    final LinkedBlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    final List<JsonNode> all = java.util.Collections.synchronizedList(new ArrayList<>());
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partialText = new StringBuilder();
    WebSocket ws;

    static WsClient connect(int port, String path) throws Exception {
        WsClient c = new WsClient();
        c.ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + path), c).get(10, TimeUnit.SECONDS);
        return c;
    }

    void text(String s) {
        ws.sendText(s, true).join();
    }

    void binary(byte[] b, int off, int len) {
        ws.sendBinary(ByteBuffer.wrap(b, off, len), true).join();
    }

    /** Sends s16le PCM in 100 ms chunks, paced at real time when {@code realTime}. */
    void pcm(byte[] pcm, int rate, boolean realTime) throws InterruptedException {
        int chunk = rate / 10 * 2;
        long t0 = System.nanoTime();
        for (int off = 0; off < pcm.length; off += chunk) {
            binary(pcm, off, Math.min(chunk, pcm.length - off));
            if (realTime) {
                long due = t0 + (long) ((off + chunk) / 2.0 / rate * 1e9);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
        }
    }

    /** The close code, waiting up to {@code seconds}. */
    int awaitClose(int seconds) throws Exception {
        return closed.get(seconds, TimeUnit.SECONDS);
    }

    JsonNode next(int seconds) throws InterruptedException {
        return messages.poll(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partialText.append(data);
        if (last) {
            try {
                JsonNode n = Http.JSON.readTree(partialText.toString());
                all.add(n); // before the queue: a reader woken by the queue must find it in all
                messages.add(n);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("server sent non-JSON: " + partialText, e);
            }
            partialText.setLength(0);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }
}
