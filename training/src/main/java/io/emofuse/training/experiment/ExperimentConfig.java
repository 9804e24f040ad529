package io.emofuse.training.experiment;

import io.emofuse.training.config.TrainConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An experiment (YAML): one manifest, one split shared by all models, and the model configs to
 * compare. Paths are relative to the experiment file. {@code split}, {@code text_source} and
 * {@code cache}, when given, override the model configs' own.
 */
public final class ExperimentConfig {

    public String name = "experiment";
    public String data;
    public TrainConfig.Split split;
    public String textSource;
    public String cache;
    public String out = "results";
    /** Optional: only rows of these speakers (e.g. a smaller run). */
    public List<String> speakers;
    public List<String> models = List.of();

    /** The loaded experiment: its file's folder resolved into paths, the model configs read. */
    public record Loaded(ExperimentConfig config, Path file, Path data, Path cache, Path out, List<TrainConfig> models) {
    }

    public static Loaded load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "experiment config not found");
        }
        ExperimentConfig c;
        try {
            c = TrainConfig.yaml().readValue(file.toFile(), ExperimentConfig.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage().lines().findFirst().orElse("unreadable YAML"));
        }
        Path dir = file.toAbsolutePath().getParent();
        if (c.data == null) {
            throw new IllegalArgumentException(file + ": no 'data' (the manifest to run on)");
        }
        if (c.models.isEmpty()) {
            throw new IllegalArgumentException(file + ": no 'models' to compare");
        }
        List<TrainConfig> models = new ArrayList<>();
        for (String m : c.models) {
            TrainConfig tc = TrainConfig.load(dir.resolve(m));
            if (c.split != null) {
                tc.split = c.split;
            }
            if (c.textSource != null) {
                tc.features.textSource = c.textSource;
            }
            if (tc.name == null) {
                tc.name = Path.of(m).getFileName().toString().replaceFirst("\\.ya?ml$", "");
            }
            tc.validate();
            // results are keyed by name: a second model of the same name would overwrite the first's row
            for (TrainConfig earlier : models) {
                if (earlier.displayName().equals(tc.displayName())) {
                    throw new IllegalArgumentException(file + ": two models named '" + tc.displayName() + "' (" + m
                            + "); give each config its own name");
                }
            }
            models.add(tc);
        }
        return new Loaded(c, file, dir.resolve(c.data).normalize(),
                dir.resolve(c.cache != null ? c.cache : models.get(0).features.cache).normalize(),
                dir.resolve(c.out).normalize(), models);
    }
}
