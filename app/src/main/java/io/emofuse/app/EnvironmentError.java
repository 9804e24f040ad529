package io.emofuse.app;

/**
 * A failure of the machine rather than of the input or of emofuse (disk full, an I/O error): one
 * line that says what to do, exit code 1, no stack trace.
 */
public class EnvironmentError extends RuntimeException {
    public EnvironmentError(String message, Throwable cause) {
        super(message, cause);
    }
}
