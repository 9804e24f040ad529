package io.emofuse.acoustic;

class Hsf2ExtractorTest extends BaseFeatureExtractorTestCase {
    @Override
    protected FeatureExtractor extractor() {
        return FeatureSets.create("hsf2");
    }

    @Override
    protected StreamingExtractor streaming() {
        return FeatureSets.streaming("hsf2", 0);
    }

    @Override
    protected StreamingExtractor windowed(int frames) {
        return FeatureSets.streaming("hsf2", frames);
    }
}
