package io.emofuse.acoustic.shortterm;

import io.emofuse.acoustic.BaseFeatureExtractorTestCase;
import io.emofuse.acoustic.FeatureExtractor;
import io.emofuse.acoustic.FeatureSets;
import io.emofuse.acoustic.StreamingExtractor;

/** The shared invariants for one short-term set id: 400-sample frames every 160 samples, no padding. */
abstract class ShortTermSetTestCase extends BaseFeatureExtractorTestCase {

    abstract String id();

    @Override
    protected FeatureExtractor extractor() {
        return FeatureSets.create(id());
    }

    @Override
    protected StreamingExtractor streaming() {
        return FeatureSets.streaming(id(), 0);
    }

    @Override
    protected StreamingExtractor windowed(int frames) {
        return FeatureSets.streaming(id(), frames);
    }

    @Override
    protected int expectedLldRows(int samples) {
        return samples < 400 ? 0 : (samples - 400) / 160 + 1;
    }

    @Override
    protected int minSamples() {
        return 400;
    }
}
