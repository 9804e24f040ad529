package io.emofuse.acoustic.gemaps;

/** openSMILE's eGeMAPSv02 feature set, value for value (see GEMAPS_NOTES.md in the shared data). */
public final class EgemapsExtractor extends GemapsFamilyExtractor {
    public EgemapsExtractor() {
        super(GemapsVariant.EGEMAPS);
    }
}
