package io.emofuse.linguistic.models;

/**
 * Keeps DJL offline and silent. DJL downloads engine natives unless {@code DJL_OFFLINE} is true
 * and sends a usage ping to a link-local address at engine start unless {@code OPT_OUT_TRACKING}
 * is true. It reads either from the environment first, then from system properties; this guard
 * sets the properties and refuses to go on if the environment says otherwise. Call it before any
 * DJL class loads.
 */
public final class OfflineGuard {

    /** Environment variable / system property pairs DJL consults. */
    private static final String[][] SWITCHES = {
        {"DJL_OFFLINE", "ai.djl.offline"},
        {"OPT_OUT_TRACKING", "OPT_OUT_TRACKING"},
    };

    private OfflineGuard() {
    }

    /** Forces offline mode; throws if the environment explicitly turns it off. */
    public static void enforce() {
        for (String[] s : SWITCHES) {
            String env = System.getenv(s[0]);
            if (env != null && !Boolean.parseBoolean(env)) {
                throw new IllegalStateException("environment sets " + s[0] + "=" + env
                        + "; emofuse never lets DJL download or report usage: unset it or set it to true");
            }
            System.setProperty(s[1], "true");
        }
        // Alternative ONNX engines would be looked up (and possibly fetched) otherwise.
        System.setProperty("ai.djl.onnx.disable_alternative", "true");
    }

    /** True when both DJL switches are in force for this process, as DJL itself reads them. */
    public static boolean inForce() {
        for (String[] s : SWITCHES) {
            String v = System.getenv(s[0]);
            if (v == null) {
                v = System.getProperty(s[1]);
            }
            if (!Boolean.parseBoolean(v)) {
                return false;
            }
        }
        return true;
    }
}
