package io.emofuse.linguistic;

import java.util.List;

/** What was said: the text and, where the recogniser gives them, word timings. */
public record Transcript(String text, List<Word> words) {
    public Transcript {
        words = List.copyOf(words);
    }
}
