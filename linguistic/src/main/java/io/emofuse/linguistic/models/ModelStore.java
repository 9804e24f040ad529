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
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The one place that turns a model name into a directory of files: it extracts the model from
 * the Maven artifact on the classpath into the cache ({@code $EMOFUSE_HOME/models/NAME}, default
 * {@code ~/.emofuse}), checks every file's sha256 against the catalogue, and lets a user point at
 * a directory of their own instead. Nothing is ever downloaded.
 *
 * <p>The cache heals: the verification marker records each file's size and modification time when
 * its sha256 was checked; a file whose time changed since is re-hashed on use, and one that no
 * longer matches is re-extracted from the artifact with one notice line ({@code models --extract}
 * re-hashes every file). Hashing every file on every start would cost a second per run.
 */
public final class ModelStore {

    private static final String CATALOG = "/io/emofuse/models/catalog.json";
    private static final String VERIFIED_MARKER = ".emofuse-verified";

    private final Path home;
    private final List<ModelSpec> catalog;
    private final ClassLoader loader;
    private final Consumer<String> notices;

    /** A store whose repair notices go to stderr, one line each. */
    public ModelStore(Path home) {
        this(home, ModelStore.class.getClassLoader(), m -> System.err.println("emofuse: " + m));
    }

    /** A store whose repair notices ("re-extracted model ...") go to {@code notices}. */
    public ModelStore(Path home, Consumer<String> notices) {
        this(home, ModelStore.class.getClassLoader(), notices);
    }

    ModelStore(Path home, ClassLoader loader) {
        this(home, loader, m -> System.err.println("emofuse: " + m));
    }

