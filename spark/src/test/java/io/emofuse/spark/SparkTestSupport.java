package io.emofuse.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Assumptions;

/** A real local[2] Spark session and the shared data folder, for the job tests. */
final class SparkTestSupport {

    private SparkTestSupport() {
    }

    static SparkSession localSession(String name) {
        return SparkSession.builder().master("local[2]").appName(name)
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    static Path sharedData() {
        String shared = System.getProperty("emofuse.shared");
        Path data = shared == null ? null : Path.of(shared, "data");
        Assumptions.assumeTrue(data != null && Files.isDirectory(data), "../shared/data is absent");
        return data;
    }
}
