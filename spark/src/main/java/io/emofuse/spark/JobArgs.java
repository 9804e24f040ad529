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

    String get(String name, String fallback) {
        String v = values.getOrDefault(name, fallback);
        if (v == null) {
            throw new IllegalArgumentException("missing required option " + name);
        }
        return v;
    }
}
