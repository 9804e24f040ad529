package io.emofuse.training.data;

import java.util.Locale;

/** Where the words come from: the manifest's text column (ASR only where it is empty) or always ASR. */
public enum TextSource {
    MANIFEST, ASR;

    public static TextSource of(String s) {
        return switch (s == null ? "manifest" : s.toLowerCase(Locale.ROOT)) {
            case "manifest" -> MANIFEST;
            case "asr" -> ASR;
            default -> throw new IllegalArgumentException("text source must be manifest or asr, got '" + s + "'");
        };
    }
}
