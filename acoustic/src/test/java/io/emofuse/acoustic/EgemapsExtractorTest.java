package io.emofuse.acoustic;

class EgemapsExtractorTest extends BaseFeatureExtractorTestCase {
    @Override
    protected FeatureExtractor extractor() {
        return FeatureSets.create("egemaps");
    }

    @Override
    protected StreamingExtractor streaming() {
        return FeatureSets.streaming("egemaps", 0);
    }

    @Override
    protected StreamingExtractor windowed(int frames) {
        return FeatureSets.streaming("egemaps", frames);
    }
}
