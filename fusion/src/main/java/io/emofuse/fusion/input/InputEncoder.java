package io.emofuse.fusion.input;

import io.emofuse.acoustic.FeatureExtractor;
import io.emofuse.acoustic.audio.Audio;
import io.emofuse.fusion.nn.Normaliser;
import io.emofuse.linguistic.TextEmbedder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one rule that turns an utterance (16 kHz audio, its words, its speaker) into a model's input
 * rows, built from the model's own description ({@link AcousticInput}, {@link TextInput}, as a
 * bundle records them). Training, {@code predict}, {@code analyze}, the server and Spark all build
 * rows through it, so a model never sees at serving time an input encoded differently from the
 * ones it was trained on (DJL's {@code Translator} plays the same part for its predictors).
 *
 * <p>Immutable and thread-safe. The extractor and embedder passed to each call are the caller's:
 * a {@link FeatureExtractor} is not thread-safe, so each thread passes its own.
 *
 * @param acoustic the acoustic input, or null for a text-only model
 * @param text     the text input, or null for an acoustic-only model
 */
public record InputEncoder(AcousticInput acoustic, TextInput text) {

    public InputEncoder {
        if (acoustic == null && text == null) {
            throw new IllegalArgumentException("a model needs at least one input");
        }
    }

    public boolean usesAcoustic() {
        return acoustic != null;
    }

    public boolean usesText() {
        return text != null;
    }

    /** The acoustic row of an utterance: of its first {@code max_seconds} when the model says so. */
    public float[] acousticRow(FeatureExtractor fx, Audio at16k) {
        return acousticRowOfClip(fx, clip(at16k));
    }

    /**
     * What of an utterance the model is shown: its first {@code max_seconds}, or all of it. A
     * training-time augmentation applies to this clip, so an augmented copy is a copy of what the
     * model sees of the file.
     */
    public Audio clip(Audio at16k) {
        return acoustic.maxSeconds() > 0 ? at16k.firstSeconds(acoustic.maxSeconds()) : at16k;
    }

    /** The acoustic row of a {@link #clip}: segment-averaged LLDs or functionals. */
    public float[] acousticRowOfClip(FeatureExtractor fx, Audio clip) {
        if (acoustic.kind().equals("lld")) {
            return InputEncoding.segmentMeans(fx.lld(clip), acoustic.steps(), fx.lldNames().size());
        }
        return InputEncoding.vector(fx.functionals(clip));
    }

    /** The text row of some words (null reads as no words): pooled vector or padded token vectors. */
    public float[] textRow(TextEmbedder te, String words) {
        String w = words == null ? "" : words;
        if (text.kind().equals("sequence")) {
            return InputEncoding.padded(te.sequence(w), text.steps(), te.dimension());
        }
        return te.embed(w);
    }

    /** {@link #textRow} of many texts, batched where the embedder batches. */
    public List<float[]> textRows(TextEmbedder te, List<String> texts) {
        if (text.kind().equals("pooled")) {
            return te.embedAll(texts.stream().map(t -> t == null ? "" : t).toList());
        }
        List<float[]> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(textRow(te, t));
        }
        return out;
    }

    /**
     * Acoustic rows z-scored within each speaker (rows of a null speaker form one group), for a
     * model trained with {@code speaker_normalised}: it needs every utterance of a speaker at once,
     * which a batch of files has and a live stream has not (streams use {@link SpeakerAdaptation}).
     */
    public float[][] speakerNormalised(List<String> speakers, float[][] rows) {
        if (speakers.size() != rows.length) {
            throw new IllegalArgumentException(speakers.size() + " speakers for " + rows.length + " rows");
        }
        int dim = acoustic.kind().equals("lld") ? rows[0].length / acoustic.steps() : rows[0].length;
        Map<String, List<Integer>> groups = new HashMap<>();
        for (int i = 0; i < rows.length; i++) {
            groups.computeIfAbsent(String.valueOf(speakers.get(i)), k -> new ArrayList<>()).add(i);
        }
        float[][] out = new float[rows.length][];
        for (List<Integer> g : groups.values()) {
            float[][] sub = new float[g.size()][];
            for (int k = 0; k < g.size(); k++) {
                sub[k] = rows[g.get(k)];
            }
            Normaliser norm = Normaliser.fit(sub, dim);
            for (int k = 0; k < g.size(); k++) {
                out[g.get(k)] = norm.apply(sub[k]);
            }
        }
        return out;
    }
}
