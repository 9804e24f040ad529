package io.emofuse.acoustic.gemaps;

/** openSMILE's GeMAPSv01b feature set, value for value (see GEMAPS_NOTES.md in the shared data). */
public final class GemapsExtractor extends GemapsFamilyExtractor {
    public GemapsExtractor() {
        super(GemapsVariant.GEMAPS);
    }
}
