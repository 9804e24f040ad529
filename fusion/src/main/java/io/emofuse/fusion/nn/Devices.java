package io.emofuse.fusion.nn;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.emofuse.linguistic.models.OfflineGuard;
import java.util.Locale;

/**
 * Picks the device: the PyTorch engine's default (a GPU when present) unless the user forces one.
 * Its first use applies {@link OfflineGuard} (offline, and PyTorch pinned to one CPU thread for
 * reproducible CPU results) in case no other path into DJL did.
 */
public final class Devices {

    static {
        OfflineGuard.enforce();
    }

    private Devices() {
    }

    /** {@code null}, "" or {@code auto}: the engine's choice; {@code cpu} or {@code gpu} (alias {@code cuda}): forced. */
    public static Device choose(String preference) {
        Engine engine = Engine.getEngine("PyTorch");
        String p = preference == null ? "auto" : preference.trim().toLowerCase(Locale.ROOT);
        return switch (p) {
            case "", "auto" -> engine.defaultDevice();
            case "cpu" -> Device.fromName("cpu");
            case "gpu", "cuda" -> {
                if (engine.getGpuCount() == 0) {
                    throw new IllegalArgumentException("--device gpu: no GPU visible to PyTorch (CPU natives, or no CUDA device); "
                            + "build with -Pcuda on a CUDA machine (scripts/gpu-check.sh) or use --device cpu");
                }
                yield Device.fromName("gpu");
            }
            default -> throw new IllegalArgumentException("unknown device '" + preference + "'; expected auto, cpu or gpu (cuda)");
        };
    }
}
