package io.emofuse.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Bearer-key authentication. Keys are kept only as SHA-256 digests and compared in constant time
 * (every key is compared, and digests have equal length), so neither timing nor a heap dump
 * leaks them; they are never logged. With no keys configured, everything is allowed.
 */
public final class ApiKeys {

    private final List<byte[]> digests;

    public ApiKeys(List<String> keys) {
        this.digests = keys.stream().map(ApiKeys::sha256).toList();
    }

    public boolean enabled() {
        return !digests.isEmpty();
    }

    /** True when auth is off or {@code authorization} is {@code Bearer <a configured key>}. */
    public boolean allowsHeader(String authorization) {
        if (!enabled()) {
            return true;
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return allowsKey(authorization.substring(7).trim());
    }

    /** True when auth is off or {@code key} is a configured key. */
    public boolean allowsKey(String key) {
        if (!enabled()) {
            return true;
        }
        if (key == null || key.isEmpty()) {
            return false;
        }
        byte[] d = sha256(key);
        boolean ok = false;
        for (byte[] k : digests) {
            ok |= MessageDigest.isEqual(k, d);
        }
        return ok;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
