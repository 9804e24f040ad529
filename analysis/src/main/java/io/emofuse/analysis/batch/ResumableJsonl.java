package io.emofuse.analysis.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * The output file of a resumable batch run. Opening it repairs what a killed run can leave
 * behind (a last line without its newline is cut off) and remembers which dialogues are done;
 * each result is appended as one whole line with a single write and flushed to disk before the
 * next, so a crash loses at most the line being written and never leaves half of one after repair.
 */
public final class ResumableJsonl implements AutoCloseable {

    private final FileChannel channel;
    private final Set<String> done;
    private final long repairedBytes;

    private ResumableJsonl(FileChannel channel, Set<String> done, long repairedBytes) {
        this.channel = channel;
        this.done = done;
        this.repairedBytes = repairedBytes;
    }

    /** Opens (creating or repairing) {@code out} for appending. */
    public static ResumableJsonl open(Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return open(FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE));
    }

    /** As {@link #open(Path)} on an open channel, which this then owns (tests pass one that fails). */
    static ResumableJsonl open(FileChannel ch) throws IOException {
        try {
            long size = ch.size();
            byte[] all = new byte[(int) Math.min(size, Integer.MAX_VALUE - 8)];
            ByteBuffer buf = ByteBuffer.wrap(all);
            while (buf.hasRemaining() && ch.read(buf, buf.position()) > 0) {
                // read it all
            }
            int end = all.length;
            while (end > 0 && all[end - 1] != '\n') {
                end--;
            }
            Set<String> done = new HashSet<>();
            int start = 0;
            for (int i = 0; i < end; i++) {
                if (all[i] == '\n') {
                    String line = new String(all, start, i - start, StandardCharsets.UTF_8);
                    start = i + 1;
                    try {
                        JsonNode n = BatchScorer.JSON.readTree(line);
                        if (n != null && n.isObject()) {
                            done.add(BatchScorer.key(n));
                        }
                    } catch (JsonProcessingException e) {
                        // not ours (or damaged): leave it, it will not count as done
                    }
                }
            }
            long repaired = size - end;
            if (repaired > 0) {
                ch.truncate(end);
                ch.force(true);
            }
            ch.position(end);
            return new ResumableJsonl(ch, done, repaired);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** True when an earlier run already wrote this input line's result. */
    public boolean done(String line, long lineNo) {
        return done.contains(BatchScorer.inputKey(line, lineNo));
    }

    public int doneCount() {
        return done.size();
    }

    /** Bytes of a half-written last line that opening cut off (0 when the file was clean). */
    public long repairedBytes() {
        return repairedBytes;
    }

    /**
     * Appends one line (a newline is added) and forces it to disk. When the write fails (disk full,
     * I/O error) the part of the line already written is cut off again, so the file still ends at
     * its last complete line, and the error says so.
     */
    public synchronized void append(String jsonLine) throws IOException {
        ByteBuffer b = ByteBuffer.wrap((jsonLine + "\n").getBytes(StandardCharsets.UTF_8));
        long start = channel.position();
        try {
            while (b.hasRemaining()) {
                channel.write(b);
            }
            channel.force(false);
        } catch (IOException e) {
            throw undo(start, e);
        }
    }

    /** Truncates back to {@code start} after a failed append; the returned error describes both. */
    private IOException undo(long start, IOException cause) {
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        try {
            if (channel.size() > start) {
                channel.truncate(start); // freeing bytes works even on a full disk
                channel.force(false);
            }
            channel.position(start);
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
            return new IOException(why + "; the partial last line could not be removed (the next run repairs it)", cause);
        }
        return new IOException(why + "; the output ends at its last complete line", cause);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
