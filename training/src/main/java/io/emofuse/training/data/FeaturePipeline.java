package io.emofuse.training.data;

import io.emofuse.acoustic.FeatureExtractor;
import io.emofuse.acoustic.FeatureSets;
import io.emofuse.acoustic.audio.Audio;
import io.emofuse.acoustic.audio.WavReader;
import io.emofuse.acoustic.audio.augment.Augmentation;
import io.emofuse.fusion.input.AcousticInput;
import io.emofuse.fusion.input.InputEncoding;
import io.emofuse.fusion.input.TextInput;
import io.emofuse.linguistic.TextEmbedder;
import io.emofuse.linguistic.TextEmbedders;
import io.emofuse.linguistic.Transcriber;
import io.emofuse.linguistic.asr.VoskTranscriber;
import io.emofuse.linguistic.models.ModelStore;
import io.emofuse.training.manifest.ManifestRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Manifest rows → model inputs, through the {@link FeatureCache}: acoustic features (functionals or
 * LLD segments) per audio file (of its first {@code maxSeconds} when the input says so; the
 * transcript and text stay whole), transcripts when the text comes from ASR, and text embeddings per
 * distinct text. Optional per-speaker z-scoring of the acoustic rows happens after the cache, since
 * it depends on the other rows of the speaker.
 */
public final class FeaturePipeline {

    private final FeatureCache cache;
    private final ModelStore store;
    private final int threads;
    private final Progress progress;

    /** Told how far each stage is: {@code stage} (e.g. "acoustic"), done, total. */
    @FunctionalInterface
    public interface Progress {
        void update(String stage, int done, int total);

        Progress NONE = (s, d, t) -> { };
    }

