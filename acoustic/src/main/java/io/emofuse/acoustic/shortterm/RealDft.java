package io.emofuse.acoustic.shortterm;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Power spectrum |X_k|^2, k = 0..n/2, of a real frame of any length n (pyAudioAnalysis takes a
 * 400-point DFT of its 25 ms frames, librosa a power of two). JTransforms plans every size itself
 * (split-radix for powers of two, mixed radix for 400 = 2^4 5^2, Bluestein for sizes with large prime
 * factors), so no chirp-z transform of our own is needed. Holds a scratch buffer: one instance per thread.
 */
public final class RealDft {
    private final int n;
    private final DoubleFFT_1D fft;
    private final double[] buf;

    public RealDft(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("DFT length must be positive: " + n);
        }
        this.n = n;
        // sizes below JTransforms' threading threshold (8192) run on the caller's thread
        this.fft = new DoubleFFT_1D(n);
        this.buf = new double[n];
    }

    /** The transform length n. */
    public int size() {
        return n;
    }

    /** Number of non-negative frequency bins, n/2 + 1. */
    public int bins() {
        return n / 2 + 1;
    }

    /** |X_k|^2 of {@code x[0..len)} zero-padded to n, for k = 0..n/2, into {@code power}. */
    public void power(double[] x, int len, double[] power) {
        System.arraycopy(x, 0, buf, 0, len);
        java.util.Arrays.fill(buf, len, n, 0);
        fft.realForward(buf);
        // packed layout: buf[0] = Re0, then Re, Im pairs of bins 0 < k < n/2 from buf[2]; the last
        // bin: even n: buf[1] = Re(n/2) (real); odd n: buf[n-1] = Re((n-1)/2), buf[1] = Im((n-1)/2)
        power[0] = buf[0] * buf[0];
        int half = n / 2;
        for (int k = 1; k < half; k++) {
            power[k] = buf[2 * k] * buf[2 * k] + buf[2 * k + 1] * buf[2 * k + 1];
        }
        if (half > 0) {
            power[half] = n % 2 == 0 ? buf[1] * buf[1] : buf[n - 1] * buf[n - 1] + buf[1] * buf[1];
        }
    }
}
