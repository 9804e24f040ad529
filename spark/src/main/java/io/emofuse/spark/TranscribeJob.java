package io.emofuse.spark;

import io.emofuse.acoustic.audio.Audio;
import io.emofuse.linguistic.Transcript;
import io.emofuse.linguistic.Word;
import io.emofuse.linguistic.asr.VoskTranscriber;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Transcripts and word timings for every row of a manifest, as {@code emofuse transcribe --words}
 * writes them. Bad rows keep their place with an {@code error}.
 *
 * <pre>
 * spark-submit --class io.emofuse.spark.TranscribeJob emofuse-spark.jar \
 *     --manifest s3a://bucket/calls/manifest.jsonl --out s3a://bucket/calls/transcripts.parquet
 * </pre>
 */
public final class TranscribeJob {

    public static final StructType WORD = DataTypes.createStructType(List.of(
            DataTypes.createStructField("word", DataTypes.StringType, false),
            DataTypes.createStructField("start", DataTypes.DoubleType, false),
            DataTypes.createStructField("end", DataTypes.DoubleType, false),
            DataTypes.createStructField("conf", DataTypes.DoubleType, false)));

    public static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("utt_id", DataTypes.StringType, false),
            DataTypes.createStructField("wav", DataTypes.StringType, true),
            DataTypes.createStructField("text", DataTypes.StringType, true),
            DataTypes.createStructField("words", DataTypes.createArrayType(WORD, false), true),
            DataTypes.createStructField("error", DataTypes.StringType, true)));

    private TranscribeJob() {
    }

    /**
     * @param asrModelDir a Vosk model directory present on every executor, or null for the
     *                    model carried in the application jar
     */
    public static Dataset<Row> transcribe(Dataset<Row> manifest, String baseDir, String asrModelDir) {
        HadoopConf conf = new HadoopConf(manifest.sparkSession().sparkContext().hadoopConfiguration());
        MapPartitionsFunction<Row, Row> perPartition = rows -> {
            List<Row> out = new ArrayList<>();
            try (var lease = ExecutorModels.transcriber(asrModelDir, Runtime.getRuntime().availableProcessors())) {
                VoskTranscriber asr = lease.value();
                AudioSource source = new AudioSource(conf.toConfiguration(), baseDir);
                while (rows.hasNext()) {
                    Row in = rows.next();
                    String utt = in.isNullAt(0) ? "" : in.getString(0);
                    String wav = in.isNullAt(1) ? null : in.getString(1);
                    try {
                        Audio audio = source.read(wav);
                        Transcript t = asr.transcribe(audio);
                        List<Row> words = new ArrayList<>();
                        for (Word w : t.words()) {
                            words.add(RowFactory.create(w.word(), w.start(), w.end(), w.conf()));
                        }
                        // Row's external type for an array column is a Scala Seq.
                        out.add(RowFactory.create(utt, wav, t.text(), CollectionConverters.asScala(words).toSeq(), null));
                    } catch (Exception e) {
                        out.add(RowFactory.create(utt, wav, null, null, e.getClass().getSimpleName() + ": " + e.getMessage()));
                    }
                }
            }
            return out.iterator();
        };
        return manifest.select("utt_id", "wav").mapPartitions(perPartition, Encoders.row(SCHEMA));
    }

    public static void main(String[] args) throws java.io.IOException {
        JobArgs a = JobArgs.parse(args, "--manifest", "--out", "--asr-model", "--partitions");
        String manifestPath = a.get("--manifest", null);
        try (SparkSession spark = JobSession.create("emofuse-transcribe")) {
            String modelDir = a.get("--asr-model", "");
            transcribe(Manifests.read(spark, manifestPath).repartition(a.partitions(spark)), Manifests.baseDir(manifestPath),
                    modelDir.isEmpty() ? null : modelDir)
                    .write().mode(SaveMode.Overwrite).parquet(a.get("--out", null));
        }
    }
}
