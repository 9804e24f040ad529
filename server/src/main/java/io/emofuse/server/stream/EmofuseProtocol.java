package io.emofuse.server.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emofuse.analysis.Json;
import io.emofuse.analysis.stream.StreamEvent;
import java.util.List;

/**
 * The emofuse protocol at {@code /v1/stream}: {@code {"type":"config","sample_rate":N}},
 * binary s16le PCM, {@code {"type":"eof"}} in; {@code partial}, {@code final}, {@code emotion}
 * and {@code error} messages out, each with a {@code type}.
 */
public final class EmofuseProtocol implements WireProtocol {

    @Override
    public Command parse(String text) throws BadMessage {
        JsonNode n = StreamJson.read(text);
        String type = n.path("type").asText("");
        return switch (type) {
            case "config" -> Config.rate(StreamJson.sampleRate(n));
            case "eof" -> new Eof();
            default -> throw new BadMessage("bad_message",
                    "unknown message type '" + type + "' (expected config or eof)");
        };
    }

    @Override
    public List<String> afterAudio(List<StreamEvent> events) {
        return events.stream().map(EmofuseProtocol::message).toList();
    }

    @Override
    public List<String> afterEof(List<StreamEvent> events) {
        return afterAudio(events);
    }

    private static String message(StreamEvent e) {
        ObjectNode n = StreamJson.MAPPER.createObjectNode();
        if (e instanceof StreamEvent.Partial p) {
            n.put("type", "partial").put("text", p.text());
        } else if (e instanceof StreamEvent.Final f) {
            n.put("type", "final").put("text", f.text());
            n.set("words", StreamJson.words(f.words()));
            n.put("start", Json.millis(f.start())).put("end", Json.millis(f.end()));
            n.set("emotion", StreamJson.emotion(f.emotion()));
        } else if (e instanceof StreamEvent.Interim i) {
            n.put("type", "emotion").put("start", Json.millis(i.start())).put("end", Json.millis(i.end())).put("text", i.text());
            n.set("emotion", StreamJson.emotion(i.emotion()));
        }
        return StreamJson.write(n);
    }

    @Override
    public String error(String code, String detail) {
        return StreamJson.write(StreamJson.MAPPER.createObjectNode().put("type", "error").put("error", code)
                .put("detail", detail));
    }
}
