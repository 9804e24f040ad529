package io.emofuse.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Config parsing, API keys and stream admission, without a server. */
class LimitsTest {

    @Test
    void shippedConfigParsesToTheDefaults() throws Exception {
        Path shipped = Path.of("..", "configs", "server.yaml");
        ServerConfig c = ServerConfig.load(shipped);
        assertEquals(ServerConfig.defaults(), c, "configs/server.yaml documents the defaults");
        assertEquals(8080, c.port());
        assertEquals(1 << 20, c.maxFrameBytes());
    }

    @Test
    void unknownKeysAndBadValuesAreErrors(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path typo = java.nio.file.Files.writeString(tmp.resolve("typo.yaml"), "max_stream: 4\n");
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.load(typo));
        Path bad = java.nio.file.Files.writeString(tmp.resolve("bad.yaml"), "port: 70000\n");
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.load(bad));
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.defaults().with("no_such_key", 1));
        assertEquals(9, ServerConfig.defaults().with(Map.of("port", 9, "model", Path.of("m"))).port());
    }

    @Test
    void aModelNameInTheConfigStaysAName(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        // configs/server.yaml suggests "model: default" (a catalogued name, not a directory here).
        Path yaml = java.nio.file.Files.writeString(tmp.resolve("s.yaml"), "model: default\naudio_roots: [data]\n");
        ServerConfig c = ServerConfig.load(yaml).with("port", 9);
        assertEquals(Path.of("default"), c.model());
        assertEquals(List.of(Path.of("data")), c.audioRoots());
    }

    @Test
    void apiKeysCompareWholeKeys() {
        ApiKeys off = new ApiKeys(List.of());
        assertTrue(off.allowsHeader(null));
        ApiKeys keys = new ApiKeys(List.of("k-one", "k-two"));
        assertTrue(keys.allowsHeader("Bearer k-two"));
        assertTrue(keys.allowsHeader("bearer k-one"));
        assertFalse(keys.allowsHeader(null));
        assertFalse(keys.allowsHeader("Bearer k-on"));
        assertFalse(keys.allowsHeader("Bearer k-one2"));
        assertFalse(keys.allowsHeader("Basic k-one"));
        assertFalse(keys.allowsHeader("Bearer "));
        assertFalse(keys.allowsKey(null));
    }

    @Test
    void admissionCapsGloballyAndPerClient() {
        AtomicInteger active = new AtomicInteger();
        StreamAdmission a = new StreamAdmission(3, 2, active);
        StringBuilder why = new StringBuilder();
        Optional<StreamAdmission.Ticket> a1 = a.tryAdmit("10.0.0.1", why);
        Optional<StreamAdmission.Ticket> a2 = a.tryAdmit("10.0.0.1", why);
        assertTrue(a1.isPresent() && a2.isPresent());
        assertTrue(a.tryAdmit("10.0.0.1", why).isEmpty());
        assertTrue(why.toString().contains("this client"));
        Optional<StreamAdmission.Ticket> b1 = a.tryAdmit("10.0.0.2", why);
        assertTrue(b1.isPresent());
        StringBuilder full = new StringBuilder();
        assertTrue(a.tryAdmit("10.0.0.3", full).isEmpty());
        assertTrue(full.toString().contains("maximum of 3"));
        assertEquals(3, active.get());
        a1.get().release();
        a1.get().release(); // twice is harmless
        assertEquals(2, active.get());
        assertTrue(a.tryAdmit("10.0.0.3", new StringBuilder()).isPresent());
    }
}
