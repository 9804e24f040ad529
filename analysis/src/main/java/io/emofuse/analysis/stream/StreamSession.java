package io.emofuse.analysis.stream;

import io.emofuse.analysis.EmotionAnalyzer;
import io.emofuse.acoustic.AudioTooShortException;
import io.emofuse.acoustic.audio.Audio;
import io.emofuse.fusion.Emotion;
import io.emofuse.fusion.Modalities;
import io.emofuse.fusion.input.SpeakerAdaptation;
import io.emofuse.linguistic.asr.AsrEvent;
import io.emofuse.linguistic.asr.Pcm16;
import io.emofuse.linguistic.asr.StreamingRecognizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One live stream (a WebSocket client's, or one channel of a long recording read by
 * {@link io.emofuse.analysis.timeline.TimelineAnalyzer}), independent of the wire protocol: PCM in, partial and final transcripts out,
 * each final carrying the emotion of that utterance's own audio and words, and interim emotions
 * every few seconds of a long utterance. Keeps the audio of the current utterance (capped) so the
 * emotion sees exactly the speech the words came from. Not thread-safe: the socket handler calls
 * it from one job at a time.
 */
public final class StreamSession implements AutoCloseable {

    /** Audio kept around the words of an utterance when cutting its emotion segment. */
    private static final double PAD_S = 0.1;
    /** Longest utterance audio kept for emotion; older audio of a run-on utterance is dropped. */
    private static final double MAX_KEPT_S = 60;

    private final EmotionAnalyzer analyzer;
    private final StreamingRecognizer recognizer;
    private final PcmToMono16k converter;
    private final SpeakerAdaptation speaker;
    private final double interimEveryS;
    /** Audio since {@link #keptFrom} (absolute 16 kHz sample index). */
    private float[] kept = new float[16_000 * 4];
    private int keptLen;
    private long keptFrom;
    private long totalSamples;
    /** Where the utterance being spoken began (first partial), or -1 between utterances. */
    private long utteranceFrom = -1;
    private long lastInterimAt = -1;
    private String lastPartial = "";

    /**
     * @param analyzer      the shared composition
     * @param recognizer    a fresh recogniser from {@link EmotionAnalyzer#openStream()}; the session owns it
     * @param sampleRate    rate of the client's PCM
     * @param interimEveryS seconds of speech between interim emotions (0: none)
     */
    public StreamSession(EmotionAnalyzer analyzer, StreamingRecognizer recognizer, int sampleRate,
                         double interimEveryS) {
        this.analyzer = analyzer;
        this.converter = new PcmToMono16k(sampleRate);
        this.interimEveryS = interimEveryS;
        this.recognizer = recognizer;
        // A stream is one speaker as far as the server can know: later utterances are normalised
        // with what the earlier ones showed of this voice.
        this.speaker = analyzer.newSpeaker();
    }

    /** Seconds of audio received so far (at the client's rate, counted at 16 kHz). */
    public double seconds() {
        return totalSamples / (double) PcmToMono16k.TARGET;
    }

    /** Feeds PCM; returns what it produced. */
    public List<StreamEvent> accept(byte[] pcm, int len) {
        return feed(converter.accept(pcm, len));
    }

    /**
     * Feeds samples already at 16 kHz (a file decoded and resampled by the caller), for a session
     * opened at 16 kHz; returns what they produced.
     */
    public List<StreamEvent> accept16k(float[] at16k) {
        if (!converter.passesThrough()) {
            throw new IllegalStateException("this session takes PCM at its own rate, not 16 kHz samples");
        }
        return feed(at16k);
    }

    private List<StreamEvent> feed(float[] at16k) {
        if (at16k.length == 0) {
            return List.of();
        }
        keep(at16k);
        List<StreamEvent> out = new ArrayList<>();
        for (AsrEvent e : recognizer.accept(Pcm16.encode(at16k), at16k.length * 2)) {
            out.add(translate(e));
        }
        if (interimEveryS > 0 && utteranceFrom >= 0 && analyzer.hasEmotionModel()) {
            long from = Math.max(utteranceFrom, lastInterimAt);
            if (totalSamples - from >= interimEveryS * PcmToMono16k.TARGET) {
                lastInterimAt = totalSamples;
                Emotion e = emotionOf(segment(from, totalSamples), lastPartial, false);
                out.add(new StreamEvent.Interim(from / 16_000.0, totalSamples / 16_000.0, lastPartial, e));
            }
        }
        return out;
    }

