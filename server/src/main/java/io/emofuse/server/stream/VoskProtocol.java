package io.emofuse.server.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * vosk-server's WebSocket protocol at {@code /v1/vosk}, so existing Vosk clients work unchanged:
 * {@code {"config":{"sample_rate":N,...}}}, binary audio and {@code {"eof" : 1}} in; exactly one
 * answer per audio message, {@code {"partial":...}} or {@code {"text":...,"result":[...]}}, the
 * latter with an added {@code emotion} field; the final result after eof.
 */
public final class VoskProtocol implements WireProtocol {

    private String partial = "";

    @Override
    public Command parse(String text) throws BadMessage {
        JsonNode n = StreamJson.read(text);
        if (n.has("eof")) {
            return new Eof();
        }
        if (n.has("config")) {
            JsonNode c = n.get("config");
            if (!c.isObject()) {
                throw new BadMessage("bad_config", "config must be an object");
            }
            return new Config(StreamJson.sampleRate(c));
        }
        throw new BadMessage("bad_message", "expected {\"config\": {...}} or {\"eof\" : 1}");
    }

    @Override
    public boolean answersEachMessage() {
        return true;
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
        for (StreamEvent e : events) {
            if (e instanceof StreamEvent.Final f) {
                return List.of(result(f));
            }
        }
        ObjectNode empty = StreamJson.MAPPER.createObjectNode().put("text", "");
        empty.putNull("emotion");
        return List.of(StreamJson.write(empty));
    }

    private static String result(StreamEvent.Final f) {
        ObjectNode n = StreamJson.MAPPER.createObjectNode();
        n.set("result", StreamJson.words(f.words()));
        n.put("text", f.text());
        n.set("emotion", StreamJson.emotion(f.emotion()));
        return StreamJson.write(n);
    }

    @Override
    public String error(String code, String detail) {
        return StreamJson.write(StreamJson.MAPPER.createObjectNode().put("error", code).put("detail", detail));
    }
}
