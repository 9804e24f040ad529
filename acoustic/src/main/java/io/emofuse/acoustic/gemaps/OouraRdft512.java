package io.emofuse.acoustic.gemaps;

/**
 * openSMILE's real FFT for 512 points, in float: Takuya Ooura's split-radix {@code rdft} (fftsg.c,
 * http://www.kurims.kyoto-u.ac.jp/~ooura/fft.html, Copyright Takuya OOURA 1996-2001, free to use,
 * copy, modify and distribute for any purpose), which openSMILE compiles with float data and
 * tables. Ported operation for operation, so every rounding is openSMILE's: the formants' LPC
 * polynomials are near-singular, and a double FFT rounded to float moves their roots (see
 * {@link Formants}). Forward transform, Ooura's layout and sign: a[0] = R0, a[1] = R(n/2),
 * a[2k] = sum x[j] cos(2 pi jk/n), a[2k+1] = sum x[j] sin(2 pi jk/n).
 */
final class OouraRdft512 {
    static final int N = 512;
    private static final int NW = N >> 2;
    private static final int NC = N >> 2;
    /** makewt's twiddles (w[0..NW)) and makect's cosines (w[NW..NW+NC)), as openSMILE's float tables. */
    private static final float[] W = tables();
    private static final int[] BIT_REVERSE = bitReverse();

    private OouraRdft512() {
    }

    /** In place: {@code a[0..512)} real samples in, the spectrum in Ooura's layout out. */
    static void forward(float[] a) {
        cftf1st(N, a, 0, W, NW - (N >> 2));
        cftleaf512(a, W);
        bitrv2(a);
        rftfsub(N, a, 0, NC, W, NW);
        float xi = a[0] - a[1];
        a[0] += a[1];
        a[1] = xi;
    }

    private static float[] tables() {
        float[] w = new float[NW + NC];
        // makewt(NW): float arithmetic where Ooura's code has FLOAT_TYPE_FFT, double in the calls
        int nwh = NW >> 1;
        float delta = (float) Math.atan(1.0) / nwh;
        float wn4r = (float) Math.cos(delta * nwh);
        w[0] = 1;
        w[1] = wn4r;
        w[2] = (float) (0.5 / Math.cos(delta * 2));
        w[3] = (float) (0.5 / Math.cos(delta * 6));
        for (int j = 4; j < nwh; j += 4) {
            w[j] = (float) Math.cos(delta * j);
            w[j + 1] = (float) Math.sin(delta * j);
            w[j + 2] = (float) Math.cos(3 * delta * j);
            w[j + 3] = (float) -Math.sin(3 * delta * j);
        }
        int nw0 = 0;
        while (nwh > 2) {
            int nw1 = nw0 + nwh;
            nwh >>= 1;
            w[nw1] = 1;
            w[nw1 + 1] = wn4r;
            if (nwh == 4) {
                w[nw1 + 2] = w[nw0 + 4];
                w[nw1 + 3] = w[nw0 + 5];
            } else if (nwh > 4) {
                w[nw1 + 2] = 0.5f / w[nw0 + 4];
                w[nw1 + 3] = 0.5f / w[nw0 + 6];
                for (int j = 4; j < nwh; j += 4) {
                    w[nw1 + j] = w[nw0 + 2 * j];
                    w[nw1 + j + 1] = w[nw0 + 2 * j + 1];
                    w[nw1 + j + 2] = w[nw0 + 2 * j + 2];
                    w[nw1 + j + 3] = w[nw0 + 2 * j + 3];
                }
            }
            nw0 = nw1;
        }
        // makect(NC)
        int nch = NC >> 1;
        float deltaC = (float) Math.atan(1.0) / nch;
        w[NW] = (float) Math.cos(deltaC * nch);
        w[NW + nch] = 0.5f * w[NW];
        for (int j = 1; j < nch; j++) {
            w[NW + j] = (float) (0.5 * Math.cos(deltaC * j));
            w[NW + NC - j] = (float) (0.5 * Math.sin(deltaC * j));
        }
        return w;
    }

    /** Ooura's bitrv2 is a pure permutation: complex element k goes to bit-reversed k (8 bits). */
    private static int[] bitReverse() {
        int[] rev = new int[N / 2];
        for (int k = 0; k < rev.length; k++) {
            rev[k] = Integer.reverse(k) >>> (Integer.SIZE - 8);
        }
        return rev;
    }

    private static void bitrv2(float[] a) {
        for (int k = 0; k < BIT_REVERSE.length; k++) {
            int j = BIT_REVERSE[k];
            if (j > k) {
                float re = a[2 * k];
                float im = a[2 * k + 1];
                a[2 * k] = a[2 * j];
                a[2 * k + 1] = a[2 * j + 1];
                a[2 * j] = re;
                a[2 * j + 1] = im;
            }
        }
    }

    /** cftleaf(512, isplt = 1, ...), the only case cftfsub takes for n = 512. */
    private static void cftleaf512(float[] a, float[] w) {
        int nw = NW;
        cftmdl1(128, a, 0, w, nw - 64);
        cftf161(a, 0, w, nw - 8);
        cftf162(a, 32, w, nw - 32);
        cftf161(a, 64, w, nw - 8);
        cftf161(a, 96, w, nw - 8);
        cftmdl2(128, a, 128, w, nw - 128);
        cftf161(a, 128, w, nw - 8);
        cftf162(a, 160, w, nw - 32);
        cftf161(a, 192, w, nw - 8);
        cftf162(a, 224, w, nw - 32);
        cftmdl1(128, a, 256, w, nw - 64);
        cftf161(a, 256, w, nw - 8);
        cftf162(a, 288, w, nw - 32);
        cftf161(a, 320, w, nw - 8);
        cftf161(a, 352, w, nw - 8);
        cftmdl1(128, a, 384, w, nw - 64);
        cftf161(a, 480, w, nw - 8);
        cftf161(a, 384, w, nw - 8);
        cftf162(a, 416, w, nw - 32);
        cftf161(a, 448, w, nw - 8);
    }