    /** N-best hypotheses on the finals from now on (0: none). */
    public void maxAlternatives(int n) {
        recognizer.maxAlternatives(n);
    }

    /**
     * Ends the current utterance and goes on (vosk-server's {@code reset}): its final, if anything
     * was said. Audio held back by the resampler stays for the next utterance.
     */
    public List<StreamEvent> endUtterance() {
        List<StreamEvent> out = new ArrayList<>();
        for (AsrEvent e : recognizer.endSegment()) {
            out.add(translate(e));
        }
        utteranceFrom = -1; // also when nothing was said: no interim emotion spans the reset
        lastPartial = "";
        return out;
    }

    /** Ends the stream: the last utterance's final, if anything was said. */
    public List<StreamEvent> finish() {
        List<StreamEvent> out = new ArrayList<>(feed(converter.flush()));
        for (AsrEvent e : recognizer.finish()) {
            out.add(translate(e));
        }
        return out;
    }

    private StreamEvent translate(AsrEvent e) {
        if (e instanceof AsrEvent.Partial p) {
            if (utteranceFrom < 0) {
                utteranceFrom = Math.max(keptFrom, totalSamples - 16_000); // speech began up to ~1 s before
                lastInterimAt = utteranceFrom;
            }
            lastPartial = p.text();
            return new StreamEvent.Partial(p.text());
        }
        AsrEvent.Final f = (AsrEvent.Final) e;
        long from = (long) Math.floor(Math.max(0, f.startSec() - PAD_S) * PcmToMono16k.TARGET);
        long to = (long) Math.ceil((f.endSec() + PAD_S) * PcmToMono16k.TARGET);
        EmotionAnalyzer.Scored scored = scoredOf(segment(from, to), f.transcript().text(), true);
        dropBefore(Math.min(to, totalSamples));
        utteranceFrom = -1;
        lastPartial = "";
        List<String> used = scored.modalities().stream()
                .map(m -> m.equals(Modalities.TEXT) ? Modalities.TEXT_FROM_ASR : m).toList();
        return new StreamEvent.Final(f.transcript().text(), f.transcript().words(), f.startSec(), f.endSec(),
                scored.emotion(), f.alternatives(), used);
    }

    /** The emotion of a stretch of this stream; null for audio too short to measure (a click, a cut word). */
    private Emotion emotionOf(Audio audio, String text, boolean finalUtterance) {
        return scoredOf(audio, text, finalUtterance).emotion();
    }

    private EmotionAnalyzer.Scored scoredOf(Audio audio, String text, boolean finalUtterance) {
        try {
            return analyzer.emotion(audio, text, speaker, finalUtterance);
        } catch (AudioTooShortException e) {
            return new EmotionAnalyzer.Scored(null, List.of(), 0, 0, 0);
        }
    }

    private void keep(float[] x) {
        if (keptLen + x.length > kept.length) {
            int max = (int) (MAX_KEPT_S * PcmToMono16k.TARGET);
            if (keptLen + x.length > max) {
                dropBefore(keptFrom + keptLen + x.length - max);
            }
            if (keptLen + x.length > kept.length) {
                kept = Arrays.copyOf(kept, Math.max(keptLen + x.length, kept.length * 2));
            }
        }
        System.arraycopy(x, 0, kept, keptLen, x.length);
        keptLen += x.length;
        totalSamples += x.length;
    }

    private void dropBefore(long absolute) {
        int n = (int) Math.max(0, Math.min(keptLen, absolute - keptFrom));
        System.arraycopy(kept, n, kept, 0, keptLen - n);
        keptLen -= n;
        keptFrom += n;
    }

    /** Kept audio between two absolute sample indices (clipped to what is kept). */
    private Audio segment(long from, long to) {
        int a = (int) Math.max(0, Math.min(keptLen, from - keptFrom));
        int b = (int) Math.max(a, Math.min(keptLen, to - keptFrom));
        return new Audio(Arrays.copyOfRange(kept, a, b), PcmToMono16k.TARGET, "stream");
    }

    @Override
    public void close() {
        recognizer.close();
    }
}
