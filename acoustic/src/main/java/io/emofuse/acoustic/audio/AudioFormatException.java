package io.emofuse.acoustic.audio;

import java.io.IOException;

/** Audio that cannot be read: the message names the input and the problem. */
public class AudioFormatException extends IOException {
    private final String input;
    private final String problem;

    public AudioFormatException(String input, String problem) {
        super(input + ": " + problem);
        this.input = input;
        this.problem = problem;
    }

    public AudioFormatException(String input, String problem, Throwable cause) {
        super(input + ": " + problem, cause);
        this.input = input;
        this.problem = problem;
    }

    /** What is wrong, without the input's name. */
    public String problem() {
        return problem;
    }

    /** The file or stream that could not be read. */
    public String input() {
        return input;
    }
}
