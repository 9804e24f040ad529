package io.emofuse.training.manifest;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** A manifest's rows with the file's path and SHA-256 (for provenance). */
public record Manifest(Path file, String sha256, List<ManifestRow> rows) {
    public Manifest {
        rows = List.copyOf(rows);
    }

    /** True when every row has V, A and D; throws naming the first offender when only some do. */
    public boolean hasVad() {
        long with = rows.stream().filter(ManifestRow::hasVad).count();
        boolean anyMention = rows.stream().anyMatch(r -> r.valence() != null || r.arousal() != null || r.dominance() != null);
        if (!anyMention) {
            return false;
        }
        if (with < rows.size()) {
            ManifestRow bad = rows.stream().filter(r -> !r.hasVad()).findFirst().orElseThrow();
            throw new ManifestException(file + " line " + bad.line() + ": V, A and D not all given, while "
                    + (with > 0 ? with + " rows have all three" : "rows mention them") + "; give all three everywhere or nowhere");
        }
        return true;
    }

    /** Sorted distinct categories; empty when no row has one. */
    public List<String> categories() {
        List<String> c = rows.stream().map(ManifestRow::category).filter(Objects::nonNull)
                .filter(s -> !s.isBlank()).distinct().sorted().toList();
        if (!c.isEmpty()) {
            rows.stream().filter(r -> r.category() == null || r.category().isBlank()).findFirst().ifPresent(r -> {
                throw new ManifestException(file + " line " + r.line() + ": no category while other rows have one");
            });
        }
        return c;
    }

    public Manifest withRows(List<ManifestRow> subset) {
        return new Manifest(file, sha256, subset);
    }
}
