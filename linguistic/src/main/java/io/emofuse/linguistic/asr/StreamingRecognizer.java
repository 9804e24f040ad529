package io.emofuse.linguistic.asr;

import io.emofuse.linguistic.Transcript;
import io.emofuse.linguistic.Word;
import java.util.ArrayList;
import java.util.List;
import org.vosk.Recognizer;

/**
 * One live recognition session (from {@link VoskTranscriber#openStream()}): feed 16 kHz mono signed
 * 16-bit little-endian PCM in pieces of any size with {@link #accept}, get partial hypotheses and
 * final segments back; Vosk decides where a segment ends (its endpointing: a pause after speech).
 * {@link #finish()} flushes the last segment and ends the session. Not for use by two threads at once
 * (calls are serialised to be safe); open one per client stream.
 *
 * <pre>{@code
 * try (StreamingRecognizer s = asr.openStream()) {
 *     while ((n = in.read(buf)) > 0) {
 *         for (AsrEvent e : s.accept(buf, n)) send(e);
 *     }
 *     for (AsrEvent e : s.finish()) send(e);
 * }
 * }</pre>
 *
 * Empty segments (an endpoint after silence or noise only) are not reported; a partial is reported
 * only when its text changes.
 */
public final class StreamingRecognizer implements AutoCloseable {

    private final RecognizerPool.Lease lease;
    private final Recognizer recognizer;
    private final int sampleRate;
    private final double offsetSeconds;
    private boolean closed;
    private byte[] buffer = new byte[0];
    /** Half a sample left over from the previous call (odd byte counts are legal over a socket). */
    private int carry = -1;
    private long samplesIn;
    private long segmentStartSample;
    private String lastPartial = "";
    private int maxAlternatives;

    /** A session on a pooled recogniser, which goes back to its pool when the session closes. */
    StreamingRecognizer(RecognizerPool.Lease lease, int sampleRate) {
        this.lease = lease;
        this.recognizer = lease.recognizer();
        this.sampleRate = sampleRate;
        this.offsetSeconds = lease.offsetSeconds(); // Vosk's word times count earlier sessions' audio
    }

    /** Seconds of audio accepted so far. */
    public synchronized double secondsAccepted() {
        return samplesIn / (double) sampleRate;
    }

    /**
     * Feeds {@code len} bytes of PCM from the start of {@code pcm}.
     *
     * @return the events this audio produced: at most one partial, or a final
     */
    public synchronized List<AsrEvent> accept(byte[] pcm, int len) {
        if (closed) {
            throw new IllegalStateException("stream already finished");
        }
        if (len < 0 || len > pcm.length) {
            throw new IllegalArgumentException("len " + len + " outside buffer of " + pcm.length + " bytes");
        }
        int total = len + (carry >= 0 ? 1 : 0);
        int even = total & ~1;
        if (buffer.length < even) {
            buffer = new byte[Math.max(even, 2 * buffer.length)];
        }
        int from = 0;
        if (carry >= 0 && even > 0) {
            buffer[0] = (byte) carry;
            System.arraycopy(pcm, 0, buffer, 1, even - 1);
            from = even - 1;
            carry = -1;
        } else if (carry < 0) {
            System.arraycopy(pcm, 0, buffer, 0, even);
            from = even;
        }
        if (from < len) {
            carry = pcm[from] & 0xff;
        }
        if (even == 0) {
            return List.of();
        }
        samplesIn += even / 2;
        if (recognizer.acceptWaveForm(buffer, even)) {
            return finalEvent(recognizer.getResult());
        }
        String partial = VoskResults.partialText(recognizer.getPartialResult());
        if (!partial.isEmpty() && !partial.equals(lastPartial)) {
            lastPartial = partial;
            return List.of(new AsrEvent.Partial(partial));
        }
        return List.of();
    }

    /**
     * Asks for Vosk's n-best list (up to {@code n} hypotheses; 0: none, the default) on the finals
     * from now on, as vosk-server's {@code max_alternatives}: {@link AsrEvent.Final#alternatives()}.
     */
    public synchronized void maxAlternatives(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("max alternatives must be >= 0, got " + n);
        }
        if (n != maxAlternatives && !closed) {
            recognizer.setMaxAlternatives(n);
            maxAlternatives = n;
        }
    }

    /**
     * Ends the current segment without ending the session (vosk-server's {@code reset}): its final
     * (if anything was said); later audio starts a new segment, word times still count from the
     * start of the session.
     */
    public synchronized List<AsrEvent> endSegment() {
        if (closed) {
            throw new IllegalStateException("stream already finished");
        }
        return finalEvent(recognizer.getFinalResult());
    }

    /** Ends the session: the last segment as a final (if anything was said), then frees the recogniser. */
    public synchronized List<AsrEvent> finish() {
        if (closed) {
            return List.of();
        }
        try {
            return finalEvent(recognizer.getFinalResult());
        } finally {
            close();
        }
    }

    private List<AsrEvent> finalEvent(String json) {
        List<AsrEvent.Alternative> alternatives = VoskResults.alternatives(json, offsetSeconds);
        Transcript t = alternatives.isEmpty() ? VoskResults.parse(json, offsetSeconds) : alternatives.get(0).transcript();
        double segStart = segmentStartSample / (double) sampleRate;
        double segEnd = samplesIn / (double) sampleRate;
        segmentStartSample = samplesIn;
        lastPartial = "";
        if (t.text().isEmpty()) {
            return List.of();
        }
        List<Word> w = t.words();
        double start = w.isEmpty() ? segStart : w.get(0).start();
        double end = w.isEmpty() ? segEnd : w.get(w.size() - 1).end();
        return List.of(new AsrEvent.Final(t, start, end, alternatives));
    }

    /** Hands the recogniser back (to the transcriber's pool); safe to call twice. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            lease.giveBack(samplesIn);
        }
    }
}
