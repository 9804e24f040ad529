package io.emofuse.server.bench;

import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The listener of a load-generating stream client: when the first final result arrived, the text of
 * any error message, and the close (code and moment). Matches message types by substring: parsing
 * JSON in the listener would load the client machine that measures the server.
 */
final class FinalTimer implements WebSocket.Listener {

    final CompletableFuture<Long> finalAt = new CompletableFuture<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    final StringBuffer error = new StringBuffer();
    private final StringBuilder text = new StringBuilder();
    private volatile long closedAt;

    @Override
    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            if (text.indexOf("\"type\":\"final\"") >= 0) {
                finalAt.complete(System.nanoTime());
            } else if (text.indexOf("\"type\":\"error\"") >= 0) {
                error.append(text);
            }
            text.setLength(0);
        }
        w.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
        closedAt = System.nanoTime();
        closed.complete(code);
        return null;
    }

    @Override
    public void onError(WebSocket w, Throwable t) {
        closed.completeExceptionally(t);
    }

    /** System.nanoTime() of the close; valid once {@link #closed} is complete. */
    long closedAt() {
        return closedAt;
    }
}
