package io.emofuse.spark;

import io.emofuse.server.ComponentLoader;
import io.emofuse.server.EmotionAnalyzer;
import io.emofuse.server.ServerConfig;
import io.emofuse.server.batch.AudioRoots;
import io.emofuse.server.batch.BatchScorer;
import io.emofuse.models.ModelStore;
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
 *     --in hdfs:///calls/dialogues.jsonl --out hdfs:///calls/scored --audio-root /mnt/calls [--model DIR]
 * </pre>
 * Audio paths in the dialogues are read from the executors' local (or mounted) file system,
 * confined to the audio roots as in {@code emofuse score}.
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
        // zipWithIndex numbers lines by their position in the input, stable across retries.
        JavaRDD<Tuple2<String, Long>> numbered = lines.javaRDD().zipWithIndex().map(t -> t);
        FlatMapFunction<java.util.Iterator<Tuple2<String, Long>>, Row> perPartition = it -> {
            BatchScorer scorer = ExecutorModels.scorer(settings);
            List<Row> out = new ArrayList<>();
            while (it.hasNext()) {
                Tuple2<String, Long> t = it.next();
                long lineNo = t._2() + 1;
                String result = scorer.score(t._1(), lineNo);
                out.add(RowFactory.create(lineNo, result, BatchScorer.hasError(result)));
            }
            return out.iterator();
        };
        JavaRDD<Row> rows = numbered.mapPartitions(perPartition);
        return lines.sparkSession().createDataFrame(rows, SCHEMA);
    }

    /** The executor-side scorer for {@code settings}; see {@link ExecutorModels}. */
    static BatchScorer newScorer(Settings settings) {
        ServerConfig cfg = ServerConfig.defaults().with("workers", 1);
        if (settings.modelDir() != null) {
            cfg = cfg.with("model", Path.of(settings.modelDir()));
        }
        EmotionAnalyzer analyzer = ComponentLoader.load(cfg, ModelStore.fromEnvironment());
        return new BatchScorer(analyzer, new AudioRoots(settings.audioRoots().stream().map(Path::of).toList()));
    }

    public static void main(String[] args) throws java.io.IOException {
        JobArgs a = JobArgs.parse(args, "--in", "--out", "--model", "--audio-root", "--format");
        String model = a.get("--model", "");
        String root = a.get("--audio-root", "");
        Settings settings = new Settings(model.isEmpty() ? null : model, root.isEmpty() ? List.of() : List.of(root));
        try (SparkSession spark = SparkSession.builder().appName("emofuse-score").getOrCreate()) {
            Dataset<Row> scored = score(spark.read().textFile(a.get("--in", null)), settings).orderBy("line");
            if (a.get("--format", "jsonl").equals("parquet")) {
                scored.write().mode(SaveMode.Overwrite).parquet(a.get("--out", null));
            } else {
                // One JSONL output line per input line, in input order, as `emofuse score` writes them.
                scored.select("result").coalesce(1).write().mode(SaveMode.Overwrite).text(a.get("--out", null));
            }
        }
    }
}
