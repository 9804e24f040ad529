package io.emofuse.app;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks on the files a command reads and writes, made before any work starts so that a typo in
 * {@code --out} costs a second, not a batch: one line naming the option, the path and the fix.
 */
final class OutputFiles {

    private OutputFiles() {
    }

    /** {@code file} can be created or replaced: not a folder, and its folder exists. */
    static void checkWritable(Path file, String option) {
        if (Files.isDirectory(file)) {
            throw new UserError(option + " " + file + " is a folder; name a file to write inside it");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UserError(option + " " + file + ": folder " + parent + " does not exist; create it or choose another "
                    + option);
        }
        if (parent != null && !Files.isWritable(parent)) {
            throw new UserError(option + " " + file + ": folder " + parent + " is not writable; choose another " + option);
        }
    }

    /** {@code file} exists and is a regular file (not a folder). */
    static void checkReadable(Path file, String option, String what) {
        if (Files.isDirectory(file)) {
            throw new UserError(option + " " + file + " is a folder; name a file (" + what + ")");
        }
        if (!Files.isRegularFile(file)) {
            throw new UserError(option + " " + file + ": no such file (the " + what + ")");
        }
        if (!Files.isReadable(file)) {
            throw new UserError(option + " " + file + ": permission denied (the " + what + ")");
        }
    }
}
