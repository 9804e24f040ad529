package io.emofuse.analysis;

import io.emofuse.acoustic.FeatureExtractor;
import io.emofuse.acoustic.audio.Audio;
import io.emofuse.acoustic.audio.Resampler;
import io.emofuse.fusion.Emotion;
import io.emofuse.fusion.Modalities;
import io.emofuse.fusion.input.SpeakerAdaptation;
import io.emofuse.linguistic.TextEmbedder;
import io.emofuse.linguistic.Transcript;
import io.emofuse.linguistic.Word;
import io.emofuse.linguistic.asr.StreamingRecognizer;
import io.emofuse.linguistic.asr.VoskTranscriber;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one composition of the product: audio to ASR, acoustic features and a text embedding, and
 * those to emotion through the configured model. REST handlers, WebSocket streams and the batch
 * scorer all call this class, so the three can never disagree. Thread-safe; every method blocks
 * (call it on a worker thread, never on an event loop).
 */
public final class EmotionAnalyzer implements AutoCloseable {

    /**
     * The parts. {@code acoustic} and {@code text} may be null when no model needs them;
     * {@code emotion} is null when the server runs without an emotion model; {@code speakerAdaptation}
     * is the configuration's {@code speaker_adaptation}.
     */
    public record Components(VoskTranscriber asr, FeatureExtractor acoustic, TextEmbedder text, EmotionModel emotion,
                             boolean speakerAdaptation) {
    }

    /** Milliseconds spent in each stage of one analysis (0 for a stage that did not run). */
    public record Timings(double asr, double acoustic, double text, double fusion) {
    }

    /**
     * The answer to one utterance. {@code emotion} is null without an emotion model;
     * {@code modalities} names what the emotion was computed from: {@code audio}, and {@code text}
     * (given by the caller) or {@code text(asr)} (from the transcript).
     */
    public record Analysis(String transcript, List<Word> words, Emotion emotion, List<String> modalities,
                           double durationS, Timings timingsMs) {
    }

    /** Emotion for text alone. */
    public record TextAnalysis(String text, Emotion emotion, List<String> modalities, Timings timingsMs) {
    }

    private final Components parts;

    public EmotionAnalyzer(Components parts) {
        if (parts.asr() == null) {
            throw new IllegalArgumentException("an ASR model is required");
        }
        EmotionModel m = parts.emotion();
        if (m != null && m.usesAcoustic() && parts.acoustic() == null) {
            throw new IllegalArgumentException("model " + m.name() + " needs acoustic features " + m.featureSet());
        }
        if (m != null && m.usesText() && parts.text() == null) {
            throw new IllegalArgumentException("model " + m.name() + " needs text embedder " + m.embedder());
        }
        this.parts = parts;
    }

    public Components components() {
        return parts;
    }

    public boolean hasEmotionModel() {
        return parts.emotion() != null;
    }

    /**
     * Analyses one utterance.
     *
     * @param audio     mono audio at any rate
     * @param givenText what was said when the caller knows it (then ASR is skipped), else null
     */
    public Analysis analyze(Audio audio, String givenText) {
        return analyze(audio, givenText, null);
    }

    /**
     * Analyses one utterance of a speaker whose earlier utterances this call may build on.
     *
     * @param speaker that speaker's running statistics ({@link #newSpeaker()}), or null for none;
     *                the utterance is added to them
     */
    public Analysis analyze(Audio audio, String givenText, SpeakerAdaptation speaker) {
        Audio at16k = Resampler.toRate(audio, Audio.TARGET_RATE);
        long t0 = System.nanoTime();
        boolean textGiven = Modalities.hasWords(givenText);
        Transcript transcript = textGiven
                ? new Transcript(givenText.strip(), List.of())
                : parts.asr().transcribe(at16k);
        double asrMs = textGiven ? 0 : millisSince(t0);
        Scored scored = emotion(at16k, transcript.text(), speaker, true);
        List<String> used = scored.modalities().stream()
                .map(m -> m.equals(Modalities.TEXT) && !textGiven ? Modalities.TEXT_FROM_ASR : m).toList();
        return new Analysis(transcript.text(), transcript.words(), scored.emotion(), used, at16k.durationSeconds(),
                new Timings(asrMs, scored.acousticMs(), scored.textMs(), scored.fusionMs()));
    }

