package io.emofuse.acoustic;

class GemapsExtractorTest extends BaseFeatureExtractorTestCase {
    @Override
    protected FeatureExtractor extractor() {
        return FeatureSets.create("gemaps");
    }

    @Override
    protected StreamingExtractor streaming() {
        return FeatureSets.streaming("gemaps", 0);
    }

    @Override
    protected StreamingExtractor windowed(int frames) {
        return FeatureSets.streaming("gemaps", frames);
    }
}
