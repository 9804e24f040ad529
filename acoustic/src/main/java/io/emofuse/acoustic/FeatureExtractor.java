package io.emofuse.acoustic;

import io.emofuse.acoustic.audio.Audio;
import java.util.List;

/**
 * Turns audio into a fixed-length feature vector (functionals) and, where the set has them, a
 * sequence of frame-level low-level descriptors (LLDs).
 *
 * <p>Implementations are immutable and thread-safe: each call works on buffers of its own, so one
 * extractor serves every worker thread (the server and the batch scorer share one). A stream over
 * live audio is a {@link StreamingExtractor}, which is not.
 */
public interface FeatureExtractor {

    /** Short identifier used in configs and on the command line, e.g. {@code egemaps}. */
    String id();

    /** Names of the functionals, in output order (openSMILE's names where the set comes from it). */
    List<String> functionalNames();

    /** Names of the frame-level descriptors, in column order. */
    List<String> lldNames();

    /** Functionals over the whole utterance; length equals {@link #functionalNames()}. */
    double[] functionals(Audio audio);

    /** Frame-level descriptors, frames x {@link #lldNames()}. */
    double[][] lld(Audio audio);
}
