package io.emofuse.linguistic.models;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one place that turns a model name into a directory of files: it extracts the model from
 * the Maven artifact on the classpath into the cache ({@code $EMOFUSE_HOME/models/NAME}, default
 * {@code ~/.emofuse}), checks every file's sha256 against the catalogue, and lets a user point at
 * a directory of their own instead. Nothing is ever downloaded.
 */
public final class ModelStore {

    private static final String CATALOG = "/io/emofuse/models/catalog.json";
    private static final String VERIFIED_MARKER = ".emofuse-verified";

    private final Path home;
    private final List<ModelSpec> catalog;
    private final ClassLoader loader;

    public ModelStore(Path home) {
        this(home, ModelStore.class.getClassLoader());
    }

    ModelStore(Path home, ClassLoader loader) {
        this.home = home;
        this.loader = loader;
        this.catalog = loadCatalog();
    }

    /** The store at {@code -Demofuse.home}, else {@code $EMOFUSE_HOME}, else {@code ~/.emofuse}. */
    public static ModelStore fromEnvironment() {
        return new ModelStore(defaultHome());
    }

    public static Path defaultHome() {
        String prop = System.getProperty("emofuse.home");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = System.getenv("EMOFUSE_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".emofuse");
    }

    public Path home() {
        return home;
    }

    public List<ModelSpec> catalog() {
        return catalog;
    }

    public Optional<ModelSpec> spec(String name) {
        return catalog.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Where a catalogued model lives once extracted. */
    public Path cachePath(ModelSpec spec) {
        return home.resolve("models").resolve(spec.name());
    }

    /** True when the model's artifact is on the classpath (so it can be extracted). */
    public boolean available(ModelSpec spec) {
        String first = spec.files().keySet().iterator().next();
        return loader.getResource(spec.resource() + first) != null;
    }

    /** True when the model is extracted and was verified. */
    public boolean cached(ModelSpec spec) {
        Path dir = cachePath(spec);
        if (!Files.isRegularFile(dir.resolve(VERIFIED_MARKER))) {
            return false;
        }
        for (Map.Entry<String, ModelSpec.FileSum> f : spec.files().entrySet()) {
            Path p = dir.resolve(f.getKey());
            try {
                if (!Files.isRegularFile(p) || Files.size(p) != f.getValue().size()) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /**
     * A user's own model directory, or the catalogued model extracted and verified.
     *
     * @param name     catalogue name
     * @param override a directory the user named, or null
     */
    public Path resolve(String name, Path override) {
        if (override != null) {
            if (!Files.isDirectory(override)) {
                throw new ModelNotFoundException("model directory " + override + " does not exist");
            }
            return override;
        }
        return resolve(name);
    }

    /** The catalogued model's directory, extracting and verifying it on first use. */
    public Path resolve(String name) {
        ModelSpec spec = spec(name).orElseThrow(() -> new ModelNotFoundException(
                "unknown model '" + name + "'; known: " + catalog.stream().map(ModelSpec::name).toList()));
        if (cached(spec)) {
            return cachePath(spec);
        }
        if (!available(spec)) {
            throw new ModelNotFoundException("model '" + name + "' is not installed: its artifact "
                    + spec.artifact() + " is not on the classpath (build with 'mvn package' or point at "
                    + "your own model directory)");
        }
        try {
            return extract(spec);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract model '" + name + "' into " + cachePath(spec), e);
        }
    }

    /** Re-hashes every cached file of a model against the catalogue; returns the problems found. */
    public List<String> verify(ModelSpec spec) {
        List<String> problems = new ArrayList<>();
        Path dir = cachePath(spec);
        for (Map.Entry<String, ModelSpec.FileSum> f : spec.files().entrySet()) {
            Path p = dir.resolve(f.getKey());
            try (InputStream in = Files.newInputStream(p)) {
                String sha = sha256(in, OutputStream.nullOutputStream());
                if (!sha.equals(f.getValue().sha256())) {
                    problems.add(p + ": sha256 " + sha + ", expected " + f.getValue().sha256());
                }
            } catch (IOException e) {
                problems.add(p + ": " + e.getMessage());
            }
        }
        return problems;
    }

    private Path extract(ModelSpec spec) throws IOException {
        Path target = cachePath(spec);
        Files.createDirectories(target.getParent());
        // Extract into a private directory and move it into place, so a concurrent process or a
        // crash never leaves a half-written model that looks complete.
        Path tmp = Files.createTempDirectory(target.getParent(), spec.name() + ".partial-");
        try {
            for (Map.Entry<String, ModelSpec.FileSum> f : spec.files().entrySet()) {
                Path out = tmp.resolve(f.getKey());
                Files.createDirectories(out.getParent());
                try (InputStream in = loader.getResourceAsStream(spec.resource() + f.getKey());
                     OutputStream os = Files.newOutputStream(out)) {
                    if (in == null) {
                        throw new ModelNotFoundException("model '" + spec.name() + "': file " + f.getKey()
                                + " missing from artifact " + spec.artifact());
                    }
                    String sha = sha256(in, os);
                    if (!sha.equals(f.getValue().sha256())) {
                        throw new ModelNotFoundException("model '" + spec.name() + "': " + f.getKey()
                                + " has sha256 " + sha + ", expected " + f.getValue().sha256()
                                + " (corrupt or different artifact " + spec.artifact() + ")");
                    }
                }
            }
            Files.writeString(tmp.resolve(VERIFIED_MARKER), spec.artifact() + "\n");
            deleteTree(target);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            // Another process won the race; its copy is verified the same way.
        } finally {
            deleteTree(tmp);
        }
        return target;
    }

    private static String sha256(InputStream in, OutputStream out) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (DigestOutputStream dos = new DigestOutputStream(out, md)) {
            in.transferTo(dos);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private List<ModelSpec> loadCatalog() {
        ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        try (InputStream in = ModelStore.class.getResourceAsStream(CATALOG)) {
            if (in == null) {
                throw new IllegalStateException("model catalogue " + CATALOG + " missing from the jar");
            }
            return List.copyOf(mapper.readValue(in, new TypeReference<List<ModelSpec>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model catalogue", e);
        }
    }
}
