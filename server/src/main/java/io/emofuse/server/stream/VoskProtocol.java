package io.emofuse.server.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emofuse.analysis.stream.StreamEvent;
import io.emofuse.linguistic.Word;
import io.emofuse.linguistic.asr.AsrEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * vosk-server's WebSocket protocol at {@code /v1/vosk} (its {@code websocket/asr_server.py}), so
 * existing Vosk clients work unchanged. In: {@code {"config":{...}}} at any time, binary audio,
 * {@code {"reset" : 1}} and {@code {"eof" : 1}}. Out: exactly one answer per audio message,
 * {@code {"partial":...}} or a result, one result per reset and a last one after eof. A result is
 * {@code {"result":[...],"text":...}}, without {@code result} when the client set {@code words} to
 * 0, or {@code {"alternatives":[{"text","confidence","result"?}...]}} with {@code max_alternatives};
 * emofuse adds an {@code emotion} field.
 *
 * <p>Config keys, read as vosk-server reads them: {@code sample_rate} through Python's
 * {@code float()} (a number or a numeric string; 8000-48000 Hz here, rounded to whole Hz),
 * {@code words} through {@code bool()}, {@code max_alternatives} through {@code int()} (0-{@value
 * #MAX_ALTERNATIVES} here), {@code phrase_list} (a list of phrases: a Vosk grammar; empty or null is
 * free speech), {@code model} refused (this server serves one model). Other keys are ignored, as
 * there.
 */
public final class VoskProtocol implements WireProtocol {

    /** Bounds the n-best search a client can ask for (vosk-server has no bound). */
    static final int MAX_ALTERNATIVES = 20;
    /** Bounds the grammar a client can make the server compile. */
    static final int MAX_PHRASES = 1000;
    static final int MAX_PHRASE_CHARS = 500;

    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[+-]?(\\d{1,20}\\.?\\d{0,20}|\\.\\d{1,20})([eE][+-]?\\d{1,3})?");

    private final int defaultSampleRate;
    private String partial = "";
    private boolean words = true;
    private int maxAlternatives;

    /** @param defaultSampleRate the rate assumed until a config sets one (vosk-server's 8000 by default) */
    public VoskProtocol(int defaultSampleRate) {
        this.defaultSampleRate = defaultSampleRate;
    }

    @Override
    public Command parse(String text) throws BadMessage {
        JsonNode n = StreamJson.read(text);
        if (n.has("config")) {
            return config(n.get("config"));
        }
        if (n.has("eof")) {
            return new Eof();
        }
        if (n.has("reset")) {
            return new Reset();
        }
        throw new BadMessage("bad_message", "expected {\"config\": {...}}, {\"reset\" : 1} or {\"eof\" : 1}");
    }

    private static Config config(JsonNode c) throws BadMessage {
        if (!c.isObject()) {
            throw new BadMessage("bad_config", "config must be an object");
        }
        if (c.has("model")) {
            throw new BadMessage("bad_config", "this server serves one model; 'model' cannot be set per stream"
                    + " (GET /v1/models lists it)");
        }
        Integer rate = c.has("sample_rate") ? sampleRate(c.get("sample_rate")) : null;
        Boolean words = c.has("words") ? truthy(c.get("words")) : null;
        Integer alternatives = c.has("max_alternatives") ? alternatives(c.get("max_alternatives")) : null;
        List<String> phrases = c.has("phrase_list") ? phrases(c.get("phrase_list")) : null;
        return new Config(rate, phrases, alternatives, words);
    }

    /** Python's {@code float()} of a JSON number or string, then the range emofuse can resample. */
    private static Integer sampleRate(JsonNode r) throws BadMessage {
        double rate;
        if (r.isNumber()) {
            rate = r.asDouble();
        } else if (r.isTextual() && DECIMAL.matcher(r.asText().trim()).matches()) {
            // Decimal notation only (Java would also read "16000d" and hex, which float() refuses).
            rate = Double.parseDouble(r.asText().trim());
        } else {
            throw new BadMessage("bad_config", "sample_rate must be a number, got " + r);
        }
        if (!(rate >= 8_000 && rate <= 48_000)) {
            throw new BadMessage("bad_config", "sample_rate must be 8000..48000 Hz, got " + r.asText());
        }
        return (int) Math.round(rate);
    }

    /** Python's {@code bool()}: 0, false, null, "" and empty containers are false. */
    private static boolean truthy(JsonNode v) {
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isNumber()) {
            return v.asDouble() != 0;
        }
        if (v.isTextual() || v.isContainerNode()) {
            return v.isTextual() ? !v.asText().isEmpty() : v.size() > 0;
        }
        return false;
    }

    /** Python's {@code int()}: a number (truncated) or a string of digits. */
    private static int alternatives(JsonNode v) throws BadMessage {
        double n;
        if (v.isNumber()) {
            n = Math.floor(Math.abs(v.asDouble())) * Math.signum(v.asDouble());
        } else if (v.isTextual() && v.asText().trim().matches("[+-]?\\d{1,9}")) {
            n = Integer.parseInt(v.asText().trim());
        } else {
            throw new BadMessage("bad_config", "max_alternatives must be an integer, got " + v);
        }
        if (n < 0 || n > MAX_ALTERNATIVES) {
            throw new BadMessage("bad_config", "max_alternatives must be 0.." + MAX_ALTERNATIVES + ", got " + v.asText());
        }
        return (int) n;
    }

    private static List<String> phrases(JsonNode v) throws BadMessage {
        if (v.isNull()) {
            return List.of();
        }
        if (!v.isArray() || v.size() > MAX_PHRASES) {
            throw new BadMessage("bad_config", "phrase_list must be a list of at most " + MAX_PHRASES + " strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode p : v) {
            if (!p.isTextual() || p.asText().length() > MAX_PHRASE_CHARS) {
                throw new BadMessage("bad_config", "phrase_list entries must be strings of at most "
                        + MAX_PHRASE_CHARS + " characters, got " + p);
            }
            out.add(p.asText());
        }
        return out;
    }

    @Override
    public int defaultSampleRate() {
        return defaultSampleRate;
    }

    @Override
    public boolean configAnyTime() {
        return true;
    }

    @Override
    public boolean answersEachMessage() {
        return true;
    }

    @Override
    public void apply(Config c) {
        if (c.words() != null) {
            words = c.words();
        }
        if (c.maxAlternatives() != null) {
            maxAlternatives = c.maxAlternatives();
        }
    }

    @Override
    public List<String> afterAudio(List<StreamEvent> events) {
        for (StreamEvent e : events) {
            if (e instanceof StreamEvent.Final f) {
                partial = "";
                return List.of(result(f));
            }
            if (e instanceof StreamEvent.Partial p) {
                partial = p.text();
            }
        }
        return List.of(StreamJson.write(StreamJson.MAPPER.createObjectNode().put("partial", partial)));
    }

    @Override
    public List<String> afterEof(List<StreamEvent> events) {
        partial = "";
        for (StreamEvent e : events) {
            if (e instanceof StreamEvent.Final f) {
                return List.of(result(f));
            }
        }
        // Vosk's empty result: {"text": ""}, or one empty alternative with confidence 1.
        ObjectNode empty = StreamJson.MAPPER.createObjectNode();
        if (maxAlternatives > 0) {
            empty.putArray("alternatives").addObject().put("text", "").put("confidence", 1.0);
        } else {
            empty.put("text", "");
        }
        empty.putNull("emotion");
        return List.of(StreamJson.write(empty));
    }

    private String result(StreamEvent.Final f) {
        ObjectNode n = StreamJson.MAPPER.createObjectNode();
        if (maxAlternatives > 0 && !f.alternatives().isEmpty()) {
            ArrayNode alts = n.putArray("alternatives");
            for (AsrEvent.Alternative a : f.alternatives()) {
                ObjectNode o = alts.addObject();
                if (words) {
                    // Vosk's n-best words carry no confidence.
                    ArrayNode ws = o.putArray("result");
                    for (Word w : a.transcript().words()) {
                        ws.addObject().put("end", w.end()).put("start", w.start()).put("word", w.word());
                    }
                }
                o.put("text", a.transcript().text()).put("confidence", a.confidence());
            }
        } else {
            if (words) {
                n.set("result", StreamJson.words(f.words()));
            }
            n.put("text", f.text());
        }
        n.set("emotion", StreamJson.emotion(f.emotion()));
        return StreamJson.write(n);
    }

    @Override
    public String error(String code, String detail) {
        return StreamJson.write(StreamJson.MAPPER.createObjectNode().put("error", code).put("detail", detail));
    }
}
