package io.emofuse.spark;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} pairs for spark-submit mains; unknown or missing options end the job with one line. */
final class JobArgs {

    private final Map<String, String> values;

    private JobArgs(Map<String, String> values) {
        this.values = values;
    }

    static JobArgs parse(String[] args, String... known) {
        Set<String> names = Set.of(known);
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!names.contains(args[i]) || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: " + String.join(" VALUE ", known)
                        + " VALUE (bad or incomplete option '" + args[i] + "')");
            }
            values.put(args[i], args[++i]);
        }
        return new JobArgs(values);
    }

    /**
     * {@code --partitions N}, by default four per task slot. A manifest of a few megabytes is one
     * input split while each of its rows costs seconds of CPU, so rows are spread over the task
     * slots before the work, not after.
     */
    int partitions(org.apache.spark.sql.SparkSession spark) {
        String v = values.get("--partitions");
        if (v == null) {
            return 4 * spark.sparkContext().defaultParallelism();
        }
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--partitions must be a positive whole number, not '" + v + "'");
    }

    String get(String name, String fallback) {
        String v = values.getOrDefault(name, fallback);
        if (v == null) {
            throw new IllegalArgumentException("missing required option " + name);
        }
        return v;
    }
}
