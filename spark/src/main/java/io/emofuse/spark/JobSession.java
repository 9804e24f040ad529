package io.emofuse.spark;

import org.apache.spark.sql.SparkSession;

/** The Spark session each job's {@code main} runs in. */
final class JobSession {

    private JobSession() {
    }

    /**
     * A session for {@code app}. These jobs move few rows, each of which costs seconds in emofuse's
     * own code, so Spark's code generation (compiling a plan's Java at every job start, about a
     * third of the CPU of a job's fixed cost here) does not pay for itself: plans are interpreted
     * unless the user has configured code generation.
     */
    static SparkSession create(String app) {
        SparkSession spark = SparkSession.builder().appName(app).getOrCreate();
        setUnlessConfigured(spark, "spark.sql.codegen.wholeStage", "false");
        setUnlessConfigured(spark, "spark.sql.codegen.factoryMode", "NO_CODEGEN");
        return spark;
    }

    private static void setUnlessConfigured(SparkSession spark, String key, String value) {
        if (!spark.sparkContext().getConf().contains(key)) {
            spark.conf().set(key, value);
        }
    }
}
