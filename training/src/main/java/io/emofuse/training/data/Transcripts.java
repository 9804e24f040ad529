package io.emofuse.training.data;

import io.emofuse.acoustic.audio.AudioFiles;
import io.emofuse.linguistic.Transcriber;
import io.emofuse.linguistic.asr.VoskTranscriber;
import io.emofuse.linguistic.models.ModelStore;
import io.emofuse.training.manifest.ManifestRow;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Vosk transcripts of manifest rows' audio, through the {@link FeatureCache}; a recogniser per
 * thread is opened only when some transcript is not cached. Thread-safe.
 */
final class Transcripts {

    /** WAV natively, other formats through ffmpeg (immutable). */
    private final AudioFiles audioFiles = AudioFiles.fromEnvironment();
    private final FeatureCache cache;
    private final ModelStore store;
    private final RowTasks tasks;

    Transcripts(FeatureCache cache, ModelStore store, RowTasks tasks) {
        this.cache = cache;
        this.store = store;
        this.tasks = tasks;
    }

    /** Fills {@code out[i]} for every row in {@code rows} (indices into {@code manifest}). */
    void transcribe(List<ManifestRow> manifest, List<Integer> rows, String[] hash, String[] out) throws IOException {
        List<Integer> todo = new ArrayList<>();
        for (int i : rows) {
            out[i] = cache.text("asr", hash[i], VoskTranscriber.DEFAULT_MODEL).orElse(null);
            if (out[i] == null) {
                todo.add(i);
            }
        }
        if (todo.isEmpty()) {
            return;
        }
        try (Transcriber asr = VoskTranscriber.open(store, null, tasks.threads())) {
            tasks.run(todo, i -> {
                String words = asr.transcribe(audioFiles.read16k(manifest.get(i).wav())).text();
                cache.putText("asr", hash[i], VoskTranscriber.DEFAULT_MODEL, words);
                out[i] = words;
            }, "asr", manifest.size() - todo.size(), manifest.size());
        }
    }
}
