package io.emofuse.app;

import io.emofuse.acoustic.AudioTooShortException;
import io.emofuse.acoustic.audio.AudioFormatException;
import io.emofuse.linguistic.models.ModelNotFoundException;
import java.io.FileNotFoundException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Which failures a user caused (a missing or unreadable file, a folder where a file belongs, audio
 * that is not a WAV), and the one line that names the input and what to do. Everything else is an
 * internal error. One place, so every command words the same mistake the same way.
 */
final class UserErrors {

    private UserErrors() {
    }

    /**
     * Prints one warning line about an input that was still processed (e.g. a truncated file); safe
     * from the worker threads of a command, which share {@code err}.
     */
    static void warn(PrintWriter err, String line) {
        synchronized (err) {
            err.println("emofuse: warning: " + line);
            err.flush();
        }
    }

    /** The one-line message for a user's mistake, or null when {@code ex} is not one. */
    static String describe(Throwable ex) {
        if (ex instanceof UserError || ex instanceof AudioFormatException || ex instanceof ModelNotFoundException
                || ex instanceof AudioTooShortException || ex instanceof FileNotFoundException) {
            return ex.getMessage();
        }
        if (ex instanceof NoSuchFileException e) {
            return e.getFile() + ": no such file" + (e.getReason() == null ? "" : " (" + e.getReason() + ")");
        }
        if (ex instanceof AccessDeniedException e) {
            return e.getFile() + ": permission denied";
        }
        if (ex instanceof NotDirectoryException e) {
            return e.getFile() + ": not a folder";
        }
        if (ex instanceof FileSystemException e && e.getReason() != null && e.getReason().contains("directory")) {
            return e.getFile() + ": is a folder; name a file";
        }
        if (ex instanceof CharacterCodingException) {
            return "an input is not UTF-8 text";
        }
        if (ex instanceof UncheckedIOException u && u.getCause() != null) {
            return describe(u.getCause());
        }
        return null;
    }

    /** As {@link #describe}, else the exception's first message line: for a per-input error field. */
    static String forInput(Throwable ex) {
        String user = describe(ex);
        if (user != null) {
            return user;
        }
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage().lines().findFirst().orElse("");
            }
        }
        return ex.getClass().getSimpleName();
    }
}
