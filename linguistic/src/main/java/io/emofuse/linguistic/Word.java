package io.emofuse.linguistic;

/** One recognised word with its time span in seconds and the recogniser's confidence. */
public record Word(String word, double start, double end, double conf) {
}
