package io.emofuse.spark;

import io.emofuse.acoustic.FeatureExtractor;
import io.emofuse.acoustic.FeatureSets;
import io.emofuse.acoustic.audio.Audio;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Acoustic features for every row of a manifest: the same columns, names and values as
 * {@code emofuse extract --level functionals}. A row whose audio cannot be read keeps its place
 * with null features and an {@code error}; the job never fails for one bad file.
 *
 * <pre>
 * spark-submit --class io.emofuse.spark.ExtractJob emofuse-spark.jar \
 *     --manifest hdfs:///corpus/manifest.csv --set egemaps --out hdfs:///corpus/egemaps.parquet
 * </pre>
 */
public final class ExtractJob {

    private ExtractJob() {
    }

    /** Output schema: utt_id, wav, name, one double column per functional, error. */
    public static StructType schema(FeatureExtractor extractor) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("utt_id", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("wav", DataTypes.StringType, true));
        fields.add(DataTypes.createStructField("name", DataTypes.StringType, true));
        for (String f : extractor.functionalNames()) {
            fields.add(DataTypes.createStructField(f, DataTypes.DoubleType, true));
        }
        fields.add(DataTypes.createStructField("error", DataTypes.StringType, true));
        return DataTypes.createStructType(fields);
    }

    /**
     * Functionals of feature set {@code setId} for each manifest row (columns {@code utt_id},
     * {@code wav}); relative {@code wav} paths resolve against {@code baseDir}.
     */
    public static Dataset<Row> extract(Dataset<Row> manifest, String setId, String baseDir) {
        FeatureExtractor probe = FeatureSets.create(setId);
        StructType schema = schema(probe);
        int width = probe.functionalNames().size();
        HadoopConf conf = new HadoopConf(manifest.sparkSession().sparkContext().hadoopConfiguration());
        MapPartitionsFunction<Row, Row> perPartition = rows -> {
            // One extractor per partition: cheap to build, and not shared between task threads.
            FeatureExtractor extractor = FeatureSets.create(setId);
            AudioSource audio = new AudioSource(conf.toConfiguration(), baseDir);
            List<Row> out = new ArrayList<>();
            while (rows.hasNext()) {
                out.add(extractRow(rows.next(), extractor, audio, width));
            }
            return out.iterator();
        };
        return manifest.select("utt_id", "wav").mapPartitions(perPartition, Encoders.row(schema));
    }

    private static Row extractRow(Row in, FeatureExtractor extractor, AudioSource source, int width) {
        String utt = in.getString(0);
        String wav = in.isNullAt(1) ? null : in.getString(1);
        Object[] values = new Object[width + 4];
        values[0] = utt == null ? "" : utt;
        values[1] = wav;
        try {
            String located = source.locate(wav);
            String base = located.substring(located.lastIndexOf('/') + 1);
            values[2] = base.contains(".") ? base.substring(0, base.lastIndexOf('.')) : base;
            Audio audio = source.read(wav);
            double[] f = extractor.functionals(audio);
            for (int i = 0; i < width; i++) {
                values[3 + i] = f[i];
            }
        } catch (Exception | StackOverflowError e) {
            values[width + 3] = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return RowFactory.create(values);
    }

    public static void main(String[] args) throws java.io.IOException {
        JobArgs a = JobArgs.parse(args, "--manifest", "--out", "--set", "--partitions");
        String set = a.get("--set", "egemaps");
        try (SparkSession spark = JobSession.create("emofuse-extract-" + set)) {
            Dataset<Row> manifest = Manifests.read(spark, a.get("--manifest", null)).repartition(a.partitions(spark));
            extract(manifest, set, Manifests.baseDir(a.get("--manifest", null)))
                    .write().mode(SaveMode.Overwrite).parquet(a.get("--out", null));
        }
    }
}
