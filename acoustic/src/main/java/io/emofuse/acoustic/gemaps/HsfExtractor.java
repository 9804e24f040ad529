package io.emofuse.acoustic.gemaps;

/**
 * High-level statistical functionals of the eGeMAPS LLDs: HSF1 = mean and standard deviation of
 * each LLD; HSF2 adds the share of silent frames.
 */
public final class HsfExtractor extends GemapsFamilyExtractor {
    public HsfExtractor(GemapsVariant variant) {
        super(variant);
    }

    public static HsfExtractor hsf1() {
        return new HsfExtractor(GemapsVariant.HSF1);
    }

    public static HsfExtractor hsf2(double alpha, GemapsVariant.SilenceReference reference) {
        return new HsfExtractor(GemapsVariant.hsf2(alpha, reference));
    }
}
