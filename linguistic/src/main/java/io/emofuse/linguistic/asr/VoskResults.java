package io.emofuse.linguistic.asr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.emofuse.linguistic.Transcript;
import io.emofuse.linguistic.Word;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads Vosk's JSON results ({@code {"result":[{"conf","end","start","word"}...],"text":...}}). */
final class VoskResults {

    private static final ObjectMapper JSON = new ObjectMapper();

    private VoskResults() {
    }

    /** One result object as a transcript; a result without words gives an empty transcript. */
    static Transcript parse(String json) {
        return parse(json, 0);
    }

    /** As {@link #parse(String)}, with {@code offsetSeconds} taken off every word's times. */
    static Transcript parse(String json, double offsetSeconds) {
        JsonNode root = read(json);
        List<Word> words = new ArrayList<>();
        for (JsonNode w : root.path("result")) {
            words.add(new Word(w.path("word").asText(), w.path("start").asDouble() - offsetSeconds,
                    w.path("end").asDouble() - offsetSeconds, w.path("conf").asDouble()));
        }
        return new Transcript(root.path("text").asText(""), words);
    }

    /**
     * The n-best list of a result made with {@code max_alternatives} > 0
     * ({@code {"alternatives":[{"text","confidence","result":[{"word","start","end"}]}]}}); empty for
     * a plain result.
     */
    static List<AsrEvent.Alternative> alternatives(String json, double offsetSeconds) {
        List<AsrEvent.Alternative> out = new ArrayList<>();
        for (JsonNode alt : read(json).path("alternatives")) {
            List<Word> words = new ArrayList<>();
            for (JsonNode w : alt.path("result")) {
                words.add(new Word(w.path("word").asText(), w.path("start").asDouble() - offsetSeconds,
                        w.path("end").asDouble() - offsetSeconds, w.path("conf").asDouble(1.0)));
            }
            out.add(new AsrEvent.Alternative(new Transcript(alt.path("text").asText(""), words),
                    alt.path("confidence").asDouble()));
        }
        return out;
    }

    /** The {@code partial} field of a partial result. */
    static String partialText(String json) {
        return read(json).path("partial").asText("");
    }

    /** Joins consecutive segments into one transcript, skipping empty ones. */
    static Transcript join(List<Transcript> segments) {
        StringBuilder text = new StringBuilder();
        List<Word> words = new ArrayList<>();
        for (Transcript t : segments) {
            if (!t.text().isEmpty()) {
                if (text.length() > 0) {
                    text.append(' ');
                }
                text.append(t.text());
            }
            words.addAll(t.words());
        }
        return new Transcript(text.toString(), words);
    }

    /** The phrase list as the JSON array Vosk expects for a grammar. */
    static String grammarJson(List<String> phrases) {
        try {
            return JSON.writeValueAsString(phrases);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode phrase list", e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("Vosk returned malformed JSON: " + json, e);
        }
    }
}
