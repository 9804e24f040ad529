package io.emofuse.fusion.bundle;

import java.util.Map;

/**
 * Where a trained model came from (after Tribuo's provenance): the data (manifest path, its
 * SHA-256 and row count), the code (git commit, versions of emofuse, DJL, PyTorch, Java), when,
 * the seed, the full training config as text, and the metrics measured at training time.
 */
public record Provenance(String manifest, String manifestSha256, int trainingRows, String gitCommit, String createdAt,
                         Map<String, String> versions, long seed, String config, Map<String, Object> metrics) {
    public Provenance {
        versions = versions == null ? Map.of() : Map.copyOf(versions);
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }
}
