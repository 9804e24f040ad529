package io.emofuse.server.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emofuse.server.stream.EmofuseProtocol;
import io.emofuse.server.stream.VoskProtocol;
import io.emofuse.server.stream.WireProtocol;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the WebSocket control messages (docs/reliability.md): the text
 * frames of {@code /v1/stream} ({@code {"type":"config","sample_rate":N}}, {@code {"type":"eof"}})
 * and of the vosk-server protocol at {@code /v1/vosk} ({@code {"config":{"sample_rate":N}}},
 * {@code {"eof":1}}). A message either parses to a command or fails with
 * {@link WireProtocol.BadMessage}; an accepted sample rate is exactly the number the client sent
 * and within 8-48 kHz.
 */
class StreamProtocolFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @FuzzTest(maxDuration = "10s")
    @DictionaryEntries({"type", "config", "eof", "sample_rate", "16000", "48000", "8000", "\"", "{", "}", ":"})
    void emofuse(byte[] data) throws Exception {
        String text = new String(data, StandardCharsets.UTF_8);
        check(text, new EmofuseProtocol(), n -> n.get("sample_rate"));
    }

    @FuzzTest(maxDuration = "10s")
    @DictionaryEntries({"config", "eof", "reset", "sample_rate", "words", "max_alternatives", "phrase_list",
        "model", "16000", "48000", "8000", "\"", "{", "}", ":", "[", "]"})
    void vosk(byte[] data) throws Exception {
        String text = new String(data, StandardCharsets.UTF_8);
        check(text, new VoskProtocol(8_000), n -> n.path("config").get("sample_rate"));
    }

    private static void check(String text, WireProtocol protocol, java.util.function.Function<JsonNode, JsonNode> rate)
            throws Exception {
        WireProtocol.Command cmd;
        try {
            cmd = protocol.parse(text);
        } catch (WireProtocol.BadMessage expected) {
            // the documented outcome: the socket answers with the code and closes
            if (expected.code() == null || expected.code().isBlank()) {
                throw new AssertionError("BadMessage without a code: " + expected.getMessage());
            }
            return;
        }
        if (cmd == null) {
            throw new AssertionError("no command and no error for " + text);
        }
        if (cmd instanceof WireProtocol.Config c && c.maxAlternatives() != null
                && (c.maxAlternatives() < 0 || c.maxAlternatives() > 20)) {
            throw new AssertionError("max_alternatives " + c.maxAlternatives() + " accepted from " + text);
        }
        if (cmd instanceof WireProtocol.Config c && c.sampleRate() != null) {
            int r = c.sampleRate();
            if (r < 8_000 || r > 48_000) {
                throw new AssertionError("sample rate " + r + " accepted from " + text);
            }
            // The parser read the message already, so reading it again cannot fail.
            JsonNode sent = rate.apply(JSON.readTree(text));
            // vosk-server reads the rate with float() (a string too), emofuse rounds it to whole Hz;
            // the emofuse protocol takes whole numbers only.
            if (sent == null || new BigDecimal(sent.asText().trim()).subtract(BigDecimal.valueOf(r)).abs()
                    .compareTo(new BigDecimal("0.5")) > 0) {
                throw new AssertionError("sample rate " + r + " accepted for " + sent + " in " + text);
            }
        }
    }
}
