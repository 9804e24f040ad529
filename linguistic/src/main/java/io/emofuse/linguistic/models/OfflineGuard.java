package io.emofuse.linguistic.models;

/**
 * Keeps DJL offline and silent. DJL downloads engine natives unless {@code DJL_OFFLINE} is true
 * and sends a usage ping to a link-local address at engine start unless {@code OPT_OUT_TRACKING}
 * is true. It reads either from the environment first, then from system properties; this guard
 * sets the properties and refuses to go on if the environment says otherwise. Call it before any
 * DJL class loads.
 *
 * <p>It also pins PyTorch to one intra-op and one inter-op thread unless
 * {@code -Dai.djl.pytorch.num_threads} / {@code num_interop_threads} say otherwise: PyTorch reads them
 * once, when its engine first starts, which may be on any path into DJL (not only training), and
 * with more threads the same seed gave different networks on a loaded machine. emofuse's networks
 * are small, where more threads cost more in hand-offs than they save.
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
        for (String threads : new String[] {"ai.djl.pytorch.num_threads", "ai.djl.pytorch.num_interop_threads"}) {
            if (System.getProperty(threads) == null) {
                System.setProperty(threads, "1");
            }
        }
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