    private static void cftf1st(int n, float[] a, int ao, float[] w, int wo)
    {
        int j, j0, j1, j2, j3, k, m, mh;
        float wn4r, csc1, csc3, wk1r, wk1i, wk3r, wk3i, 
            wd1r, wd1i, wd3r, wd3i;
        float x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i, 
            y0r, y0i, y1r, y1i, y2r, y2i, y3r, y3i;

        mh = n >> 3;
        m = 2 * mh;
        j1 = m;
        j2 = j1 + m;
        j3 = j2 + m;
        x0r = a[ao + 0] + a[ao + j2];
        x0i = a[ao + 1] + a[ao + j2 + 1];
        x1r = a[ao + 0] - a[ao + j2];
        x1i = a[ao + 1] - a[ao + j2 + 1];
        x2r = a[ao + j1] + a[ao + j3];
        x2i = a[ao + j1 + 1] + a[ao + j3 + 1];
        x3r = a[ao + j1] - a[ao + j3];
        x3i = a[ao + j1 + 1] - a[ao + j3 + 1];
        a[ao + 0] = x0r + x2r;
        a[ao + 1] = x0i + x2i;
        a[ao + j1] = x0r - x2r;
        a[ao + j1 + 1] = x0i - x2i;
        a[ao + j2] = x1r - x3i;
        a[ao + j2 + 1] = x1i + x3r;
        a[ao + j3] = x1r + x3i;
        a[ao + j3 + 1] = x1i - x3r;
        wn4r = w[wo + 1];
        csc1 = w[wo + 2];
        csc3 = w[wo + 3];
        wd1r = 1;
        wd1i = 0;
        wd3r = 1;
        wd3i = 0;
        k = 0;
        for (j = 2; j < mh - 2; j += 4) {
            k += 4;
            wk1r = csc1 * (wd1r + w[wo + k]);
            wk1i = csc1 * (wd1i + w[wo + k + 1]);
            wk3r = csc3 * (wd3r + w[wo + k + 2]);
            wk3i = csc3 * (wd3i + w[wo + k + 3]);
            wd1r = w[wo + k];
            wd1i = w[wo + k + 1];
            wd3r = w[wo + k + 2];
            wd3i = w[wo + k + 3];
            j1 = j + m;
            j2 = j1 + m;
            j3 = j2 + m;
            x0r = a[ao + j] + a[ao + j2];
            x0i = a[ao + j + 1] + a[ao + j2 + 1];
            x1r = a[ao + j] - a[ao + j2];
            x1i = a[ao + j + 1] - a[ao + j2 + 1];
            y0r = a[ao + j + 2] + a[ao + j2 + 2];
            y0i = a[ao + j + 3] + a[ao + j2 + 3];
            y1r = a[ao + j + 2] - a[ao + j2 + 2];
            y1i = a[ao + j + 3] - a[ao + j2 + 3];
            x2r = a[ao + j1] + a[ao + j3];
            x2i = a[ao + j1 + 1] + a[ao + j3 + 1];
            x3r = a[ao + j1] - a[ao + j3];
            x3i = a[ao + j1 + 1] - a[ao + j3 + 1];
            y2r = a[ao + j1 + 2] + a[ao + j3 + 2];
            y2i = a[ao + j1 + 3] + a[ao + j3 + 3];
            y3r = a[ao + j1 + 2] - a[ao + j3 + 2];
            y3i = a[ao + j1 + 3] - a[ao + j3 + 3];
            a[ao + j] = x0r + x2r;
            a[ao + j + 1] = x0i + x2i;
            a[ao + j + 2] = y0r + y2r;
            a[ao + j + 3] = y0i + y2i;
            a[ao + j1] = x0r - x2r;
            a[ao + j1 + 1] = x0i - x2i;
            a[ao + j1 + 2] = y0r - y2r;
            a[ao + j1 + 3] = y0i - y2i;
            x0r = x1r - x3i;
            x0i = x1i + x3r;
            a[ao + j2] = wk1r * x0r - wk1i * x0i;
            a[ao + j2 + 1] = wk1r * x0i + wk1i * x0r;
            x0r = y1r - y3i;
            x0i = y1i + y3r;
            a[ao + j2 + 2] = wd1r * x0r - wd1i * x0i;
            a[ao + j2 + 3] = wd1r * x0i + wd1i * x0r;
            x0r = x1r + x3i;
            x0i = x1i - x3r;
            a[ao + j3] = wk3r * x0r + wk3i * x0i;
            a[ao + j3 + 1] = wk3r * x0i - wk3i * x0r;
            x0r = y1r + y3i;
            x0i = y1i - y3r;
            a[ao + j3 + 2] = wd3r * x0r + wd3i * x0i;
            a[ao + j3 + 3] = wd3r * x0i - wd3i * x0r;
            j0 = m - j;
            j1 = j0 + m;
            j2 = j1 + m;
            j3 = j2 + m;
            x0r = a[ao + j0] + a[ao + j2];
            x0i = a[ao + j0 + 1] + a[ao + j2 + 1];
            x1r = a[ao + j0] - a[ao + j2];
            x1i = a[ao + j0 + 1] - a[ao + j2 + 1];
            y0r = a[ao + j0 - 2] + a[ao + j2 - 2];
            y0i = a[ao + j0 - 1] + a[ao + j2 - 1];
            y1r = a[ao + j0 - 2] - a[ao + j2 - 2];
            y1i = a[ao + j0 - 1] - a[ao + j2 - 1];
            x2r = a[ao + j1] + a[ao + j3];
            x2i = a[ao + j1 + 1] + a[ao + j3 + 1];
            x3r = a[ao + j1] - a[ao + j3];
            x3i = a[ao + j1 + 1] - a[ao + j3 + 1];
            y2r = a[ao + j1 - 2] + a[ao + j3 - 2];
            y2i = a[ao + j1 - 1] + a[ao + j3 - 1];
            y3r = a[ao + j1 - 2] - a[ao + j3 - 2];
            y3i = a[ao + j1 - 1] - a[ao + j3 - 1];
            a[ao + j0] = x0r + x2r;
            a[ao + j0 + 1] = x0i + x2i;
            a[ao + j0 - 2] = y0r + y2r;
            a[ao + j0 - 1] = y0i + y2i;
            a[ao + j1] = x0r - x2r;
            a[ao + j1 + 1] = x0i - x2i;
            a[ao + j1 - 2] = y0r - y2r;
            a[ao + j1 - 1] = y0i - y2i;
            x0r = x1r - x3i;
            x0i = x1i + x3r;
            a[ao + j2] = wk1i * x0r - wk1r * x0i;
            a[ao + j2 + 1] = wk1i * x0i + wk1r * x0r;
            x0r = y1r - y3i;
            x0i = y1i + y3r;
            a[ao + j2 - 2] = wd1i * x0r - wd1r * x0i;
            a[ao + j2 - 1] = wd1i * x0i + wd1r * x0r;
            x0r = x1r + x3i;
            x0i = x1i - x3r;
            a[ao + j3] = wk3i * x0r + wk3r * x0i;
            a[ao + j3 + 1] = wk3i * x0i - wk3r * x0r;
            x0r = y1r + y3i;
            x0i = y1i - y3r;
            a[ao + j3 - 2] = wd3i * x0r + wd3r * x0i;
            a[ao + j3 - 1] = wd3i * x0i - wd3r * x0r;
        }
        wk1r = csc1 * (wd1r + wn4r);
        wk1i = csc1 * (wd1i + wn4r);
        wk3r = csc3 * (wd3r - wn4r);
        wk3i = csc3 * (wd3i - wn4r);
        j0 = mh;
        j1 = j0 + m;
        j2 = j1 + m;
        j3 = j2 + m;
        x0r = a[ao + j0 - 2] + a[ao + j2 - 2];
        x0i = a[ao + j0 - 1] + a[ao + j2 - 1];
        x1r = a[ao + j0 - 2] - a[ao + j2 - 2];
        x1i = a[ao + j0 - 1] - a[ao + j2 - 1];
        x2r = a[ao + j1 - 2] + a[ao + j3 - 2];
        x2i = a[ao + j1 - 1] + a[ao + j3 - 1];
        x3r = a[ao + j1 - 2] - a[ao + j3 - 2];
        x3i = a[ao + j1 - 1] - a[ao + j3 - 1];
        a[ao + j0 - 2] = x0r + x2r;
        a[ao + j0 - 1] = x0i + x2i;
        a[ao + j1 - 2] = x0r - x2r;
        a[ao + j1 - 1] = x0i - x2i;
        x0r = x1r - x3i;
        x0i = x1i + x3r;
        a[ao + j2 - 2] = wk1r * x0r - wk1i * x0i;
        a[ao + j2 - 1] = wk1r * x0i + wk1i * x0r;
        x0r = x1r + x3i;
        x0i = x1i - x3r;
        a[ao + j3 - 2] = wk3r * x0r + wk3i * x0i;
        a[ao + j3 - 1] = wk3r * x0i - wk3i * x0r;
        x0r = a[ao + j0] + a[ao + j2];
        x0i = a[ao + j0 + 1] + a[ao + j2 + 1];
        x1r = a[ao + j0] - a[ao + j2];
        x1i = a[ao + j0 + 1] - a[ao + j2 + 1];
        x2r = a[ao + j1] + a[ao + j3];
        x2i = a[ao + j1 + 1] + a[ao + j3 + 1];
        x3r = a[ao + j1] - a[ao + j3];
        x3i = a[ao + j1 + 1] - a[ao + j3 + 1];
        a[ao + j0] = x0r + x2r;
        a[ao + j0 + 1] = x0i + x2i;
        a[ao + j1] = x0r - x2r;
        a[ao + j1 + 1] = x0i - x2i;
        x0r = x1r - x3i;
        x0i = x1i + x3r;
        a[ao + j2] = wn4r * (x0r - x0i);
        a[ao + j2 + 1] = wn4r * (x0i + x0r);
        x0r = x1r + x3i;
        x0i = x1i - x3r;
        a[ao + j3] = -wn4r * (x0r + x0i);
        a[ao + j3 + 1] = -wn4r * (x0i - x0r);
        x0r = a[ao + j0 + 2] + a[ao + j2 + 2];
        x0i = a[ao + j0 + 3] + a[ao + j2 + 3];
        x1r = a[ao + j0 + 2] - a[ao + j2 + 2];
        x1i = a[ao + j0 + 3] - a[ao + j2 + 3];
        x2r = a[ao + j1 + 2] + a[ao + j3 + 2];
        x2i = a[ao + j1 + 3] + a[ao + j3 + 3];
        x3r = a[ao + j1 + 2] - a[ao + j3 + 2];
        x3i = a[ao + j1 + 3] - a[ao + j3 + 3];
        a[ao + j0 + 2] = x0r + x2r;
        a[ao + j0 + 3] = x0i + x2i;
        a[ao + j1 + 2] = x0r - x2r;
        a[ao + j1 + 3] = x0i - x2i;
        x0r = x1r - x3i;
        x0i = x1i + x3r;
        a[ao + j2 + 2] = wk1i * x0r - wk1r * x0i;
        a[ao + j2 + 3] = wk1i * x0i + wk1r * x0r;
        x0r = x1r + x3i;
        x0i = x1i - x3r;
        a[ao + j3 + 2] = wk3i * x0r + wk3r * x0i;
        a[ao + j3 + 3] = wk3i * x0i - wk3r * x0r;
    }

