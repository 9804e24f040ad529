package io.emofuse.acoustic.shortterm;

import io.emofuse.acoustic.gemaps.Fft;

/**
 * Power spectrum |X_k|^2, k = 0..n/2, of a real frame of any length n: zero-padded radix-2 FFT when
 * asked for a power-of-two size, Bluestein's chirp-z through a power-of-two FFT otherwise (pyAudioAnalysis
 * takes a 400-point DFT of its 25 ms frames). Holds scratch buffers: one instance per thread.
 */
public final class RealDft {
    private final int n;
    private final Fft fft;
    private final double[] re;
    private final double[] im;
    // Bluestein only: chirp c_j = exp(-i pi j^2 / n) and the FFT of its conjugate, wrapped and padded.
    private final double[] chirpRe;
    private final double[] chirpIm;
    private final double[] kernelRe;
    private final double[] kernelIm;

    public RealDft(int n) {
        this.n = n;
        boolean pow2 = Integer.bitCount(n) == 1;
        int m = pow2 ? n : Integer.highestOneBit(2 * n - 1) << 1;
        fft = new Fft(m);
        re = new double[m];
        im = new double[m];
        if (pow2) {
            chirpRe = chirpIm = kernelRe = kernelIm = null;
            return;
        }
        chirpRe = new double[n];
        chirpIm = new double[n];
        for (int j = 0; j < n; j++) {
            long jj = ((long) j * j) % (2L * n); // exact phase index keeps the chirp accurate
            double a = Math.PI * jj / n;
            chirpRe[j] = Math.cos(a);
            chirpIm[j] = -Math.sin(a);
        }
        kernelRe = new double[m];
        kernelIm = new double[m];
        for (int j = 0; j < n; j++) {
            kernelRe[j] = chirpRe[j];
            kernelIm[j] = -chirpIm[j];
            if (j > 0) {
                kernelRe[m - j] = chirpRe[j];
                kernelIm[m - j] = -chirpIm[j];
            }
        }
        fft.forward(kernelRe, kernelIm);
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
        if (chirpRe == null) {
            System.arraycopy(x, 0, re, 0, len);
            java.util.Arrays.fill(re, len, n, 0);
            fft.realForward(re, re, im);
            for (int k = 0; k <= n / 2; k++) {
                power[k] = re[k] * re[k] + im[k] * im[k];
            }
            return;
        }
        int m = re.length;
        java.util.Arrays.fill(re, 0);
        java.util.Arrays.fill(im, 0);
        for (int j = 0; j < len; j++) {
            re[j] = x[j] * chirpRe[j];
            im[j] = x[j] * chirpIm[j];
        }
        fft.forward(re, im);
        for (int k = 0; k < m; k++) { // multiply, then inverse FFT as conj(FFT(conj(.)))
            double a = re[k] * kernelRe[k] - im[k] * kernelIm[k];
            double b = re[k] * kernelIm[k] + im[k] * kernelRe[k];
            re[k] = a;
            im[k] = -b;
        }
        fft.forward(re, im);
        for (int k = 0; k <= n / 2; k++) {
            // |c_k * conv_k| = |conv_k| because |c_k| = 1; the 1/m of the inverse FFT is applied here
            power[k] = (re[k] * re[k] + im[k] * im[k]) / ((double) m * m);
        }
    }
}