    /** Emotion from text alone (the model's linguistic branch). */
    public TextAnalysis analyzeText(String text) {
        EmotionModel m = parts.emotion();
        if (m != null && !m.usesText()) {
            throw new UnsupportedOperationException("the emotion model " + m.name() + " uses no text");
        }
        Scored scored;
        try {
            scored = emotion(null, text);
        } catch (IllegalArgumentException e) {
            // The FusionModel contract: a model that needs the missing modality says so this way.
            throw new UnsupportedOperationException("the emotion model " + m.name() + " cannot score text alone: "
                    + e.getMessage(), e);
        }
        return new TextAnalysis(text, scored.emotion(), scored.modalities(),
                new Timings(0, 0, scored.textMs(), scored.fusionMs()));
    }

    /** Emotion, the modalities it came from ({@link Modalities}) and the time each stage took. */
    public record Scored(Emotion emotion, List<String> modalities, double acousticMs, double textMs, double fusionMs) {
    }

    /**
     * Emotion of an utterance whose transcript is known: the streaming path calls this for each
     * final segment with that segment's audio. {@code at16k} may be null for text-only input.
     */
    public Scored emotion(Audio at16k, String text) {
        return emotion(at16k, text, null, false);
    }

    /**
     * As {@link #emotion(Audio, String)}, with the acoustic row normalised online for one speaker.
     *
     * @param speaker the speaker's statistics, or null for the model's population statistics alone
     * @param commit  whether this utterance is finished and counts in the speaker's statistics
     */
    public Scored emotion(Audio at16k, String text, SpeakerAdaptation speaker, boolean commit) {
        EmotionModel m = parts.emotion();
        if (m == null) {
            return new Scored(null, List.of(), 0, 0, 0);
        }
        long t0 = System.nanoTime();
        float[] acoustic = null;
        boolean adapted = false;
        if (m.usesAcoustic() && at16k != null && at16k.samples().length > 0) {
            acoustic = m.acousticRow(parts.acoustic(), at16k);
            if (speaker != null) {
                acoustic = speaker.adapt(acoustic, commit);
                adapted = true;
            }
        }
        double acousticMs = millisSince(t0);
        long t1 = System.nanoTime();
        float[] textVector = m.usesText() ? m.textRow(parts.text(), text == null ? "" : text) : null;
        double textMs = millisSince(t1);
        long t2 = System.nanoTime();
        Emotion e = acoustic == null && textVector == null ? null
                : adapted ? m.predictAdapted(acoustic, textVector) : m.predict(acoustic, textVector);
        List<String> used = new ArrayList<>(2);
        if (e != null && acoustic != null) {
            used.add(Modalities.AUDIO);
        }
        if (e != null && textVector != null && Modalities.hasWords(text)) {
            used.add(Modalities.TEXT);
        }
        return new Scored(e, List.copyOf(used), acousticMs, textMs, millisSince(t2));
    }

    /**
     * Running statistics for one speaker's utterances (a stream; one speaker's turns in a
     * dialogue), or null when the emotion model cannot use them or the configuration turned them
     * off ({@code speaker_adaptation: false}); see {@link SpeakerAdaptation}.
     */
    public SpeakerAdaptation newSpeaker() {
        EmotionModel m = parts.emotion();
        return m == null || !parts.speakerAdaptation() ? null : m.newSpeakerAdaptation();
    }

    /** A live ASR session for 16 kHz s16le PCM; throws AsrBusyException when all slots are used. */
    public StreamingRecognizer openStream() {
        return parts.asr().openStream();
    }

    /** What is loaded, for /v1/models and /ready. */
    public List<Map<String, Object>> models() {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(model("asr", "vosk", parts.asr().modelDir().getFileName().toString()));
        if (parts.acoustic() != null) {
            Map<String, Object> a = model("acoustic", "features", parts.acoustic().id());
            a.put("dimension", parts.acoustic().functionalNames().size());
            out.add(a);
        }
        if (parts.text() != null) {
            Map<String, Object> t = model("text", "embedder", parts.text().id());
            t.put("dimension", parts.text().dimension());
            out.add(t);
        }
        EmotionModel m = parts.emotion();
        if (m != null) {
            Map<String, Object> e = model("emotion", "fusion", m.name());
            e.put("strategy", m.strategy());
            e.put("source", m.source().toString());
            e.put("categories", m.categories());
            e.put("uses_audio", m.usesAcoustic());
            e.put("uses_text", m.usesText());
            out.add(e);
        }
        return out;
    }

    private static Map<String, Object> model(String role, String kind, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", role);
        m.put("kind", kind);
        m.put("name", name);
        return m;
    }

    private static double millisSince(long t0) {
        return Math.round((System.nanoTime() - t0) / 1e4) / 100.0;
    }

    @Override
    public void close() {
        if (parts.text() != null) {
            parts.text().close();
        }
        if (parts.emotion() != null) {
            parts.emotion().close();
        }
        parts.asr().close();
    }
}
