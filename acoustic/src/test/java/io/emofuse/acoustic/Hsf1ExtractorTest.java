package io.emofuse.acoustic;

class Hsf1ExtractorTest extends BaseFeatureExtractorTestCase {
    @Override
    protected FeatureExtractor extractor() {
        return FeatureSets.create("hsf1");
    }

    @Override
    protected StreamingExtractor streaming() {
        return FeatureSets.streaming("hsf1", 0);
    }

    @Override
    protected StreamingExtractor windowed(int frames) {
        return FeatureSets.streaming("hsf1", frames);
    }
}
