package io.emofuse.spark;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * The driver's Hadoop configuration carried to executors, so that {@code s3a:} credentials and
 * {@code hdfs:} name nodes set with {@code spark.hadoop.*} reach the tasks that open the audio.
 */
final class HadoopConf implements Serializable {
    private static final long serialVersionUID = 1L;

    private final HashMap<String, String> entries = new HashMap<>();

    HadoopConf(Configuration conf) {
        for (Map.Entry<String, String> e : conf) {
            entries.put(e.getKey(), e.getValue());
        }
    }

    Configuration toConfiguration() {
        Configuration conf = new Configuration(false);
        entries.forEach(conf::set);
        return conf;
    }
}