    ModelStore(Path home, ClassLoader loader, Consumer<String> notices) {
        this.home = home;
        this.loader = loader;
        this.notices = notices;
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

    /**
     * The catalogued model's directory, extracting and verifying it on first use, and re-extracting
     * it (one notice) when a file changed since it was verified and fails its sha256.
     */
    public Path resolve(String name) {
        ModelSpec spec = spec(name).orElseThrow(() -> new ModelNotFoundException(
                "unknown model '" + name + "'; known: " + catalog.stream().map(ModelSpec::name).toList()));
        if (cached(spec)) {
            List<String> bad = damaged(spec, false);
            if (bad.isEmpty()) {
                return cachePath(spec);
            }
            return reextract(spec, bad);
        }
        if (Files.isRegularFile(cachePath(spec).resolve(VERIFIED_MARKER)) && available(spec)) {
            notices.accept("model '" + name + "': files missing or of the wrong size in " + cachePath(spec)
                    + "; re-extracted from " + spec.artifact());
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

    /**
     * {@code models --extract}: the model extracted if it is not, every cached file re-hashed, and a
     * model with a damaged file re-extracted. Returns the notice when it repaired something.
     */
    public Optional<String> repair(ModelSpec spec) {
        if (!cached(spec)) {
            boolean wasThere = Files.exists(cachePath(spec));
            resolve(spec.name());
            return wasThere ? Optional.of("model '" + spec.name() + "': incomplete cache re-extracted from " + spec.artifact())
                    : Optional.empty();
        }
        List<String> bad = damaged(spec, true);
        if (bad.isEmpty()) {
            return Optional.empty();
        }
        Consumer<String> quiet = m -> { };
        new ModelStore(home, loader, quiet).reextract(spec, bad);
        return Optional.of(repairNotice(spec, bad));
    }

    /**
     * The problems of a directory the user named that holds a copy of a catalogued model (the same
     * file names): each file whose sha256 differs from the catalogue's, by path. Empty when every
     * file matches or the directory is not a copy of any catalogued model; lets an error name the file.
     */
    public List<String> verifyCopy(Path dir) {
        for (ModelSpec spec : catalog) {
            if (spec.files().keySet().stream().allMatch(f -> Files.isRegularFile(dir.resolve(f)))) {
                List<String> problems = new ArrayList<>();
                for (Map.Entry<String, ModelSpec.FileSum> f : spec.files().entrySet()) {
                    if (!f.getValue().sha256().equals(sha256(dir.resolve(f.getKey())))) {
                        problems.add(dir.resolve(f.getKey()) + " differs from model '" + spec.name() + "' as shipped (sha256)");
                    }
                }
                return problems;
            }
        }
        return List.of();
    }

    private Path reextract(ModelSpec spec, List<String> bad) {
        Path dir = cachePath(spec);
        if (!available(spec)) {
            throw new ModelNotFoundException("model '" + spec.name() + "': " + dir.resolve(bad.get(0))
                    + " fails its sha256 check, and its artifact " + spec.artifact() + " is not on the classpath to "
                    + "re-extract it from; delete " + dir + " and rebuild (mvn package), or point at your own copy");
        }
        notices.accept(repairNotice(spec, bad));
        try {
            return extract(spec);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract model '" + spec.name() + "' into " + dir, e);
        }
    }

    private String repairNotice(ModelSpec spec, List<String> bad) {
        return "model '" + spec.name() + "': " + String.join(", ", bad) + (bad.size() == 1 ? " fails" : " fail")
                + " its sha256 check; re-extracted from " + spec.artifact() + " into " + cachePath(spec);
    }

    /**
     * The cached files (names relative to the model folder) that fail their sha256; with
     * {@code all} false only files whose size or time differ from the marker's record are hashed.
     * Files that changed time but still match get a fresh record, so they are not hashed again.
     */
    private List<String> damaged(ModelSpec spec, boolean all) {
        Path dir = cachePath(spec);
        Map<String, String> stamps = readStamps(dir);
        List<String> bad = new ArrayList<>();
        boolean restamp = false;
        for (Map.Entry<String, ModelSpec.FileSum> f : spec.files().entrySet()) {
            Path p = dir.resolve(f.getKey());
            if (!all && stamp(p).equals(stamps.get(f.getKey()))) {
                continue;
            }
            if (f.getValue().sha256().equals(sha256(p))) {
                restamp |= !stamp(p).equals(stamps.get(f.getKey()));
            } else {
                bad.add(f.getKey());
            }
        }
        if (bad.isEmpty() && restamp) {
            try {
                writeMarker(dir, spec);
            } catch (IOException e) {
                // a read-only cache still works; its files are hashed again next time
            }
        }
        return bad;
    }

    /** A file's size and modification time as the marker records them; "" when it cannot be read. */
    private static String stamp(Path p) {
        try {
            return Files.size(p) + "\t" + Files.getLastModifiedTime(p).to(TimeUnit.NANOSECONDS);
        } catch (IOException e) {
            return "";
        }
    }

    /** The marker's per-file records (an old marker holds none: every file is hashed once). */
    private static Map<String, String> readStamps(Path dir) {
        Map<String, String> out = new HashMap<>();
        try {
            for (String line : Files.readAllLines(dir.resolve(VERIFIED_MARKER))) {
                String[] f = line.split("\t");
                if (f.length == 3) {
                    out.put(f[0], f[1] + "\t" + f[2]);
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** The marker: the artifact, then one "file, size, time" line per verified file; written atomically. */
    private static void writeMarker(Path dir, ModelSpec spec) throws IOException {
        StringBuilder sb = new StringBuilder(spec.artifact()).append('\n');
        for (String f : spec.files().keySet()) {
            sb.append(f).append('\t').append(stamp(dir.resolve(f))).append('\n');
        }
        Path tmp = Files.createTempFile(dir, VERIFIED_MARKER, ".tmp");
        Files.writeString(tmp, sb);
        try {
            Files.move(tmp, dir.resolve(VERIFIED_MARKER), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dir.resolve(VERIFIED_MARKER), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A file's sha256, or "" when it cannot be read. */
    private static String sha256(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            return sha256(in, OutputStream.nullOutputStream());
        } catch (IOException e) {
            return "";
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
            writeMarker(tmp, spec); // times as extracted: moving the folder keeps them
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
