package io.emofuse.training.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Features and transcripts on disk, keyed by content: an entry's key is the SHA-256 of the audio
 * (or text) plus the extractor/embedder config, so renamed files hit and changed files miss.
 * Writes go through a temporary file and a rename, so parallel runs never see half an entry.
 */
public final class FeatureCache {

    /**
     * Bumped when the stored layout or the meaning of a key changes. Keys name a feature set or an
     * embedder, not its code: a change to how a set is computed needs a bump (or a new cache).
     */
    static final String VERSION = "1";

    private final Path dir;

    public FeatureCache(Path dir) {
        this.dir = dir;
    }

    public Path directory() {
        return dir;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(String s) {
        return sha256(s.getBytes(StandardCharsets.UTF_8));
    }

    private Path file(String kind, String contentHash, String config, String ext) {
        String key = sha256(VERSION + "\0" + contentHash + "\0" + config);
        return dir.resolve(kind).resolve(key.substring(0, 2)).resolve(key + ext);
    }

    public Optional<float[]> vector(String kind, String contentHash, String config) {
        Path f = file(kind, contentHash, config, ".f32");
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);
            float[] v = new float[b.getInt()];
            if (b.remaining() != v.length * 4) {
                return Optional.empty(); // damaged entry: recompute
            }
            b.asFloatBuffer().get(v);
            return Optional.of(v);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void putVector(String kind, String contentHash, String config, float[] v) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(v.length);
        b.asFloatBuffer().put(v);
        write(file(kind, contentHash, config, ".f32"), b.array());
    }

    public Optional<String> text(String kind, String contentHash, String config) {
        Path f = file(kind, contentHash, config, ".txt");
        try {
            return Files.isRegularFile(f) ? Optional.of(Files.readString(f)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void putText(String kind, String contentHash, String config, String text) {
        write(file(kind, contentHash, config, ".txt"), text.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path f, byte[] bytes) {
        try {
            Files.createDirectories(f.getParent());
            Path tmp = Files.createTempFile(f.getParent(), ".tmp", null);
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the feature cache at " + f, e);
        }
    }
}
