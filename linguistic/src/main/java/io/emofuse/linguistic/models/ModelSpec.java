package io.emofuse.linguistic.models;

import java.util.Map;

/**
 * A model emofuse can resolve from an artifact on the classpath: where its files live inside the
 * artifact and the checksum each extracted file must have.
 *
 * @param name        the name users type ({@code vosk-en-us}, {@code minilm}, ...)
 * @param kind        what it is for ({@code asr}, {@code text-encoder}, {@code emotion})
 * @param artifact    the Maven coordinates that carry it
 * @param license     SPDX identifier of the model's license
 * @param description one line for listings
 * @param resource    classpath prefix of its files inside the artifact
 * @param files       relative file name to expected sha256 and size
 */
public record ModelSpec(String name, String kind, String artifact, String license, String description,
                        String resource, Map<String, FileSum> files) {

    /** Expected content of one file. */
    public record FileSum(String sha256, long size) {
    }

    public long totalBytes() {
        return files.values().stream().mapToLong(FileSum::size).sum();
    }
}
