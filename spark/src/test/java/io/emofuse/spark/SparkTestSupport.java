package io.emofuse.spark;

import io.emofuse.testsupport.SharedData;
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
        return SharedData.data();
    }
}
