package io.emofuse.acoustic.gemaps;

/**
 * Radix-2 FFT of one fixed size, twiddles and bit reversal precomputed; real input goes through a
 * half-size complex transform.
 */
public final class Fft {
    private final int n;
    private final double[] cos;
    private final double[] sin;
    private final int[] rev;
    private final double[] twr;
    private final double[] twi;

    public Fft(int n) {
        if (Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two: " + n);
        }
        this.n = n;
        cos = new double[n / 2];
        sin = new double[n / 2];
        for (int i = 0; i < n / 2; i++) {
            cos[i] = Math.cos(2 * Math.PI * i / n);
            sin[i] = Math.sin(2 * Math.PI * i / n);
        }
        // per-stage twiddles, contiguous in the order the butterflies use them
        twr = new double[n];
        twi = new double[n];
        for (int len = 4, tw = 0; len <= n; len <<= 1) {
            for (int k = 0; k < len / 2; k++, tw++) {
                twr[tw] = Math.cos(2 * Math.PI * k / len);
                twi[tw] = -Math.sin(2 * Math.PI * k / len);
            }
        }
        rev = new int[n];
        int bits = Integer.numberOfTrailingZeros(n);
        for (int i = 0; i < n; i++) {
            rev[i] = Integer.reverse(i) >>> (32 - bits);
        }
    }

    public int size() {
        return n;
    }

    private Fft half;
    private double[] zr;
    private double[] zi;
    private double[] rc;
    private double[] rs;

    /**
     * Spectrum of real {@code x[0..N)}: bins 0..N/2 into {@code re, im} (length at least N/2 + 1),
     * e^{-i} convention, via one complex FFT of size N/2.
     */
    public void realForward(double[] x, double[] re, double[] im) {
        int h = n / 2;
        if (half == null) {
            half = new Fft(h);
            zr = new double[h];
            zi = new double[h];
            rc = new double[h];
            rs = new double[h];
            for (int k = 0; k < h; k++) {
                rc[k] = Math.cos(2 * Math.PI * k / n);
                rs[k] = Math.sin(2 * Math.PI * k / n);
            }
        }
        for (int i = 0; i < h; i++) {
            zr[i] = x[2 * i];
            zi[i] = x[2 * i + 1];
        }
        half.forward(zr, zi);
        re[0] = zr[0] + zi[0];
        im[0] = 0;
        re[h] = zr[0] - zi[0];
        im[h] = 0;
        for (int k = 1; k < h; k++) {
            double ar = zr[k];
            double ai = zi[k];
            double br = zr[h - k];
            double bi = -zi[h - k]; // conj(Z[h-k])
            double er = 0.5 * (ar + br); // even part
            double ei = 0.5 * (ai + bi);
            double or = 0.5 * (ai - bi); // odd part = (Z - conj)/(2i)
            double oi = -0.5 * (ar - br);
            double wr = rc[k];
            double wi = -rs[k];
            re[k] = er + wr * or - wi * oi;
            im[k] = ei + wr * oi + wi * or;
        }
    }

    /** Forward transform X[k] = sum x[n] e^{-2 pi i k n / N}, in place. */
    public void forward(double[] re, double[] im) {
        for (int i = 0; i < n; i++) {
            int j = rev[i];
            if (j > i) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
                t = im[i]; im[i] = im[j]; im[j] = t;
            }
        }
        // first stage (len 2) has the trivial twiddle 1
        for (int i = 0; i < n; i += 2) {
            double xr = re[i + 1];
            double xi = im[i + 1];
            re[i + 1] = re[i] - xr;
            im[i + 1] = im[i] - xi;
            re[i] += xr;
            im[i] += xi;
        }
        for (int len = 4, tw = 0; len <= n; len <<= 1) {
            int half = len >> 1;
            for (int k = 0; k < half; k++, tw++) {
                double wr = twr[tw];
                double wi = twi[tw];
                for (int a = k; a < n; a += len) {
                    int b = a + half;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }
}
