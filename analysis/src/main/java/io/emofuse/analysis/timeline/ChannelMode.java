package io.emofuse.analysis.timeline;

import java.util.Locale;

/** How the channels of a recording are heard: averaged into one voice, or each as its own speaker. */
public enum ChannelMode {
    /** Channels averaged into one signal (one microphone, or a mono mix of a call). */
    MIX,
    /** Each channel its own speaker (a stereo call: agent on one channel, customer on the other). */
    SPLIT;

    /** {@code mix} or {@code split} (case ignored); anything else is refused with the choices. */
    public static ChannelMode parse(String s) {
        if (s != null) {
            for (ChannelMode m : values()) {
                if (m.name().equalsIgnoreCase(s.strip())) {
                    return m;
                }
            }
        }
        throw new IllegalArgumentException("channels must be mix or split, got '" + s + "'");
    }

    /** As written in options and JSON: {@code mix}, {@code split}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
