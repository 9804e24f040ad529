package io.emofuse.training.data;

import io.emofuse.acoustic.audio.augment.Augmentation;
import io.emofuse.fusion.input.AcousticInput;
import io.emofuse.fusion.input.InputEncoder;
import io.emofuse.fusion.input.TextInput;
import io.emofuse.linguistic.models.ModelStore;
import io.emofuse.training.manifest.ManifestRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Manifest rows → model inputs, each row built by the model's {@link InputEncoder} (the object
 * serving uses too): acoustic rows ({@link AcousticRows}), transcripts when the text comes from ASR
 * ({@link Transcripts}) and text rows ({@link TextRows}), all through the {@link FeatureCache}.
 * Per-speaker z-scoring happens after the cache, since it depends on the speaker's other rows.
 * Thread-safe; each call runs its own pool of {@code threads}.
 */
public final class FeaturePipeline {

    private final AcousticRows acousticRows;
    private final Transcripts transcripts;
    private final TextRows textRows;

    /** Told how far each stage is: {@code stage} (e.g. "acoustic"), done, total. */
    @FunctionalInterface
    public interface Progress {
        void update(String stage, int done, int total);

        Progress NONE = (s, d, t) -> { };
    }

    public FeaturePipeline(FeatureCache cache, ModelStore store, int threads, Progress progress) {
        Progress p = progress == null ? Progress.NONE : progress;
        RowTasks tasks = new RowTasks(threads, p);
        this.acousticRows = new AcousticRows(cache, tasks, p);
        this.transcripts = new Transcripts(cache, store, tasks);
        this.textRows = new TextRows(cache, store, p);
    }

    /** Inputs for every row; null {@code acoustic}/{@code text} skips that modality. */
    public FeatureTable build(List<ManifestRow> rows, AcousticInput acoustic, TextInput text, TextSource source)
            throws IOException {
        return build(rows, acoustic, text, source, false);
    }

    /**
     * As above; with {@code audioOptional} a row without a {@code wav} gets a null acoustic row (for a
     * model that scores such rows from their text) instead of an error.
     */
    public FeatureTable build(List<ManifestRow> rows, AcousticInput acoustic, TextInput text, TextSource source,
                              boolean audioOptional) throws IOException {
        InputEncoder encoder = new InputEncoder(acoustic, text);
        String[] audioHash = new String[rows.size()];
        boolean needAudio = acoustic != null || (text != null && rows.stream().anyMatch(r -> needsAsr(r, source)));
        if (needAudio) {
            for (int i = 0; i < rows.size(); i++) {
                ManifestRow r = rows.get(i);
                if (r.wav() == null) {
                    if ((acoustic != null && !audioOptional) || (text != null && source == TextSource.ASR)) {
                        throw new IllegalArgumentException("line " + r.line() + " (" + r.uttId()
                                + "): no wav, but the model needs " + (acoustic != null ? "acoustic features" : "ASR"));
                    }
                    continue;
                }
                audioHash[i] = contentHash(r);
            }
        }
        float[][] a = acoustic == null ? null : acoustic(rows, audioHash, encoder);
        List<String> texts = new ArrayList<>();
        boolean[] asr = new boolean[rows.size()];
        float[][] t = null;
        if (text != null) {
            texts = texts(rows, audioHash, source, asr);
            t = textRows.rows(texts, encoder);
        }
        return new FeatureTable(rows, a, t, texts, asr);
    }

    private static boolean needsAsr(ManifestRow r, TextSource source) {
        return source == TextSource.ASR || !r.hasText();
    }

    private static String contentHash(ManifestRow r) throws IOException {
        if (r.wav() == null || !Files.isRegularFile(r.wav())) {
            throw new NoSuchFileException(String.valueOf(r.wav()), null, "line " + r.line() + " (" + r.uttId() + "): audio not found");
        }
        return FeatureCache.sha256(Files.readAllBytes(r.wav()));
    }

    /**
     * Acoustic inputs of every row's audio after a training-time augmentation (noise, speed, pitch),
     * cached under the recipe.
     */
    public float[][] augmented(List<ManifestRow> rows, AcousticInput spec, Augmentation recipe) throws IOException {
        String[] hash = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            hash[i] = contentHash(rows.get(i));
        }
        InputEncoder encoder = new InputEncoder(spec, null);
        return normalisedPerSpeaker(rows, acousticRows.rows(rows, hash, encoder, recipe), encoder);
    }

    private float[][] acoustic(List<ManifestRow> rows, String[] hash, InputEncoder encoder) throws IOException {
        return normalisedPerSpeaker(rows, acousticRows.rows(rows, hash, encoder, null), encoder);
    }

    private static float[][] normalisedPerSpeaker(List<ManifestRow> rows, float[][] x, InputEncoder encoder) {
        if (!encoder.acoustic().speakerNormalised()) {
            return x;
        }
        if (Arrays.stream(x).anyMatch(r -> r == null)) {
            throw new IllegalArgumentException("a model on per-speaker normalised features needs audio on every row");
        }
        return encoder.speakerNormalised(rows.stream().map(ManifestRow::speaker).toList(), x);
    }

    private List<String> texts(List<ManifestRow> rows, String[] hash, TextSource source, boolean[] asr) throws IOException {
        String[] out = new String[rows.size()];
        List<Integer> toTranscribe = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ManifestRow r = rows.get(i);
            if (!needsAsr(r, source)) {
                out[i] = r.text();
                continue;
            }
            if (hash[i] == null) {
                throw new IllegalArgumentException("line " + r.line() + " (" + r.uttId() + "): no text and no wav to transcribe");
            }
            asr[i] = true;
            toTranscribe.add(i);
        }
        transcripts.transcribe(rows, toTranscribe, hash, out);
        return Arrays.asList(out);
    }
}