    private static void cftmdl1(int n, float[] a, int ao, float[] w, int wo)
    {
        int j, j0, j1, j2, j3, k, m, mh;
        float wn4r, wk1r, wk1i, wk3r, wk3i;
        float x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i;

        mh = n >> 3;
        m = 2 * mh;
        j1 = m;
        j2 = j1 + m;
        j3 = j2 + m;
        x0r = a[ao + 0] + a[ao + j2];
        x0i = a[ao + 1] + a[ao + j2 + 1];
        x1r = a[ao + 0] - a[ao + j2];
        x1i = a[ao + 1] - a[ao + j2 + 1];
        x2r = a[ao + j1] + a[ao + j3];
        x2i = a[ao + j1 + 1] + a[ao + j3 + 1];
        x3r = a[ao + j1] - a[ao + j3];
        x3i = a[ao + j1 + 1] - a[ao + j3 + 1];
        a[ao + 0] = x0r + x2r;
        a[ao + 1] = x0i + x2i;
        a[ao + j1] = x0r - x2r;
        a[ao + j1 + 1] = x0i - x2i;
        a[ao + j2] = x1r - x3i;
        a[ao + j2 + 1] = x1i + x3r;
        a[ao + j3] = x1r + x3i;
        a[ao + j3 + 1] = x1i - x3r;
        wn4r = w[wo + 1];
        k = 0;
        for (j = 2; j < mh; j += 2) {
            k += 4;
            wk1r = w[wo + k];
            wk1i = w[wo + k + 1];
            wk3r = w[wo + k + 2];
            wk3i = w[wo + k + 3];
            j1 = j + m;
            j2 = j1 + m;
            j3 = j2 + m;
            x0r = a[ao + j] + a[ao + j2];
            x0i = a[ao + j + 1] + a[ao + j2 + 1];
            x1r = a[ao + j] - a[ao + j2];
            x1i = a[ao + j + 1] - a[ao + j2 + 1];
            x2r = a[ao + j1] + a[ao + j3];
            x2i = a[ao + j1 + 1] + a[ao + j3 + 1];
            x3r = a[ao + j1] - a[ao + j3];
            x3i = a[ao + j1 + 1] - a[ao + j3 + 1];
            a[ao + j] = x0r + x2r;
            a[ao + j + 1] = x0i + x2i;
            a[ao + j1] = x0r - x2r;
            a[ao + j1 + 1] = x0i - x2i;
            x0r = x1r - x3i;
            x0i = x1i + x3r;
            a[ao + j2] = wk1r * x0r - wk1i * x0i;
            a[ao + j2 + 1] = wk1r * x0i + wk1i * x0r;
            x0r = x1r + x3i;
            x0i = x1i - x3r;
            a[ao + j3] = wk3r * x0r + wk3i * x0i;
            a[ao + j3 + 1] = wk3r * x0i - wk3i * x0r;
            j0 = m - j;
            j1 = j0 + m;
            j2 = j1 + m;
            j3 = j2 + m;
            x0r = a[ao + j0] + a[ao + j2];
            x0i = a[ao + j0 + 1] + a[ao + j2 + 1];
            x1r = a[ao + j0] - a[ao + j2];
            x1i = a[ao + j0 + 1] - a[ao + j2 + 1];
            x2r = a[ao + j1] + a[ao + j3];
            x2i = a[ao + j1 + 1] + a[ao + j3 + 1];
            x3r = a[ao + j1] - a[ao + j3];
            x3i = a[ao + j1 + 1] - a[ao + j3 + 1];
            a[ao + j0] = x0r + x2r;
            a[ao + j0 + 1] = x0i + x2i;
            a[ao + j1] = x0r - x2r;
            a[ao + j1 + 1] = x0i - x2i;
            x0r = x1r - x3i;
            x0i = x1i + x3r;
            a[ao + j2] = wk1i * x0r - wk1r * x0i;
            a[ao + j2 + 1] = wk1i * x0i + wk1r * x0r;
            x0r = x1r + x3i;
            x0i = x1i - x3r;
            a[ao + j3] = wk3i * x0r + wk3r * x0i;
            a[ao + j3 + 1] = wk3i * x0i - wk3r * x0r;
        }
        j0 = mh;
        j1 = j0 + m;
        j2 = j1 + m;
        j3 = j2 + m;
        x0r = a[ao + j0] + a[ao + j2];
        x0i = a[ao + j0 + 1] + a[ao + j2 + 1];
        x1r = a[ao + j0] - a[ao + j2];
        x1i = a[ao + j0 + 1] - a[ao + j2 + 1];
        x2r = a[ao + j1] + a[ao + j3];
        x2i = a[ao + j1 + 1] + a[ao + j3 + 1];
        x3r = a[ao + j1] - a[ao + j3];
        x3i = a[ao + j1 + 1] - a[ao + j3 + 1];
        a[ao + j0] = x0r + x2r;
        a[ao + j0 + 1] = x0i + x2i;
        a[ao + j1] = x0r - x2r;
        a[ao + j1 + 1] = x0i - x2i;
        x0r = x1r - x3i;
        x0i = x1i + x3r;
        a[ao + j2] = wn4r * (x0r - x0i);
        a[ao + j2 + 1] = wn4r * (x0i + x0r);
        x0r = x1r + x3i;
        x0i = x1i - x3r;
        a[ao + j3] = -wn4r * (x0r + x0i);
        a[ao + j3 + 1] = -wn4r * (x0i - x0r);
    }

