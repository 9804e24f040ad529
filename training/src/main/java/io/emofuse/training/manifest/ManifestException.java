package io.emofuse.training.manifest;

/** A manifest that cannot be used; the message names the file, the line and the problem. */
public class ManifestException extends IllegalArgumentException {

    public ManifestException(String message) {
        super(message);
    }
}
