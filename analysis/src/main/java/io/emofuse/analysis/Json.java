package io.emofuse.analysis;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import io.emofuse.fusion.Emotion;
import java.io.IOException;
import java.util.List;

/**
 * The one JSON mapper of every face (server, score, analyze --json, streams): records out as
 * snake_case ({@code duration_s}, {@code timings_ms}). Times in seconds ({@code start}, {@code end}
 * and every {@code *_s} field) are rounded to milliseconds here, at the writer: audio positions
 * are sums of frame steps, and {@code 0.1499999999999999} is noise a reader should not see.
 */
public final class Json {

    /**
     * Map entries in key order, whatever map a record carries: the same input must give
     * byte-identical output (a resumed batch run is compared with a clean one).
     */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .registerModule(new SimpleModule("emofuse-times").setSerializerModifier(new SecondsToMillis()));

    private Json() {
    }

    /** Seconds rounded to milliseconds (NaN and infinities as they are). */
    public static double millis(double seconds) {
        return Double.isFinite(seconds) ? Math.round(seconds * 1000.0) / 1000.0 : seconds;
    }

    /** True for the JSON field names that hold seconds. */
    static boolean isSeconds(String field) {
        return field.equals("start") || field.equals("end") || field.endsWith("_s");
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

    /** Gives every double field named as seconds a serializer that rounds it to milliseconds. */
    private static final class SecondsToMillis extends BeanSerializerModifier {
        @Override
        public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription desc,
                                                         List<BeanPropertyWriter> props) {
            for (BeanPropertyWriter p : props) {
                Class<?> t = p.getType().getRawClass();
                if ((t == double.class || t == Double.class) && isSeconds(p.getName())) {
                    p.assignSerializer(new MillisSerializer());
                }
            }
            return props;
        }
    }

    private static final class MillisSerializer extends JsonSerializer<Object> {
        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeNumber(millis(((Number) value).doubleValue()));
        }
    }
}
