package io.emofuse.analysis;

import io.emofuse.linguistic.models.ModelNotFoundException;
import io.emofuse.linguistic.models.ModelSpec;
import io.emofuse.linguistic.models.ModelStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where an emotion model named on the command line or in a config lives: an existing directory is
 * taken as it is; otherwise a bare name such as {@code default} is looked up in the model catalogue
 * (kind {@code emotion}) and resolved through the {@link ModelStore} (extracted, sha256-verified).
 */
public final class EmotionModelLocator {

    /**
     * The catalogue name of the shipped default model (its card:
     * fusion/src/main/resources/io/emofuse/models/default/MODEL_CARD.md).
     */
    public static final String DEFAULT = "default";

    /** The model name that means: run without an emotion model. */
    public static final String NONE = "none";

    private EmotionModelLocator() {
    }

    public static Path locate(Path given, ModelStore store) {
        if (Files.isDirectory(given)) {
            return given;
        }
        String name = given.toString();
        ModelSpec spec = store.spec(name).filter(s -> s.kind().equals("emotion")).orElseThrow(() ->
                new ModelNotFoundException("model directory " + given + " does not exist and no emotion model of that "
                        + "name is catalogued (known: " + store.catalog().stream().filter(s -> s.kind().equals("emotion"))
                        .map(ModelSpec::name).toList() + ")"));
        return store.resolve(spec.name());
    }
}
