package io.emofuse.spark;

import io.emofuse.linguistic.asr.VoskTranscriber;
import io.emofuse.linguistic.models.ModelStore;
import io.emofuse.analysis.EmotionAnalyzer;
import io.emofuse.analysis.batch.BatchScorer;
import java.nio.file.Path;

/**
 * Models loaded once per executor JVM, on first use, and shared by every task thread of that
 * executor (Vosk's model is thread-safe; each task decodes on its own recogniser). These holders
 * are the one piece of static state in the Spark jobs, and it is there by design: loading a model
 * per row or per partition would cost seconds each time. A task holds its models through a lease
 * ({@link ExecutorShared}), so a later job's models never close ones an earlier task still uses.
 */
final class ExecutorModels {

    record AsrKey(String userDir, int concurrency) {
    }

    private static final ExecutorShared<AsrKey, VoskTranscriber> TRANSCRIBERS = new ExecutorShared<>(
            k -> VoskTranscriber.open(ModelStore.fromEnvironment(), k.userDir() == null ? null : Path.of(k.userDir()),
                    k.concurrency()),
            VoskTranscriber::close);

    /** Equal for equal settings: the Hadoop configuration only says how to reach the audio. */
    record ScorerKey(ScoreJob.Settings settings, HadoopConf conf) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ScorerKey k && k.settings.equals(settings);
        }

        @Override
        public int hashCode() {
            return settings.hashCode();
        }
    }

    /** A scorer and the analyzer it scores with, which owns the models. */
    record Scorer(EmotionAnalyzer analyzer, BatchScorer scorer) {
    }

    private static final ExecutorShared<ScorerKey, Scorer> SCORERS = new ExecutorShared<>(
            k -> ScoreJob.newScorer(k.settings(), k.conf()), s -> s.analyzer().close());

    private ExecutorModels() {
    }

    /** The Vosk model in {@code userDir} (or the catalogued default when null), held until the lease closes. */
    static ExecutorShared<AsrKey, VoskTranscriber>.Lease transcriber(String userDir, int concurrency) {
        return TRANSCRIBERS.acquire(new AsrKey(userDir, concurrency));
    }

    /** The batch scorer for {@code settings} (its Vosk model, extractor, embedder and emotion model). */
    static ExecutorShared<ScorerKey, Scorer>.Lease scorer(ScoreJob.Settings settings, HadoopConf conf) {
        return SCORERS.acquire(new ScorerKey(settings, conf));
    }
}