    private static void cftmdl2(int n, float[] a, int ao, float[] w, int wo)
    {
        int j, j0, j1, j2, j3, k, kr, m, mh;
        float wn4r, wk1r, wk1i, wk3r, wk3i, wd1r, wd1i, wd3r, wd3i;
        float x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i, y0r, y0i, y2r, y2i;

        mh = n >> 3;
        m = 2 * mh;
        wn4r = w[wo + 1];
        j1 = m;
        j2 = j1 + m;
        j3 = j2 + m;
        x0r = a[ao + 0] - a[ao + j2 + 1];
        x0i = a[ao + 1] + a[ao + j2];
        x1r = a[ao + 0] + a[ao + j2 + 1];
        x1i = a[ao + 1] - a[ao + j2];
        x2r = a[ao + j1] - a[ao + j3 + 1];
        x2i = a[ao + j1 + 1] + a[ao + j3];
        x3r = a[ao + j1] + a[ao + j3 + 1];
        x3i = a[ao + j1 + 1] - a[ao + j3];
        y0r = wn4r * (x2r - x2i);
        y0i = wn4r * (x2i + x2r);
        a[ao + 0] = x0r + y0r;
        a[ao + 1] = x0i + y0i;
        a[ao + j1] = x0r - y0r;
        a[ao + j1 + 1] = x0i - y0i;
        y0r = wn4r * (x3r - x3i);
        y0i = wn4r * (x3i + x3r);
        a[ao + j2] = x1r - y0i;
        a[ao + j2 + 1] = x1i + y0r;
        a[ao + j3] = x1r + y0i;
        a[ao + j3 + 1] = x1i - y0r;
        k = 0;
        kr = 2 * m;
        for (j = 2; j < mh; j += 2) {
            k += 4;
            wk1r = w[wo + k];
            wk1i = w[wo + k + 1];
            wk3r = w[wo + k + 2];
            wk3i = w[wo + k + 3];
            kr -= 4;
            wd1i = w[wo + kr];
            wd1r = w[wo + kr + 1];
            wd3i = w[wo + kr + 2];
            wd3r = w[wo + kr + 3];
            j1 = j + m;
            j2 = j1 + m;
            j3 = j2 + m;
            x0r = a[ao + j] - a[ao + j2 + 1];
            x0i = a[ao + j + 1] + a[ao + j2];
            x1r = a[ao + j] + a[ao + j2 + 1];
            x1i = a[ao + j + 1] - a[ao + j2];
            x2r = a[ao + j1] - a[ao + j3 + 1];
            x2i = a[ao + j1 + 1] + a[ao + j3];
            x3r = a[ao + j1] + a[ao + j3 + 1];
            x3i = a[ao + j1 + 1] - a[ao + j3];
            y0r = wk1r * x0r - wk1i * x0i;
            y0i = wk1r * x0i + wk1i * x0r;
            y2r = wd1r * x2r - wd1i * x2i;
            y2i = wd1r * x2i + wd1i * x2r;
            a[ao + j] = y0r + y2r;
            a[ao + j + 1] = y0i + y2i;
            a[ao + j1] = y0r - y2r;
            a[ao + j1 + 1] = y0i - y2i;
            y0r = wk3r * x1r + wk3i * x1i;
            y0i = wk3r * x1i - wk3i * x1r;
            y2r = wd3r * x3r + wd3i * x3i;
            y2i = wd3r * x3i - wd3i * x3r;
            a[ao + j2] = y0r + y2r;
            a[ao + j2 + 1] = y0i + y2i;
            a[ao + j3] = y0r - y2r;
            a[ao + j3 + 1] = y0i - y2i;
            j0 = m - j;
            j1 = j0 + m;
            j2 = j1 + m;
            j3 = j2 + m;
            x0r = a[ao + j0] - a[ao + j2 + 1];
            x0i = a[ao + j0 + 1] + a[ao + j2];
            x1r = a[ao + j0] + a[ao + j2 + 1];
            x1i = a[ao + j0 + 1] - a[ao + j2];
            x2r = a[ao + j1] - a[ao + j3 + 1];
            x2i = a[ao + j1 + 1] + a[ao + j3];
            x3r = a[ao + j1] + a[ao + j3 + 1];
            x3i = a[ao + j1 + 1] - a[ao + j3];
            y0r = wd1i * x0r - wd1r * x0i;
            y0i = wd1i * x0i + wd1r * x0r;
            y2r = wk1i * x2r - wk1r * x2i;
            y2i = wk1i * x2i + wk1r * x2r;
            a[ao + j0] = y0r + y2r;
            a[ao + j0 + 1] = y0i + y2i;
            a[ao + j1] = y0r - y2r;
            a[ao + j1 + 1] = y0i - y2i;
            y0r = wd3i * x1r + wd3r * x1i;
            y0i = wd3i * x1i - wd3r * x1r;
            y2r = wk3i * x3r + wk3r * x3i;
            y2i = wk3i * x3i - wk3r * x3r;
            a[ao + j2] = y0r + y2r;
            a[ao + j2 + 1] = y0i + y2i;
            a[ao + j3] = y0r - y2r;
            a[ao + j3 + 1] = y0i - y2i;
        }
        wk1r = w[wo + m];
        wk1i = w[wo + m + 1];
        j0 = mh;
        j1 = j0 + m;
        j2 = j1 + m;
        j3 = j2 + m;
        x0r = a[ao + j0] - a[ao + j2 + 1];
        x0i = a[ao + j0 + 1] + a[ao + j2];
        x1r = a[ao + j0] + a[ao + j2 + 1];
        x1i = a[ao + j0 + 1] - a[ao + j2];
        x2r = a[ao + j1] - a[ao + j3 + 1];
        x2i = a[ao + j1 + 1] + a[ao + j3];
        x3r = a[ao + j1] + a[ao + j3 + 1];
        x3i = a[ao + j1 + 1] - a[ao + j3];
        y0r = wk1r * x0r - wk1i * x0i;
        y0i = wk1r * x0i + wk1i * x0r;
        y2r = wk1i * x2r - wk1r * x2i;
        y2i = wk1i * x2i + wk1r * x2r;
        a[ao + j0] = y0r + y2r;
        a[ao + j0 + 1] = y0i + y2i;
        a[ao + j1] = y0r - y2r;
        a[ao + j1 + 1] = y0i - y2i;
        y0r = wk1i * x1r - wk1r * x1i;
        y0i = wk1i * x1i + wk1r * x1r;
        y2r = wk1r * x3r - wk1i * x3i;
        y2i = wk1r * x3i + wk1i * x3r;
        a[ao + j2] = y0r - y2r;
        a[ao + j2 + 1] = y0i - y2i;
        a[ao + j3] = y0r + y2r;
        a[ao + j3 + 1] = y0i + y2i;
    }

