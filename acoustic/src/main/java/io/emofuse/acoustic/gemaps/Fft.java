package io.emofuse.acoustic.gemaps;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * FFT of one fixed power-of-two size on split real/imaginary arrays, e^{-i} convention. JTransforms
 * (Ooura's split-radix, the FFT openSMILE itself uses) does the work: about twice as fast as a plain
 * radix-2 transform, and the FFTs are about a third of the GeMAPS frame pipeline.
 */
public final class Fft {
    private final int n;
    private final DoubleFFT_1D transform;
    private final double[] packed;

    public Fft(int n) {
        if (Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two: " + n);
        }
        this.n = n;
        // power-of-two sizes below JTransforms' threading threshold (8192) run on the caller's thread
        this.transform = new DoubleFFT_1D(n);
        this.packed = new double[2 * n];
    }

    public int size() {
        return n;
    }

    /**
     * Spectrum of real {@code x[0..N)} in JTransforms' packed layout, in a buffer this object owns
     * (valid until the next call): {@code [Re0, Re(N/2), Re1, Im1, Re2, Im2, ...]}, e^{-i} convention.
     * Callers that read each bin once take it from here, without the copy into split arrays.
     */
    public double[] realForwardPacked(double[] x) {
        System.arraycopy(x, 0, packed, 0, n);
        transform.realForward(packed);
        return packed;
    }

    /** Spectrum of real {@code x[0..N)}: bins 0..N/2 into {@code re, im} (length at least N/2 + 1). */
    public void realForward(double[] x, double[] re, double[] im) {
        System.arraycopy(x, 0, packed, 0, n);
        transform.realForward(packed); // packed: [Re0, Re(N/2), Re1, Im1, Re2, Im2, ...]
        int h = n / 2;
        re[0] = packed[0];
        im[0] = 0;
        re[h] = packed[1];
        im[h] = 0;
        for (int k = 1; k < h; k++) {
            re[k] = packed[2 * k];
            im[k] = packed[2 * k + 1];
        }
    }

    /** Forward transform X[k] = sum x[n] e^{-2 pi i k n / N}, in place. */
    public void forward(double[] re, double[] im) {
        for (int i = 0; i < n; i++) {
            packed[2 * i] = re[i];
            packed[2 * i + 1] = im[i];
        }
        transform.complexForward(packed);
        for (int i = 0; i < n; i++) {
            re[i] = packed[2 * i];
            im[i] = packed[2 * i + 1];
        }
    }
}
