package io.emofuse.acoustic.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A hostile header never makes the reader allocate more than the bytes present justify. */
class WavReaderMemoryTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** A header with the given format and data size claim, followed by {@code present} bytes. */
    static byte[] wav(int format, int channels, int rate, int bits, long claimedData, int present) {
        ByteBuffer b = ByteBuffer.allocate(44 + present).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.ISO_8859_1)).putInt((int) (claimedData + 36));
        b.put("WAVE".getBytes(StandardCharsets.ISO_8859_1));
        b.put("fmt ".getBytes(StandardCharsets.ISO_8859_1)).putInt(16);
        b.putShort((short) format).putShort((short) channels).putInt(rate).putInt(rate * channels * bits / 8)
                .putShort((short) (channels * bits / 8)).putShort((short) bits);
        b.put("data".getBytes(StandardCharsets.ISO_8859_1)).putInt((int) claimedData);
        for (int i = 0; i < present; i++) {
            b.put((byte) (i * 7));
        }
        return b.array();
    }

    private static long allocatedBy(ThrowingRunnable r) throws Exception {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        r.run();
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void dataChunkClaimingTwoGigabytesCostsOnlyWhatIsPresent() throws Exception {
        byte[] bytes = wav(1, 1, 16_000, 16, 0x7FFF_FFF0L, 100);
        WavReader.read(bytes, "warm-up");
        long t0 = System.nanoTime();
        Audio[] out = new Audio[1];
        long allocated = allocatedBy(() -> out[0] = WavReader.read(bytes, "2 GB claim"));
        assertEquals(50, out[0].samples().length, "the 100 bytes present are 50 samples");
        assertTrue(allocated < WavReaderFuzzTest.allocationBound(bytes.length), "allocated " + allocated + " bytes");
        assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "took more than a second");
    }

    @Test
    void widestFramesWithAFewBytesDoNotAllocateMegabytes() throws Exception {
        // 64 channels of 64-bit float: 512-byte frames. Sizing the read buffer by frames wanted
        // (8192 of them) instead of bytes present used to cost 4.5 MB for a 1 KB file.
        byte[] bytes = wav(3, 64, 16_000, 64, 0xFFFF_FFFFL, 1024);
        WavReader.read(bytes, "warm-up");
        Audio[] out = new Audio[1];
        long allocated = allocatedBy(() -> out[0] = WavReader.read(bytes, "wide frames"));
        assertEquals(2, out[0].samples().length);
        assertTrue(allocated < WavReaderFuzzTest.allocationBound(bytes.length), "allocated " + allocated + " bytes");
    }

    @Test
    void chunkClaimingFourGigabytesFailsFastWithAFormatError() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(12 + 8 + 10).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.ISO_8859_1)).putInt(-1).put("WAVE".getBytes(StandardCharsets.ISO_8859_1));
        b.put("junk".getBytes(StandardCharsets.ISO_8859_1)).putInt(-1);
        byte[] bytes = b.array();
        long allocated = allocatedBy(() -> assertThrows(AudioFormatException.class, () -> WavReader.read(bytes, "junk")));
        assertTrue(allocated < 1 << 20, "allocated " + allocated + " bytes");
    }
}