    private static void cftf161(float[] a, int ao, float[] w, int wo)
    {
        float wn4r, wk1r, wk1i, 
            x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i, 
            y0r, y0i, y1r, y1i, y2r, y2i, y3r, y3i, 
            y4r, y4i, y5r, y5i, y6r, y6i, y7r, y7i, 
            y8r, y8i, y9r, y9i, y10r, y10i, y11r, y11i, 
            y12r, y12i, y13r, y13i, y14r, y14i, y15r, y15i;

        wn4r = w[wo + 1];
        wk1r = w[wo + 2];
        wk1i = w[wo + 3];
        x0r = a[ao + 0] + a[ao + 16];
        x0i = a[ao + 1] + a[ao + 17];
        x1r = a[ao + 0] - a[ao + 16];
        x1i = a[ao + 1] - a[ao + 17];
        x2r = a[ao + 8] + a[ao + 24];
        x2i = a[ao + 9] + a[ao + 25];
        x3r = a[ao + 8] - a[ao + 24];
        x3i = a[ao + 9] - a[ao + 25];
        y0r = x0r + x2r;
        y0i = x0i + x2i;
        y4r = x0r - x2r;
        y4i = x0i - x2i;
        y8r = x1r - x3i;
        y8i = x1i + x3r;
        y12r = x1r + x3i;
        y12i = x1i - x3r;
        x0r = a[ao + 2] + a[ao + 18];
        x0i = a[ao + 3] + a[ao + 19];
        x1r = a[ao + 2] - a[ao + 18];
        x1i = a[ao + 3] - a[ao + 19];
        x2r = a[ao + 10] + a[ao + 26];
        x2i = a[ao + 11] + a[ao + 27];
        x3r = a[ao + 10] - a[ao + 26];
        x3i = a[ao + 11] - a[ao + 27];
        y1r = x0r + x2r;
        y1i = x0i + x2i;
        y5r = x0r - x2r;
        y5i = x0i - x2i;
        x0r = x1r - x3i;
        x0i = x1i + x3r;
        y9r = wk1r * x0r - wk1i * x0i;
        y9i = wk1r * x0i + wk1i * x0r;
        x0r = x1r + x3i;
        x0i = x1i - x3r;
        y13r = wk1i * x0r - wk1r * x0i;
        y13i = wk1i * x0i + wk1r * x0r;
        x0r = a[ao + 4] + a[ao + 20];
        x0i = a[ao + 5] + a[ao + 21];
        x1r = a[ao + 4] - a[ao + 20];
        x1i = a[ao + 5] - a[ao + 21];
        x2r = a[ao + 12] + a[ao + 28];
        x2i = a[ao + 13] + a[ao + 29];
        x3r = a[ao + 12] - a[ao + 28];
        x3i = a[ao + 13] - a[ao + 29];
        y2r = x0r + x2r;
        y2i = x0i + x2i;
        y6r = x0r - x2r;
        y6i = x0i - x2i;
        x0r = x1r - x3i;
        x0i = x1i + x3r;
        y10r = wn4r * (x0r - x0i);
        y10i = wn4r * (x0i + x0r);
        x0r = x1r + x3i;
        x0i = x1i - x3r;
        y14r = wn4r * (x0r + x0i);
        y14i = wn4r * (x0i - x0r);
        x0r = a[ao + 6] + a[ao + 22];
        x0i = a[ao + 7] + a[ao + 23];
        x1r = a[ao + 6] - a[ao + 22];
        x1i = a[ao + 7] - a[ao + 23];
        x2r = a[ao + 14] + a[ao + 30];
        x2i = a[ao + 15] + a[ao + 31];
        x3r = a[ao + 14] - a[ao + 30];
        x3i = a[ao + 15] - a[ao + 31];
        y3r = x0r + x2r;
        y3i = x0i + x2i;
        y7r = x0r - x2r;
        y7i = x0i - x2i;
        x0r = x1r - x3i;
        x0i = x1i + x3r;
        y11r = wk1i * x0r - wk1r * x0i;
        y11i = wk1i * x0i + wk1r * x0r;
        x0r = x1r + x3i;
        x0i = x1i - x3r;
        y15r = wk1r * x0r - wk1i * x0i;
        y15i = wk1r * x0i + wk1i * x0r;
        x0r = y12r - y14r;
        x0i = y12i - y14i;
        x1r = y12r + y14r;
        x1i = y12i + y14i;
        x2r = y13r - y15r;
        x2i = y13i - y15i;
        x3r = y13r + y15r;
        x3i = y13i + y15i;
        a[ao + 24] = x0r + x2r;
        a[ao + 25] = x0i + x2i;
        a[ao + 26] = x0r - x2r;
        a[ao + 27] = x0i - x2i;
        a[ao + 28] = x1r - x3i;
        a[ao + 29] = x1i + x3r;
        a[ao + 30] = x1r + x3i;
        a[ao + 31] = x1i - x3r;
        x0r = y8r + y10r;
        x0i = y8i + y10i;
        x1r = y8r - y10r;
        x1i = y8i - y10i;
        x2r = y9r + y11r;
        x2i = y9i + y11i;
        x3r = y9r - y11r;
        x3i = y9i - y11i;
        a[ao + 16] = x0r + x2r;
        a[ao + 17] = x0i + x2i;
        a[ao + 18] = x0r - x2r;
        a[ao + 19] = x0i - x2i;
        a[ao + 20] = x1r - x3i;
        a[ao + 21] = x1i + x3r;
        a[ao + 22] = x1r + x3i;
        a[ao + 23] = x1i - x3r;
        x0r = y5r - y7i;
        x0i = y5i + y7r;
        x2r = wn4r * (x0r - x0i);
        x2i = wn4r * (x0i + x0r);
        x0r = y5r + y7i;
        x0i = y5i - y7r;
        x3r = wn4r * (x0r - x0i);
        x3i = wn4r * (x0i + x0r);
        x0r = y4r - y6i;
        x0i = y4i + y6r;
        x1r = y4r + y6i;
        x1i = y4i - y6r;
        a[ao + 8] = x0r + x2r;
        a[ao + 9] = x0i + x2i;
        a[ao + 10] = x0r - x2r;
        a[ao + 11] = x0i - x2i;
        a[ao + 12] = x1r - x3i;
        a[ao + 13] = x1i + x3r;
        a[ao + 14] = x1r + x3i;
        a[ao + 15] = x1i - x3r;
        x0r = y0r + y2r;
        x0i = y0i + y2i;
        x1r = y0r - y2r;
        x1i = y0i - y2i;
        x2r = y1r + y3r;
        x2i = y1i + y3i;
        x3r = y1r - y3r;
        x3i = y1i - y3i;
        a[ao + 0] = x0r + x2r;
        a[ao + 1] = x0i + x2i;
        a[ao + 2] = x0r - x2r;
        a[ao + 3] = x0i - x2i;
        a[ao + 4] = x1r - x3i;
        a[ao + 5] = x1i + x3r;
        a[ao + 6] = x1r + x3i;
        a[ao + 7] = x1i - x3r;
    }

