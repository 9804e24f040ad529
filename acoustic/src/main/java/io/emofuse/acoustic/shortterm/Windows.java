package io.emofuse.acoustic.shortterm;

/** Analysis windows. */
public final class Windows {
    private Windows() {
    }

    /** Periodic ("fftbins=True") Hann, scipy's get_window('hann', n) as librosa uses it: 0.5 - 0.5 cos(2 pi i / n). */
    public static double[] periodicHann(int n) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
        }
        return w;
    }
}