    public FeaturePipeline(FeatureCache cache, ModelStore store, int threads, Progress progress) {
        this.cache = cache;
        this.store = store;
        this.threads = Math.max(1, threads);
        this.progress = progress == null ? Progress.NONE : progress;
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
                if (!Files.isRegularFile(r.wav())) {
                    throw new NoSuchFileException(r.wav().toString(), null, "line " + r.line() + " (" + r.uttId() + "): audio not found");
                }
                audioHash[i] = FeatureCache.sha256(Files.readAllBytes(r.wav()));
            }
        }
        float[][] a = acoustic == null ? null : acoustic(rows, audioHash, acoustic);
        List<String> texts = new ArrayList<>();
        boolean[] asr = new boolean[rows.size()];
        float[][] t = null;
        if (text != null) {
            texts = texts(rows, audioHash, source, asr);
            t = embed(texts, text);
        }
        return new FeatureTable(rows, a, t, texts, asr);
    }

    private static boolean needsAsr(ManifestRow r, TextSource source) {
        return source == TextSource.ASR || !r.hasText();
    }

    /**
     * Acoustic inputs of every row's audio after a training-time augmentation (noise, speed, pitch),
     * cached under the recipe. The noise draw of a file is seeded by its content, so a file gets the
     * same copy in every fold and run.
     */
    public float[][] augmented(List<ManifestRow> rows, AcousticInput spec, Augmentation recipe) throws IOException {
        String[] hash = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            ManifestRow r = rows.get(i);
            if (r.wav() == null || !Files.isRegularFile(r.wav())) {
                throw new NoSuchFileException(String.valueOf(r.wav()), null, "line " + r.line() + " (" + r.uttId() + "): audio not found");
            }
            hash[i] = FeatureCache.sha256(Files.readAllBytes(r.wav()));
        }
        return acoustic(rows, hash, spec, recipe);
    }

    private float[][] acoustic(List<ManifestRow> rows, String[] hash, AcousticInput spec) throws IOException {
        return acoustic(rows, hash, spec, null);
    }

    private float[][] acoustic(List<ManifestRow> rows, String[] hash, AcousticInput spec, Augmentation recipe) throws IOException {
        String key = spec.cacheKey() + (recipe == null ? "" : "/augment " + recipe);
        float[][] out = new float[rows.size()][];
        List<Integer> todo = new ArrayList<>();
        int absent = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (hash[i] == null) {
                absent++; // no audio: a null row (build with audioOptional)
                continue;
            }
            out[i] = cache.vector("acoustic", hash[i], key).orElse(null);
            if (out[i] == null) {
                todo.add(i);
            }
        }
        int cached = rows.size() - todo.size() - absent;
        progress.update("acoustic " + key, cached, rows.size() - absent);
        if (!todo.isEmpty()) {
            ThreadLocal<FeatureExtractor> fx = ThreadLocal.withInitial(() -> FeatureSets.create(spec.featureSet()));
            parallel(todo, i -> {
                ManifestRow r = rows.get(i);
                Audio audio = WavReader.read16k(r.wav());
                if (spec.maxSeconds() > 0) {
                    audio = audio.firstSeconds(spec.maxSeconds());
                }
                if (recipe != null) {
                    audio = recipe.apply(audio, Long.parseUnsignedLong(hash[i].substring(0, 15), 16));
                }
                FeatureExtractor x = fx.get();
                float[] v = spec.kind().equals("lld")
                        ? InputEncoding.segmentMeans(x.lld(audio), spec.steps(), x.lldNames().size())
                        : InputEncoding.vector(x.functionals(audio));
                cache.putVector("acoustic", hash[i], key, v);
                out[i] = v;
            }, "acoustic " + key, cached, rows.size() - absent);
        }
        if (spec.speakerNormalised() && absent == 0) {
            speakerNormalise(rows, out, spec.kind().equals("lld") ? out[0].length / spec.steps() : out[0].length);
        } else if (spec.speakerNormalised()) {
            throw new IllegalArgumentException("a model on per-speaker normalised features needs audio on every row");
        }
        return out;
    }

    /** Z-scores every feature within each speaker (rows without a speaker form one group). */
    static void speakerNormalise(List<ManifestRow> rows, float[][] x, int dim) {
        Map<String, List<Integer>> groups = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            groups.computeIfAbsent(String.valueOf(rows.get(i).speaker()), k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> g : groups.values()) {
            float[][] sub = new float[g.size()][];
            for (int k = 0; k < g.size(); k++) {
                sub[k] = x[g.get(k)];
            }
            var norm = io.emofuse.fusion.nn.Normaliser.fit(sub, dim);
            for (int k = 0; k < g.size(); k++) {
                x[g.get(k)] = norm.apply(sub[k]);
            }
        }
    }

    private List<String> texts(List<ManifestRow> rows, String[] hash, TextSource source, boolean[] asr) throws IOException {
        String[] out = new String[rows.size()];
        List<Integer> todo = new ArrayList<>();
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
            out[i] = cache.text("asr", hash[i], VoskTranscriber.DEFAULT_MODEL).orElse(null);
            if (out[i] == null) {
                todo.add(i);
            }
        }
        if (!todo.isEmpty()) {
            try (Transcriber asrEngine = VoskTranscriber.open(store, null, threads)) {
                parallel(todo, i -> {
                    String words = asrEngine.transcribe(WavReader.read16k(rows.get(i).wav())).text();
                    cache.putText("asr", hash[i], VoskTranscriber.DEFAULT_MODEL, words);
                    out[i] = words;
                }, "asr", rows.size() - todo.size(), rows.size());
            }
        }
        return java.util.Arrays.asList(out);
    }

    private float[][] embed(List<String> texts, TextInput spec) {
        float[][] out = new float[texts.size()][];
        List<Integer> todo = new ArrayList<>();
        String[] hash = new String[texts.size()];
        for (int i = 0; i < texts.size(); i++) {
            hash[i] = FeatureCache.sha256(texts.get(i) == null ? "" : texts.get(i));
            out[i] = cache.vector("text", hash[i], spec.cacheKey()).orElse(null);
            if (out[i] == null) {
                todo.add(i);
            }
        }
        progress.update("text " + spec.embedder(), texts.size() - todo.size(), texts.size());
        if (todo.isEmpty()) {
            return out;
        }
        try (TextEmbedder e = TextEmbedders.create(spec.embedder(), store)) {
            if (spec.kind().equals("pooled")) {
                List<String> batch = todo.stream().map(i -> texts.get(i) == null ? "" : texts.get(i)).toList();
                List<float[]> vs = e.embedAll(batch);
                for (int k = 0; k < todo.size(); k++) {
                    int i = todo.get(k);
                    out[i] = vs.get(k);
                    cache.putVector("text", hash[i], spec.cacheKey(), out[i]);
                }
            } else {
                for (int i : todo) {
                    out[i] = InputEncoding.padded(e.sequence(texts.get(i) == null ? "" : texts.get(i)), spec.steps(), e.dimension());
                    cache.putVector("text", hash[i], spec.cacheKey(), out[i]);
                }
            }
        }
        progress.update("text " + spec.embedder(), texts.size(), texts.size());
        return out;
    }

    @FunctionalInterface
    private interface RowTask {
        void run(int row) throws IOException;
    }

    /** Runs a task per row on the pool; the first failure is rethrown with the row it came from. */
    private void parallel(List<Integer> rows, RowTask task, String stage, int done0, int total) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, rows.size()));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i : rows) {
                futures.add(pool.submit(() -> {
                    task.run(i);
                    return null;
                }));
            }
            int done = done0;
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof IOException io) {
                        throw io;
                    }
                    if (c instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException(c);
                }
                progress.update(stage, ++done, total);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
