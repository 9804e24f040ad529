package io.emofuse.analysis.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emofuse.acoustic.AudioTooShortException;
import io.emofuse.acoustic.audio.Audio;
import io.emofuse.fusion.Emotion;
import io.emofuse.fusion.input.SpeakerAdaptation;
import io.emofuse.analysis.EmotionAnalyzer;
import io.emofuse.analysis.Json;
import io.emofuse.analysis.timeline.ChannelMode;
import io.emofuse.analysis.timeline.Timeline;
import io.emofuse.analysis.timeline.TimelineAnalyzer;
import io.emofuse.analysis.timeline.Utterance;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores one JSONL dialogue line: {@code {dialogue_id, turns:[{turn_id, speaker, text?, audio?,
 * start?, end?}]}}. Text-only turns go through the linguistic branch, audio turns through ASR (or
 * the given text) and the acoustic branch; {@code start}/{@code end} cut a segment of a longer
 * recording. Every input line gives exactly one output line: results per turn (a turn that fails
 * carries its own error), or an error object naming the line and the problem. Never throws.
 */
public final class BatchScorer {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TURNS = 10_000;

    private final EmotionAnalyzer analyzer;
    private final BatchAudioSource audioSource;
    private final TimelineAnalyzer timelines;

    public BatchScorer(EmotionAnalyzer analyzer, BatchAudioSource audioSource) {
        this.analyzer = analyzer;
        this.timelines = new TimelineAnalyzer(analyzer);
        this.audioSource = audioSource;
    }

    /** The key a resumed run recognises a finished line by: its dialogue id, or its line number. */
    static String key(JsonNode out) {
        JsonNode id = out.get("dialogue_id");
        return id != null && !id.isNull() ? "id:" + id.asText() : "line:" + out.path("line").asLong();
    }

    /** The resume key of an input line, or null when it has no usable dialogue id. */
    static String inputKey(String line, long lineNo) {
        try {
            JsonNode n = JSON.readTree(line);
            if (n != null && n.isObject() && n.hasNonNull("dialogue_id")
                    && (n.get("dialogue_id").isTextual() || n.get("dialogue_id").isNumber())) {
                return "id:" + n.get("dialogue_id").asText();
            }
        } catch (JsonProcessingException e) {
            // falls through: a malformed line is known by its number
        }
        return "line:" + lineNo;
    }

    /** True when an output line is an error line or has a turn that failed. */
    public static boolean hasError(String outputLine) {
        try {
            JsonNode n = JSON.readTree(outputLine);
            if (n.has("error")) {
                return true;
            }
            for (JsonNode t : n.path("turns")) {
                if (t.has("error")) {
                    return true;
                }
            }
            return false;
        } catch (JsonProcessingException e) {
            return true;
        }
    }

    /** One output line (without newline) for input line {@code lineNo} (1-based). */
    public String score(String line, long lineNo) {
        ObjectNode out = JSON.createObjectNode();
        out.put("line", lineNo);
        try {
            JsonNode in = parse(line);
            JsonNode id = in.get("dialogue_id");
            if (id != null && (id.isTextual() || id.isNumber())) {
                out.set("dialogue_id", id);
            }
            if (id == null || !(id.isTextual() || id.isNumber()) || id.asText().isBlank()) {
                throw new BatchInputException("bad_line", "dialogue_id (a string or number) is required");
            }
            JsonNode turns = in.get("turns");
            if (turns == null || !turns.isArray()) {
                throw new BatchInputException("bad_line", "turns (an array) is required");
            }
            if (turns.size() > MAX_TURNS) {
                throw new BatchInputException("bad_line", "more than " + MAX_TURNS + " turns");
            }
            ArrayNode results = out.putArray("turns");
            // Each named speaker's audio turns are normalised with what their earlier turns showed.
            Map<String, SpeakerAdaptation> speakers = new HashMap<>();
            for (int i = 0; i < turns.size(); i++) {
                results.add(turn(turns.get(i), i, speakers));
            }
        } catch (BatchInputException e) {
            out.remove("turns");
            out.put("error", e.code()).put("detail", "line " + lineNo + ": " + e.getMessage());
        } catch (RuntimeException e) {
            out.remove("turns");
            out.put("error", "internal").put("detail", "line " + lineNo + ": " + e);
        }
        return write(out);
    }

