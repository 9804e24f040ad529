package io.emofuse.fusion;

/**
 * Predicts emotion from an acoustic feature vector and a text vector. Either may be null when
 * that modality is missing; models that need it say so with an {@link IllegalArgumentException}.
 */
public interface FusionModel {

    Emotion predict(float[] acoustic, float[] text);
}
