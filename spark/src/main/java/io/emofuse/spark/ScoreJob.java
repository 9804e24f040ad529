package io.emofuse.spark;

import io.emofuse.analysis.AnalysisSettings;
import io.emofuse.analysis.Defaults;
import io.emofuse.analysis.ComponentLoader;
import io.emofuse.analysis.EmotionAnalyzer;
import io.emofuse.analysis.batch.BatchScorer;
import io.emofuse.linguistic.models.ModelStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * Scores dialogue JSONL ({@code emofuse score}'s input) on Spark: every input line gives exactly
 * one output row holding the line number and the very line {@code emofuse score} writes for it
 * (the same {@link BatchScorer}), so results are identical to the single-machine scorer's. A
 * malformed line becomes an error result, never a failed job or a lost row.
 *
 * <pre>
 * spark-submit --class io.emofuse.spark.ScoreJob emofuse-spark.jar \
 *     --in hdfs:///calls/dialogues.jsonl --out hdfs:///calls/scored --audio-root /mnt/calls [--model DIR|NAME|none] (default: the shipped model)
 * </pre>
 * Audio paths in the dialogues are confined to the audio roots as in {@code emofuse score}: a root
 * without a scheme is a local (or mounted) directory on every executor; a root with one
 * ({@code hdfs:}, {@code s3a:}, {@code file:}) is read through Hadoop's FileSystem API.
 */
public final class ScoreJob {

    public static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("line", DataTypes.LongType, false),
            DataTypes.createStructField("result", DataTypes.StringType, false),
            DataTypes.createStructField("has_error", DataTypes.BooleanType, false)));

    private ScoreJob() {
    }

    /** What each executor loads once: the scorer's configuration. */
    public record Settings(String modelDir, List<String> audioRoots) implements java.io.Serializable {
        public Settings {
            audioRoots = List.copyOf(audioRoots);
        }
    }

    /**
     * @param lines the input lines in order (e.g. {@code spark.read().textFile(path)})
     */
    public static Dataset<Row> score(Dataset<String> lines, Settings settings) {
        return score(lines, settings, lines.javaRDD().getNumPartitions());
    }

    /** As {@link #score(Dataset, Settings)}, with the numbered lines spread over {@code partitions}. */
    public static Dataset<Row> score(Dataset<String> lines, Settings settings, int partitions) {
        // zipWithIndex numbers lines by their position in the input, stable across retries;
        // only then are they spread, so a line keeps its number wherever it is scored.
        JavaRDD<Tuple2<String, Long>> numbered = lines.javaRDD().zipWithIndex().map(t -> t);
        if (partitions != numbered.getNumPartitions()) {
            numbered = numbered.repartition(partitions);
        }
        HadoopConf conf = new HadoopConf(lines.sparkSession().sparkContext().hadoopConfiguration());
        FlatMapFunction<java.util.Iterator<Tuple2<String, Long>>, Row> perPartition = it -> {
            List<Row> out = new ArrayList<>();
            try (var lease = ExecutorModels.scorer(settings, conf)) {
                BatchScorer scorer = lease.value().scorer();
                while (it.hasNext()) {
                    Tuple2<String, Long> t = it.next();
                    long lineNo = t._2() + 1;
                    String result = scorer.score(t._1(), lineNo);
                    out.add(RowFactory.create(lineNo, result, BatchScorer.hasError(result)));
                }
            }
            return out.iterator();
        };
        JavaRDD<Row> rows = numbered.mapPartitions(perPartition);
        return lines.sparkSession().createDataFrame(rows, SCHEMA);
    }

    /** The executor-side scorer for {@code settings}; see {@link ExecutorModels}. */
    static ExecutorModels.Scorer newScorer(Settings settings, HadoopConf conf) {
        // One task scores its partition's lines one after another: one recogniser is enough.
        AnalysisSettings cfg = AnalysisSettings.single(settings.modelDir() == null ? null : Path.of(settings.modelDir()));
        EmotionAnalyzer analyzer = ComponentLoader.load(cfg, ModelStore.fromEnvironment());
        return new ExecutorModels.Scorer(analyzer,
                new BatchScorer(analyzer, HadoopAudioRoots.of(settings.audioRoots(), conf.toConfiguration())));
    }

    public static void main(String[] args) throws java.io.IOException {
        JobArgs a = JobArgs.parse(args, "--in", "--out", "--model", "--audio-root", "--format", "--partitions");
        String given = a.get("--model", "");
        // the same default as `emofuse score`: the shipped model unless --model names another or none
        Path model = Defaults.model(given.isEmpty() ? null : Path.of(given), null);
        String root = a.get("--audio-root", "");
        Settings settings = new Settings(model == null ? null : model.toString(), root.isEmpty() ? List.of() : List.of(root));
        try (SparkSession spark = JobSession.create("emofuse-score")) {
            Dataset<Row> scored = score(spark.read().textFile(a.get("--in", null)), settings, a.partitions(spark))
                    .orderBy("line");
            if (a.get("--format", "jsonl").equals("parquet")) {
                scored.write().mode(SaveMode.Overwrite).parquet(a.get("--out", null));
            } else {
                // One JSONL output line per input line, in input order, as `emofuse score` writes them.
                scored.select("result").coalesce(1).write().mode(SaveMode.Overwrite).text(a.get("--out", null));
            }
        }
    }
}