    private static void cftf162(float[] a, int ao, float[] w, int wo)
    {
        float wn4r, wk1r, wk1i, wk2r, wk2i, wk3r, wk3i, 
            x0r, x0i, x1r, x1i, x2r, x2i, 
            y0r, y0i, y1r, y1i, y2r, y2i, y3r, y3i, 
            y4r, y4i, y5r, y5i, y6r, y6i, y7r, y7i, 
            y8r, y8i, y9r, y9i, y10r, y10i, y11r, y11i, 
            y12r, y12i, y13r, y13i, y14r, y14i, y15r, y15i;

        wn4r = w[wo + 1];
        wk1r = w[wo + 4];
        wk1i = w[wo + 5];
        wk3r = w[wo + 6];
        wk3i = -w[wo + 7];
        wk2r = w[wo + 8];
        wk2i = w[wo + 9];
        x1r = a[ao + 0] - a[ao + 17];
        x1i = a[ao + 1] + a[ao + 16];
        x0r = a[ao + 8] - a[ao + 25];
        x0i = a[ao + 9] + a[ao + 24];
        x2r = wn4r * (x0r - x0i);
        x2i = wn4r * (x0i + x0r);
        y0r = x1r + x2r;
        y0i = x1i + x2i;
        y4r = x1r - x2r;
        y4i = x1i - x2i;
        x1r = a[ao + 0] + a[ao + 17];
        x1i = a[ao + 1] - a[ao + 16];
        x0r = a[ao + 8] + a[ao + 25];
        x0i = a[ao + 9] - a[ao + 24];
        x2r = wn4r * (x0r - x0i);
        x2i = wn4r * (x0i + x0r);
        y8r = x1r - x2i;
        y8i = x1i + x2r;
        y12r = x1r + x2i;
        y12i = x1i - x2r;
        x0r = a[ao + 2] - a[ao + 19];
        x0i = a[ao + 3] + a[ao + 18];
        x1r = wk1r * x0r - wk1i * x0i;
        x1i = wk1r * x0i + wk1i * x0r;
        x0r = a[ao + 10] - a[ao + 27];
        x0i = a[ao + 11] + a[ao + 26];
        x2r = wk3i * x0r - wk3r * x0i;
        x2i = wk3i * x0i + wk3r * x0r;
        y1r = x1r + x2r;
        y1i = x1i + x2i;
        y5r = x1r - x2r;
        y5i = x1i - x2i;
        x0r = a[ao + 2] + a[ao + 19];
        x0i = a[ao + 3] - a[ao + 18];
        x1r = wk3r * x0r - wk3i * x0i;
        x1i = wk3r * x0i + wk3i * x0r;
        x0r = a[ao + 10] + a[ao + 27];
        x0i = a[ao + 11] - a[ao + 26];
        x2r = wk1r * x0r + wk1i * x0i;
        x2i = wk1r * x0i - wk1i * x0r;
        y9r = x1r - x2r;
        y9i = x1i - x2i;
        y13r = x1r + x2r;
        y13i = x1i + x2i;
        x0r = a[ao + 4] - a[ao + 21];
        x0i = a[ao + 5] + a[ao + 20];
        x1r = wk2r * x0r - wk2i * x0i;
        x1i = wk2r * x0i + wk2i * x0r;
        x0r = a[ao + 12] - a[ao + 29];
        x0i = a[ao + 13] + a[ao + 28];
        x2r = wk2i * x0r - wk2r * x0i;
        x2i = wk2i * x0i + wk2r * x0r;
        y2r = x1r + x2r;
        y2i = x1i + x2i;
        y6r = x1r - x2r;
        y6i = x1i - x2i;
        x0r = a[ao + 4] + a[ao + 21];
        x0i = a[ao + 5] - a[ao + 20];
        x1r = wk2i * x0r - wk2r * x0i;
        x1i = wk2i * x0i + wk2r * x0r;
        x0r = a[ao + 12] + a[ao + 29];
        x0i = a[ao + 13] - a[ao + 28];
        x2r = wk2r * x0r - wk2i * x0i;
        x2i = wk2r * x0i + wk2i * x0r;
        y10r = x1r - x2r;
        y10i = x1i - x2i;
        y14r = x1r + x2r;
        y14i = x1i + x2i;
        x0r = a[ao + 6] - a[ao + 23];
        x0i = a[ao + 7] + a[ao + 22];
        x1r = wk3r * x0r - wk3i * x0i;
        x1i = wk3r * x0i + wk3i * x0r;
        x0r = a[ao + 14] - a[ao + 31];
        x0i = a[ao + 15] + a[ao + 30];
        x2r = wk1i * x0r - wk1r * x0i;
        x2i = wk1i * x0i + wk1r * x0r;
        y3r = x1r + x2r;
        y3i = x1i + x2i;
        y7r = x1r - x2r;
        y7i = x1i - x2i;
        x0r = a[ao + 6] + a[ao + 23];
        x0i = a[ao + 7] - a[ao + 22];
        x1r = wk1i * x0r + wk1r * x0i;
        x1i = wk1i * x0i - wk1r * x0r;
        x0r = a[ao + 14] + a[ao + 31];
        x0i = a[ao + 15] - a[ao + 30];
        x2r = wk3i * x0r - wk3r * x0i;
        x2i = wk3i * x0i + wk3r * x0r;
        y11r = x1r + x2r;
        y11i = x1i + x2i;
        y15r = x1r - x2r;
        y15i = x1i - x2i;
        x1r = y0r + y2r;
        x1i = y0i + y2i;
        x2r = y1r + y3r;
        x2i = y1i + y3i;
        a[ao + 0] = x1r + x2r;
        a[ao + 1] = x1i + x2i;
        a[ao + 2] = x1r - x2r;
        a[ao + 3] = x1i - x2i;
        x1r = y0r - y2r;
        x1i = y0i - y2i;
        x2r = y1r - y3r;
        x2i = y1i - y3i;
        a[ao + 4] = x1r - x2i;
        a[ao + 5] = x1i + x2r;
        a[ao + 6] = x1r + x2i;
        a[ao + 7] = x1i - x2r;
        x1r = y4r - y6i;
        x1i = y4i + y6r;
        x0r = y5r - y7i;
        x0i = y5i + y7r;
        x2r = wn4r * (x0r - x0i);
        x2i = wn4r * (x0i + x0r);
        a[ao + 8] = x1r + x2r;
        a[ao + 9] = x1i + x2i;
        a[ao + 10] = x1r - x2r;
        a[ao + 11] = x1i - x2i;
        x1r = y4r + y6i;
        x1i = y4i - y6r;
        x0r = y5r + y7i;
        x0i = y5i - y7r;
        x2r = wn4r * (x0r - x0i);
        x2i = wn4r * (x0i + x0r);
        a[ao + 12] = x1r - x2i;
        a[ao + 13] = x1i + x2r;
        a[ao + 14] = x1r + x2i;
        a[ao + 15] = x1i - x2r;
        x1r = y8r + y10r;
        x1i = y8i + y10i;
        x2r = y9r - y11r;
        x2i = y9i - y11i;
        a[ao + 16] = x1r + x2r;
        a[ao + 17] = x1i + x2i;
        a[ao + 18] = x1r - x2r;
        a[ao + 19] = x1i - x2i;
        x1r = y8r - y10r;
        x1i = y8i - y10i;
        x2r = y9r + y11r;
        x2i = y9i + y11i;
        a[ao + 20] = x1r - x2i;
        a[ao + 21] = x1i + x2r;
        a[ao + 22] = x1r + x2i;
        a[ao + 23] = x1i - x2r;
        x1r = y12r - y14i;
        x1i = y12i + y14r;
        x0r = y13r + y15i;
        x0i = y13i - y15r;
        x2r = wn4r * (x0r - x0i);
        x2i = wn4r * (x0i + x0r);
        a[ao + 24] = x1r + x2r;
        a[ao + 25] = x1i + x2i;
        a[ao + 26] = x1r - x2r;
        a[ao + 27] = x1i - x2i;
        x1r = y12r + y14i;
        x1i = y12i - y14r;
        x0r = y13r - y15i;
        x0i = y13i + y15r;
        x2r = wn4r * (x0r - x0i);
        x2i = wn4r * (x0i + x0r);
        a[ao + 28] = x1r - x2i;
        a[ao + 29] = x1i + x2r;
        a[ao + 30] = x1r + x2i;
        a[ao + 31] = x1i - x2r;
    }

    private static void rftfsub(int n, float[] a, int ao, int nc, float[] c, int co)
    {
        int j, k, kk, ks, m;
        float wkr, wki, xr, xi, yr, yi;

        m = n >> 1;
        ks = 2 * nc / m;
        kk = 0;
        for (j = 2; j < m; j += 2) {
            k = n - j;
            kk += ks;
            wkr = (float)0.5 - c[co + nc - kk];
            wki = c[co + kk];
            xr = a[ao + j] - a[ao + k];
            xi = a[ao + j + 1] + a[ao + k + 1];
            yr = wkr * xr - wki * xi;
            yi = wkr * xi + wki * xr;
            a[ao + j] -= yr;
            a[ao + j + 1] -= yi;
            a[ao + k] += yr;
            a[ao + k + 1] -= yi;
        }
    }
}
