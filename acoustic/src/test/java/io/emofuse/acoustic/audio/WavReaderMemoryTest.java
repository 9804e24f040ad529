package io.emofuse.acoustic.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emofuse.testsupport.WavBytes;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** A hostile header never makes the reader allocate more than the bytes present justify. */
class WavReaderMemoryTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** A header with the given format and data size claim, followed by {@code present} bytes. */
    static byte[] wav(int format, int channels, int rate, int bits, long claimedData, int present) {
        byte[] data = new byte[present];
        for (int i = 0; i < present; i++) {
            data[i] = (byte) (i * 7);
        }
        return WavBytes.canonical(format, channels, rate, bits, claimedData, data);
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
        byte[] bytes = WavBytes.create().riffSize(-1).chunk("junk", new byte[10], 0xFFFFFFFFL).bytes();
        long allocated = allocatedBy(() -> assertThrows(AudioFormatException.class, () -> WavReader.read(bytes, "junk")));
        assertTrue(allocated < 1 << 20, "allocated " + allocated + " bytes");
    }
}
