package io.emofuse.server.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emofuse.fusion.Emotion;
import io.emofuse.linguistic.Word;
import io.emofuse.analysis.Json;
import java.util.List;

/** JSON building and parsing shared by the two WebSocket protocols. */
final class StreamJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private StreamJson() {
    }

    static JsonNode read(String text) throws WireProtocol.BadMessage {
        try {
            JsonNode n = MAPPER.readTree(text);
            if (n == null || !n.isObject()) {
                throw new WireProtocol.BadMessage("bad_message", "text messages must be JSON objects");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new WireProtocol.BadMessage("bad_message", "not JSON: " + e.getOriginalMessage());
        }
    }

    /** A sample rate from a config message, checked. */
    static Integer sampleRate(JsonNode config) throws WireProtocol.BadMessage {
        JsonNode r = config.get("sample_rate");
        if (r == null || r.isNull()) {
            return null;
        }
        if (!r.isNumber() || r.asDouble() != Math.rint(r.asDouble())) {
            throw new WireProtocol.BadMessage("bad_config", "sample_rate must be an integer number of Hz");
        }
        // The range is checked on the value as sent: asInt() truncates a long, so 4294983296 was
        // taken for 16000.
        double rate = r.asDouble();
        if (rate < 8_000 || rate > 48_000) {
            throw new WireProtocol.BadMessage("bad_config", "sample_rate must be 8000..48000 Hz, got " + r.asText());
        }
        return (int) rate;
    }

    static JsonNode emotion(Emotion e) {
        return Json.emotion(e);
    }

    static JsonNode words(List<Word> words) {
        return Json.MAPPER.valueToTree(words);
    }

    static String write(JsonNode n) {
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
