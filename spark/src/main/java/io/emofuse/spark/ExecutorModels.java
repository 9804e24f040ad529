package io.emofuse.spark;

import io.emofuse.linguistic.asr.VoskTranscriber;
import io.emofuse.linguistic.models.ModelStore;
import java.nio.file.Path;

/**
 * Models loaded once per executor JVM, on first use, and shared by every task thread of that
 * executor (Vosk's model is thread-safe; each task decodes on its own recogniser). This lazy
 * holder is the one piece of static state in the Spark jobs, and it is there by design: loading a
 * model per row or per partition would cost seconds each time.
 */
final class ExecutorModels {

    private ExecutorModels() {
    }

    /** The Vosk model in {@code userDir} (or the catalogued default when null). */
    static VoskTranscriber transcriber(String userDir, int concurrency) {
        return TranscriberHolder.get(userDir, concurrency);
    }

    /** The batch scorer for {@code settings} (its Vosk model, extractor, embedder and emotion model). */
    static io.emofuse.analysis.batch.BatchScorer scorer(ScoreJob.Settings settings, HadoopConf conf) {
        return ScorerHolder.get(settings, conf);
    }

    private static final class ScorerHolder {
        private static io.emofuse.analysis.batch.BatchScorer instance;
        private static ScoreJob.Settings loadedFor;

        static synchronized io.emofuse.analysis.batch.BatchScorer get(ScoreJob.Settings settings, HadoopConf conf) {
            if (instance == null || !settings.equals(loadedFor)) {
                instance = ScoreJob.newScorer(settings, conf);
                loadedFor = settings;
            }
            return instance;
        }
    }

    private static final class TranscriberHolder {
        private static VoskTranscriber instance;
        private static String loadedFrom;

        static synchronized VoskTranscriber get(String userDir, int concurrency) {
            String key = String.valueOf(userDir);
            if (instance == null || !key.equals(loadedFrom)) {
                if (instance != null) {
                    instance.close();
                }
                instance = VoskTranscriber.open(ModelStore.fromEnvironment(),
                        userDir == null ? null : Path.of(userDir), concurrency);
                loadedFrom = key;
            }
            return instance;
        }
    }
}
