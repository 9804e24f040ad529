package io.emofuse.analysis.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumableJsonlTest {

    @TempDir
    Path tmp;

    @Test
    void repairsAHalfWrittenLineAndKnowsWhatIsDone() throws Exception {
        Path out = tmp.resolve("sub").resolve("out.jsonl");
        try (ResumableJsonl w = ResumableJsonl.open(out)) {
            assertEquals(0, w.doneCount());
            w.append("{\"line\":1,\"dialogue_id\":\"a\",\"turns\":[]}");
            w.append("{\"line\":2,\"error\":\"bad_json\",\"detail\":\"line 2: not JSON\"}");
            w.append("{\"line\":3,\"dialogue_id\":7,\"turns\":[]}");
        }
        Files.writeString(out, "{\"line\":4,\"dialogue_id\":\"half", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        try (ResumableJsonl w = ResumableJsonl.open(out)) {
            assertEquals(29, w.repairedBytes());
            assertEquals(3, w.doneCount());
            assertTrue(w.done("{\"dialogue_id\":\"a\",\"turns\":[1]}", 10), "by dialogue id, wherever it is now");
            assertTrue(w.done("{\"dialogue_id\":7}", 3));
            assertTrue(w.done("garbage", 2), "a malformed line is known by its number");
            assertFalse(w.done("garbage", 5));
            assertFalse(w.done("{\"dialogue_id\":\"half\"}", 4), "the half-written line is not done");
            w.append("{\"line\":4,\"dialogue_id\":\"half\",\"turns\":[]}");
        }
        String text = Files.readString(out);
        assertTrue(text.endsWith("\"half\",\"turns\":[]}\n"));
        assertEquals(4, text.split("\n").length);
    }

    @Test
    void aDiskFullMidLineKeepsTheFileAtItsLastCompleteLine() throws Exception {
        Path out = tmp.resolve("out.jsonl");
        String first = "{\"line\":1,\"dialogue_id\":\"a\",\"turns\":[]}";
        String second = "{\"line\":2,\"dialogue_id\":\"b\",\"turns\":[]}";
        // Room for the first line and 10 bytes of the second: the second write half succeeds, then fails.
        FileChannel real = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try (ResumableJsonl w = ResumableJsonl.open(new FullDisk(real, first.length() + 1 + 10))) {
            w.append(first);
            IOException e = assertThrows(IOException.class, () -> w.append(second));
            assertTrue(e.getMessage().startsWith("No space left on device"), e.getMessage());
            assertTrue(e.getMessage().contains("ends at its last complete line"), e.getMessage());
            assertEquals(first + "\n", Files.readString(out), "the partial second line was cut off");
        }
        try (ResumableJsonl w = ResumableJsonl.open(out)) {
            assertEquals(0, w.repairedBytes(), "nothing left for the next run to repair");
            assertFalse(w.done("{\"dialogue_id\":\"b\"}", 2), "the cut line is not counted as done");
            w.append(second);
        }
        assertEquals(first + "\n" + second + "\n", Files.readString(out));
    }

    @Test
    void aRealFullDeviceIsReportedNotSwallowed() throws Exception {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full), "Linux /dev/full");
        try (ResumableJsonl w = ResumableJsonl.open(full)) {
            IOException e = assertThrows(IOException.class, () -> w.append("{\"line\":1}"));
            assertTrue(e.getMessage().startsWith("No space left on device"), e.getMessage());
        }
    }

    /** A file on a disk with {@code room} bytes left: writes beyond it fail as ENOSPC does, after a partial write. */
    private static final class FullDisk extends FileChannel {
        private final FileChannel file;
        private long room;

        FullDisk(FileChannel file, long room) {
            this.file = file;
            this.room = room;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (room <= 0) {
                throw new IOException("No space left on device");
            }
            int n = (int) Math.min(room, src.remaining());
            ByteBuffer part = src.slice().limit(n);
            int written = file.write(part);
            src.position(src.position() + written);
            room -= written;
            return written;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return file.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return file.read(dsts, offset, length);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long position() throws IOException {
            return file.position();
        }

        @Override
        public FileChannel position(long p) throws IOException {
            file.position(p);
            return this;
        }

        @Override
        public long size() throws IOException {
            return file.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            room += Math.max(0, file.size() - size); // truncating frees space
            file.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            file.force(metaData);
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return file.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src, long position) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected void implCloseChannel() throws IOException {
            file.close();
        }
    }
}
