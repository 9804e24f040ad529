package io.emofuse.acoustic.audio;

/**
 * ITU-T G.711 expansion of 8-bit mu-law and A-law codes to 16-bit linear PCM, as the reference
 * decoder (and sox) computes it: mu-law to within +-32124, A-law to within +-32256. Two 256-entry
 * tables, built once; immutable and thread-safe.
 */
final class G711 {

    private static final short[] MU_LAW = new short[256];
    private static final short[] A_LAW = new short[256];

    static {
        for (int i = 0; i < 256; i++) {
            MU_LAW[i] = (short) muLaw(i);
            A_LAW[i] = (short) aLaw(i);
        }
    }

    private G711() {
    }

    /** The 16-bit linear value of one code. */
    static int linear(byte code, boolean muLaw) {
        return (muLaw ? MU_LAW : A_LAW)[code & 0xFF];
    }

    private static int muLaw(int code) {
        int u = ~code & 0xFF;
        int t = ((u & 0x0F) << 3) + 0x84;
        t <<= (u & 0x70) >> 4;
        return (u & 0x80) != 0 ? 0x84 - t : t - 0x84;
    }

    private static int aLaw(int code) {
        int a = code ^ 0x55;
        int t = (a & 0x0F) << 4;
        int segment = (a & 0x70) >> 4;
        if (segment == 0) {
            t += 8;
        } else {
            t = (t + 0x108) << (segment - 1);
        }
        return (a & 0x80) != 0 ? t : -t;
    }
}
