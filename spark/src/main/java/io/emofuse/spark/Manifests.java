package io.emofuse.spark;

import java.util.Locale;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reads a manifest (the project's columns) from CSV, JSONL or Parquet, chosen by extension. */
public final class Manifests {

    private Manifests() {
    }

    public static Dataset<Row> read(SparkSession spark, String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".parquet") || !lower.contains(".")) {
            return spark.read().parquet(path);
        }
        if (lower.endsWith(".jsonl") || lower.endsWith(".json")) {
            return spark.read().option("mode", "PERMISSIVE").json(path);
        }
        // Every column as a string, exactly as written: ids like "03-01-01" must not become numbers.
        return spark.read().option("header", "true").option("inferSchema", "false")
                .option("multiLine", "true").option("escape", "\"").csv(path);
    }

    /** The folder relative {@code wav} paths of a manifest are resolved against. */
    public static String baseDir(String manifestPath) {
        Path parent = new Path(manifestPath).getParent();
        return parent == null ? null : parent.toString();
    }
}
