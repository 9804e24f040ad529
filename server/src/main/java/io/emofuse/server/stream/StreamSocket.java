package io.emofuse.server.stream;

import io.emofuse.analysis.EmotionAnalyzer;
import io.emofuse.analysis.stream.StreamEvent;
import io.emofuse.analysis.stream.StreamSession;
import io.emofuse.linguistic.asr.AsrBusyException;
import io.emofuse.linguistic.asr.StreamingRecognizer;
import io.emofuse.server.AnalysisPool;
import io.emofuse.server.ServerConfig;
import io.emofuse.server.ServerMetrics;
import io.emofuse.server.StreamAdmission;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import java.util.ArrayDeque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket stream on the event loop. Audio frames queue here and are decoded one job at a
 * time on the analysis pool (so a stream's audio stays in order while different streams decode in
 * parallel); results go back to the client from the event loop. Every way a client can misbehave
 * ends in a typed error message and a close code, never in an exception escaping.
 *
 * <p>Threading: every field is read and written only on the context (event loop) the socket was
 * accepted on: the handlers run there, jobs complete there ({@link AnalysisPool} futures complete
 * on the submitting context), and {@link #goingAway()}, the one method other threads call, hops
 * there first. So no field needs a lock; the session's recogniser is used by one job at a time.
 */
public final class StreamSocket {

    /** WebSocket close codes (RFC 6455 section 7.4.1). */
    static final short NORMAL = 1000;
    static final short GOING_AWAY = 1001;
    static final short UNSUPPORTED = 1003;
    static final short BAD_PAYLOAD = 1007;
    static final short POLICY = 1008;
    static final short TOO_BIG = 1009;
    static final short INTERNAL = 1011;
    static final short TRY_LATER = 1013;

    private static final Logger LOG = LoggerFactory.getLogger(StreamSocket.class);
    /** Audio queued beyond this many seconds pauses reading from the socket (back-pressure). */
    private static final double MAX_QUEUED_S = 5;

    private final Vertx vertx;
    /** The event loop this socket lives on; see the class comment. */
    private final Context context;
    private final ServerWebSocket ws;
    private final WireProtocol protocol;
    private final EmotionAnalyzer analyzer;
    private final AnalysisPool pool;
    private final ServerConfig config;
    private final ServerMetrics metrics;
    private final StreamAdmission.Ticket ticket;

    /** Audio waiting for the recogniser, with when it arrived (for the final-latency metric). */
    private final ArrayDeque<Frame> queue = new ArrayDeque<>();
    private long eofNanos;
    private long queuedBytes;
    private StreamSession session;
    /** Opened as the socket opens (creating one takes ~0.1 s), while the client sends its config. */
    private Future<StreamingRecognizer> recognizer;
    private int sampleRate;
    /** N-best size asked for before the session opened (applied when it opens). */
    private int maxAlternatives;
    private boolean audioSeen;
    private boolean eof;
    private boolean busy;
    private boolean ended;
    private long firstAudioNanos;
    private double secondsReceived;
    private long lastFrameNanos = System.nanoTime();
    private long idleTimer = -1;

    /** Audio ({@code command} null) or a command that must keep its place among the audio. */
    private record Frame(Buffer data, long arrivedNanos, WireProtocol.Command command) {
        Frame(Buffer data, long arrivedNanos) {
            this(data, arrivedNanos, null);
        }
    }

    public StreamSocket(Vertx vertx, ServerWebSocket ws, WireProtocol protocol, EmotionAnalyzer analyzer,
                        AnalysisPool pool, ServerConfig config, ServerMetrics metrics, StreamAdmission.Ticket ticket) {
        this.vertx = vertx;
        // Constructed in the upgrade's completion handler, i.e. on the connection's event loop.
        this.context = vertx.getOrCreateContext();
        this.ws = ws;
        this.protocol = protocol;
        this.sampleRate = protocol.defaultSampleRate();
        this.analyzer = analyzer;
        this.pool = pool;
        this.config = config;
        this.metrics = metrics;
        this.ticket = ticket;
    }

    /** Installs the handlers; the stream runs until eof, an error, or the client goes away. */
    public void start() {
        ws.frameHandler(this::onFrame);
        ws.exceptionHandler(e -> LOG.debug("stream {}: {}", ws.path(), e.toString()));
        ws.closeHandler(v -> onClosed());
        recognizer = pool.submitStream(analyzer::openStream);
        long idleMs = config.streamIdleTimeoutS() * 1000L;
        idleTimer = vertx.setPeriodic(Math.max(250, idleMs / 4), id -> {
            if (!busy && System.nanoTime() - lastFrameNanos > idleMs * 1_000_000L) {
                fail("idle_timeout", "no audio or message for " + config.streamIdleTimeoutS() + " s", POLICY);
            }
        });
    }

    private void onFrame(WebSocketFrame frame) {
        if (ended) {
            return;
        }
        lastFrameNanos = System.nanoTime();
        if (frame.isClose() || frame.isPing() || frame.type() == io.vertx.core.http.WebSocketFrameType.PONG) {
            return;
        }
        if (!frame.isFinal() || frame.isContinuation()) {
            fail("fragmented_frame", "send each message as one unfragmented frame", UNSUPPORTED);
            return;
        }
        Buffer data = frame.binaryData();
        if (data.length() > config.maxFrameBytes()) {
            fail("frame_too_large", "frame of " + data.length() + " bytes; the limit is " + config.maxFrameBytes(),
                    TOO_BIG);
            return;
        }
        if (frame.isText()) {
            onText(frame.textData());
        } else if (frame.isBinary()) {
            onAudio(data);
        }
    }

    private void onText(String text) {
        WireProtocol.Command cmd;
        try {
            cmd = protocol.parse(text);
        } catch (WireProtocol.BadMessage e) {
            fail(e.code(), e.getMessage(), e.code().equals("bad_config") ? UNSUPPORTED : BAD_PAYLOAD);
            return;
        }
        if (eof) {
            fail("after_eof", "nothing may follow eof", POLICY);
        } else if (cmd instanceof WireProtocol.Config c) {
            if (!audioSeen && session == null && queue.isEmpty()) {
                configure(c);
            } else if (protocol.configAnyTime()) {
                queue.add(new Frame(null, System.nanoTime(), c)); // applies after the audio before it
                pump();
            } else {
                fail("bad_config", "config must come before any audio", UNSUPPORTED);
            }
        } else if (cmd instanceof WireProtocol.Reset r) {
            queue.add(new Frame(null, System.nanoTime(), r));
            pump();
        } else {
            eof = true;
            eofNanos = System.nanoTime();
            pump();
        }
    }

    /** A config before the session opens: every setting applies. */
    private void configure(WireProtocol.Config c) {
        if (c.sampleRate() != null) {
            sampleRate = c.sampleRate();
        }
        if (c.maxAlternatives() != null) {
            maxAlternatives = c.maxAlternatives();
        }
        if (c.phrases() != null) {
            // The recogniser opened with the socket is free speech: swap it for one with this grammar.
            List<String> phrases = c.phrases();
            recognizer = recognizer.transform(ar -> {
                if (ar.succeeded()) {
                    ar.result().close();
                }
                return pool.submitStream(() -> analyzer.components().asr().openStream(phrases));
            });
        }
        protocol.apply(c);
    }

    /** A config after audio, in stream order: output options apply; rate and grammar are fixed by now. */
    private void reconfigure(WireProtocol.Config c) {
        if (c.maxAlternatives() != null) {
            session.maxAlternatives(c.maxAlternatives());
        }
        if (c.sampleRate() != null || c.phrases() != null) {
            LOG.debug("stream {}: sample_rate/phrase_list after audio ignored (as vosk-server does)", ws.path());
        }
        protocol.apply(c);
    }

    private void onAudio(Buffer data) {
        if (eof) {
            fail("after_eof", "audio after eof", POLICY);
            return;
        }
        long now = System.nanoTime();
        if (!audioSeen) {
            audioSeen = true;
            firstAudioNanos = now;
        }
        secondsReceived += data.length() / 2.0 / sampleRate;
        double elapsed = (now - firstAudioNanos) / 1e9;
        if (secondsReceived > config.maxRealtimeFactor() * elapsed + config.rateGraceS()) {
            fail("too_fast", String.format(java.util.Locale.ROOT,
                    "%.1f s of audio in %.1f s; streams may run at most %.1fx real time", secondsReceived, elapsed,
                    config.maxRealtimeFactor()), POLICY);
            return;
        }
        queue.add(new Frame(data, now));
        queuedBytes += data.length();
        if (queuedBytes > MAX_QUEUED_S * sampleRate * 2) {
            ws.pause();
        }
        pump();
    }

    /** Starts the next job when none is running: open the session, decode a frame, or finish. */
    private void pump() {
        if (busy || ended) {
            return;
        }
        if (session == null) {
            if (queue.isEmpty() && !eof) {
                return;
            }
            if (!recognizer.isComplete()) {
                busy = true;
                recognizer.onComplete(ar -> {
                    busy = false;
                    pump();
                });
                return;
            }
            if (recognizer.failed()) {
                Throwable t = recognizer.cause();
                if (t instanceof AsrBusyException) {
                    fail("busy", t.getMessage(), TRY_LATER);
                } else {
                    internal(t);
                }
                return;
            }
            session = new StreamSession(analyzer, recognizer.result(), sampleRate, config.emotionIntervalS());
            if (maxAlternatives > 0) {
                session.maxAlternatives(maxAlternatives); // a native setter: cheap on the event loop
            }
        }
        while (!queue.isEmpty() && queue.peek().command() instanceof WireProtocol.Config c) {
            queue.poll();
            reconfigure(c);
        }
        if (!queue.isEmpty() && queue.peek().command() instanceof WireProtocol.Reset) {
            long received = queue.poll().arrivedNanos();
            run(() -> session.endUtterance(), events -> {
                send(protocol.afterReset(events), events, received);
                pump();
            });
        } else if (!queue.isEmpty()) {
            Frame frame = protocol.answersEachMessage() || queue.size() == 1 ? queue.poll() : drainQueue();
            Buffer audio = frame.data();
            queuedBytes -= audio.length();
            if (queuedBytes <= MAX_QUEUED_S * sampleRate) {
                ws.resume();
            }
            long received = frame.arrivedNanos();
            run(() -> session.accept(audio.getBytes(), audio.length()), events -> {
                metrics.audioProcessed(audio.length() / 2.0 / sampleRate);
                send(protocol.afterAudio(events), events, received);
                pump();
            });
        } else if (eof) {
            long received = eofNanos;
            run(() -> session.finish(), events -> {
                send(protocol.afterEof(events), events, received);
                end(NORMAL, "eof");
            });
        }
    }

    /**
     * Queued audio as one buffer, up to about half a second: enough to cut per-job overhead when
     * behind, small enough that Vosk's endpointing still separates utterances.
     */
    private Frame drainQueue() {
        Buffer all = Buffer.buffer();
        long last = 0;
        while (!queue.isEmpty() && queue.peek().command() == null && all.length() < sampleRate) {
            Frame f = queue.poll();
            all.appendBuffer(f.data());
            last = f.arrivedNanos();
        }
        return new Frame(all, last);
    }

    private void run(java.util.concurrent.Callable<List<StreamEvent>> job,
                     io.vertx.core.Handler<List<StreamEvent>> then) {
        busy = true;
        Future<List<StreamEvent>> f = pool.submitStream(job);
        f.onComplete(ar -> {
            busy = false;
            if (ended) {
                return;
            }
            if (ar.failed()) {
                internal(ar.cause());
            } else {
                then.handle(ar.result());
            }
        });
    }

    /** Sends the messages; a final's latency counts from the arrival of the audio (or eof) that produced it. */
    private void send(List<String> messages, List<StreamEvent> events, long receivedNanos) {
        for (String m : messages) {
            ws.writeTextMessage(m);
        }
        if (events.stream().anyMatch(e -> e instanceof StreamEvent.Final)) {
            metrics.streamFinal(System.nanoTime() - receivedNanos);
        }
    }

    private void internal(Throwable t) {
        LOG.warn("stream failed", t);
        fail("internal", "the server could not process this stream: " + t.getClass().getSimpleName(), INTERNAL);
    }

    /** Sends a typed error and closes with {@code code}. */
    private void fail(String error, String detail, short code) {
        if (ended) {
            return;
        }
        ws.writeTextMessage(protocol.error(error, detail));
        end(code, error);
    }

    private void end(short code, String reason) {
        if (ended) {
            return;
        }
        ended = true;
        ws.close(code, reason);
        release();
    }

    private void onClosed() {
        ended = true;
        release();
    }

    /** Frees the recogniser (once no job uses it), the admission slot and the timer. */
    private void release() {
        if (idleTimer >= 0) {
            vertx.cancelTimer(idleTimer);
            idleTimer = -1;
        }
        if (busy) {
            // The running job still holds the session; retry once it completes.
            vertx.setTimer(20, id -> release());
            return;
        }
        if (session != null) {
            closeSessionQuietly(session);
            session = null;
        } else if (recognizer != null) {
            // Opened but never used (or still opening): free it once it exists.
            recognizer.onSuccess(StreamingRecognizer::close);
        }
        ticket.release();
    }

    private static void closeSessionQuietly(AutoCloseable s) {
        try {
            s.close();
        } catch (Exception e) {
            LOG.debug("closing stream session: {}", e.toString());
        }
    }

    /**
     * Server shutdown: tell the client and close (the running job, if any, is dropped when it
     * completes). Safe from any thread: it runs on this socket's own event loop.
     */
    public void goingAway() {
        context.runOnContext(v -> fail("shutting_down", "the server is shutting down", GOING_AWAY));
    }
}