    private static JsonNode parse(String line) throws BatchInputException {
        if (line.isBlank()) {
            throw new BatchInputException("bad_line", "empty line");
        }
        try {
            JsonNode n = JSON.readTree(line);
            if (n == null || !n.isObject()) {
                throw new BatchInputException("bad_line", "not a JSON object");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new BatchInputException("bad_json", "not JSON: " + e.getOriginalMessage());
        }
    }

    private ObjectNode turn(JsonNode t, int index, Map<String, SpeakerAdaptation> speakers) {
        ObjectNode r = JSON.createObjectNode();
        try {
            if (!t.isObject()) {
                throw new BatchInputException("bad_turn", "turn " + index + " is not an object");
            }
            JsonNode id = t.get("turn_id");
            r.set("turn_id", id == null ? JSON.nullNode() : id);
            if (t.hasNonNull("speaker")) {
                r.set("speaker", t.get("speaker"));
            }
            String text = optionalString(t, "text");
            String audio = optionalString(t, "audio");
            if (text == null && audio == null) {
                throw new BatchInputException("bad_turn", "turn " + index + " has neither text nor audio");
            }
            if (audio == null) {
                if (t.has("start") || t.has("end")) {
                    throw new BatchInputException("bad_turn", "start/end need audio");
                }
                EmotionAnalyzer.TextAnalysis a = analyzer.analyzeText(text);
                r.put("source", "text").put("transcript", a.text());
                r.set("emotion", emotion(a.emotion()));
            } else if (timeline(t, text)) {
                ChannelMode mode = channels(t);
                List<Audio> all = mode == ChannelMode.SPLIT ? audioSource.loadChannels(audio) : List.of(audioSource.load(audio));
                if (mode == ChannelMode.MIX && all.get(0).durationSeconds() <= TimelineAnalyzer.WHOLE_RECORDING_MAX_S) {
                    r.setAll(audioTurn(all.get(0), null, t, speakers));
                } else {
                    Timeline tl = timelines.analyze(all, mode);
                    r.put("source", "audio").put("transcript", String.join(" ",
                            tl.utterances().stream().map(Utterance::transcript).toList()));
                    r.put("duration_s", Json.millis(tl.durationS()));
                    r.set("timeline", Json.MAPPER.valueToTree(tl));
                }
            } else {
                r.setAll(audioTurn(segment(audioSource.load(audio), audio, t), text, t, speakers));
            }
        } catch (BatchInputException e) {
            r.put("error", e.code()).put("detail", "turn " + index + ": " + e.getMessage());
        } catch (AudioTooShortException e) {
            r.put("error", "audio_too_short").put("detail", "turn " + index + ": " + e.getMessage());
        } catch (UnsupportedOperationException e) {
            r.put("error", "unsupported").put("detail", "turn " + index + ": " + e.getMessage());
        } catch (java.io.IOException e) {
            r.put("error", "bad_audio").put("detail", "turn " + index + ": " + e.getMessage());
        }
        return r;
    }

    /** An audio turn scored as one utterance: transcript, duration and emotion. */
    private ObjectNode audioTurn(Audio clip, String text, JsonNode t, Map<String, SpeakerAdaptation> speakers) {
        JsonNode who = t.get("speaker");
        SpeakerAdaptation speaker = who == null || !(who.isTextual() || who.isNumber()) ? null
                : speakers.computeIfAbsent(who.asText(), k -> analyzer.newSpeaker());
        EmotionAnalyzer.Analysis a = analyzer.analyze(clip, text, speaker);
        ObjectNode r = JSON.createObjectNode();
        r.put("source", text == null ? "audio" : "audio+text").put("transcript", a.transcript());
        r.put("duration_s", a.durationS());
        r.set("emotion", emotion(a.emotion()));
        return r;
    }

    /**
     * Whether a turn is a whole recording to hear as a timeline: audio without start/end and
     * without given text. It gets one when it is longer than a minute or splits its channels;
     * a shorter mixed one is scored as one utterance, as before.
     */
    private static boolean timeline(JsonNode t, String text) throws BatchInputException {
        boolean cut = t.has("start") || t.has("end");
        if (channels(t) == ChannelMode.SPLIT && (cut || text != null)) {
            throw new BatchInputException("bad_turn", "channels: split hears a whole recording; it takes neither "
                    + "start/end nor text");
        }
        return !cut && text == null;
    }

    private static ChannelMode channels(JsonNode t) throws BatchInputException {
        String c = optionalString(t, "channels");
        try {
            return c == null ? ChannelMode.MIX : ChannelMode.parse(c);
        } catch (IllegalArgumentException e) {
            throw new BatchInputException("bad_turn", e.getMessage());
        }
    }

    private static String optionalString(JsonNode t, String field) throws BatchInputException {
        JsonNode v = t.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new BatchInputException("bad_turn", field + " must be a string");
        }
        return v.asText();
    }

    private static Audio segment(Audio whole, String name, JsonNode t) throws BatchInputException {
        Double start = seconds(t, "start");
        Double end = seconds(t, "end");
        if (start == null && end == null) {
            return whole;
        }
        double from = start == null ? 0 : start;
        double to = end == null ? whole.durationSeconds() : end;
        if (to <= from) {
            throw new BatchInputException("bad_turn", "end " + to + " is not after start " + from);
        }
        if (from >= whole.durationSeconds()) {
            throw new BatchInputException("bad_turn", String.format(java.util.Locale.ROOT,
                    "start %.3f s is past the end of %s (%.3f s)", from, name, whole.durationSeconds()));
        }
        int a = (int) Math.round(from * whole.sampleRate());
        int b = (int) Math.min(whole.samples().length, Math.round(to * whole.sampleRate()));
        return new Audio(Arrays.copyOfRange(whole.samples(), a, b), whole.sampleRate(), whole.source());
    }

    private static Double seconds(JsonNode t, String field) throws BatchInputException {
        JsonNode v = t.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber() || v.asDouble() < 0 || !Double.isFinite(v.asDouble())) {
            throw new BatchInputException("bad_turn", field + " must be a non-negative number of seconds");
        }
        return v.asDouble();
    }

    static JsonNode emotion(Emotion e) {
        return Json.emotion(e);
    }

    private static String write(JsonNode n) {
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
