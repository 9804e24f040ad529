package io.emofuse.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emofuse.linguistic.asr.StreamingRecognizer;
import io.emofuse.linguistic.asr.VoskTranscriber;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A client that vanishes mid-stream (no close frame: the TCP connection is reset or just closed)
 * must give back its stream slot and its recogniser at once. The client is a raw socket speaking
 * just enough WebSocket, because a WebSocket library always sends a close frame.
 */
class StreamDisconnectTest {

    @Test
    void aClientThatDropsTheConnectionMidStreamFreesItsSlotAndRecogniser() throws Exception {
        EmofuseServer s = TestFixtures.server(Map.of("max_streams", 4));
        try {
            byte[] pcm = StreamingTest.pcm("03-01-01-01-01-01-01.wav", 0);
            for (boolean reset : new boolean[] {true, false}) {
                Socket socket = open(s.port());
                OutputStream out = socket.getOutputStream();
                // 2 s of speech (within the real-time grace), then wait until the server answers: the
                // recogniser is open and decoding.
                for (int off = 0; off < 64_000; off += 3200) {
                    out.write(binaryFrame(pcm, off, 3200));
                }
                out.flush();
                socket.setSoTimeout(30_000);
                assertTrue(socket.getInputStream().read() >= 0, "the server answered the audio");
                assertEquals(1, s.state().admission().active());
                long t0 = System.nanoTime();
                if (reset) {
                    socket.setSoLinger(true, 0); // RST, as a crashed client or a pulled cable after a timeout
                }
                socket.close();
                while ((s.state().admission().active() > 0 || !s.state().openStreams().isEmpty())
                        && System.nanoTime() - t0 < 5_000_000_000L) {
                    Thread.sleep(5);
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                System.out.printf("disconnect (%s): slot free after %d ms%n", reset ? "RST" : "FIN", ms);
                assertEquals(0, s.state().admission().active(), "stream slot released");
                assertTrue(s.state().openStreams().isEmpty(), "stream forgotten");
                // A job running when the client vanished finishes first; on an idle machine this is well
                // under a second, the bound leaves room for a loaded test machine.
                assertTrue(ms < 2_000, "freed within 2 s, took " + ms + " ms");
                assertEquals("0.0", gauge(s, "emofuse_active_streams"), "the gauge agrees");
            }
            // Once for both: each vanished stream would hold its own slot.
            assertAllRecognisersFree(TestFixtures.analyzer().components().asr());
            // What a soak watches for leaks is exported too (scripts/soak.sh).
            for (String m : List.of("process_files_open_files", "jvm_threads_live_threads", "process_cpu_usage")) {
                assertTrue(Double.parseDouble(gauge(s, m)) >= 0, m);
            }
        } finally {
            s.stop(Duration.ofSeconds(2));
        }
    }

    /** Every recogniser slot can be taken: none is still held by a vanished stream. */
    private static void assertAllRecognisersFree(VoskTranscriber asr) {
        List<StreamingRecognizer> taken = new ArrayList<>();
        try {
            for (int i = 0; i < asr.concurrency(); i++) {
                taken.add(asr.openStream()); // throws AsrBusyException when a slot leaked
            }
        } finally {
            taken.forEach(StreamingRecognizer::close);
        }
    }

    private static String gauge(EmofuseServer s, String name) throws Exception {
        for (String line : new Http(s.port()).get("/metrics").body().split("\n")) {
            if (line.startsWith(name + " ")) {
                return line.substring(name.length() + 1).trim();
            }
        }
        throw new AssertionError(name + " not in /metrics");
    }

    /** A WebSocket upgrade on a plain socket; returns once the server answered 101. */
    private static Socket open(int port) throws Exception {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(("GET /v1/stream HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("connection closed during the handshake: " + head);
            }
            head.append((char) b);
        }
        assertTrue(head.toString().startsWith("HTTP/1.1 101"), head.toString());
        return socket;
    }

    /** One masked binary frame (clients must mask, RFC 6455 5.3) of pcm[off, off+len), len < 65536. */
    private static byte[] binaryFrame(byte[] pcm, int off, int len) {
        byte[] mask = {0x11, 0x22, 0x33, 0x44};
        byte[] f = new byte[8 + len];
        f[0] = (byte) 0x82;
        f[1] = (byte) (0x80 | 126);
        f[2] = (byte) (len >> 8);
        f[3] = (byte) len;
        System.arraycopy(mask, 0, f, 4, 4);
        for (int i = 0; i < len; i++) {
            f[8 + i] = (byte) (pcm[off + i] ^ mask[i % 4]);
        }
        return f;
    }
}
