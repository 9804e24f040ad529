package io.emofuse.linguistic.models;

/** A model that cannot be resolved or fails verification; the message says which and why. */
public class ModelNotFoundException extends RuntimeException {
    public ModelNotFoundException(String message) {
        super(message);
    }

    public ModelNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
