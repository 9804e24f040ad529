package io.emofuse.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.emofuse.fusion.Emotion;

/** The one JSON mapper of every face (server, score, analyze --json): records out as snake_case ({@code duration_s}, {@code timings_ms}). */
public final class Json {

    /**
     * Map entries in key order, whatever map a record carries: the same input must give
     * byte-identical output (a resumed batch run is compared with a clean one).
     */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private Json() {
    }

    /** An emotion as JSON, or a JSON null. */
    public static JsonNode emotion(Emotion e) {
        return e == null ? MAPPER.nullNode() : MAPPER.valueToTree(e);
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
