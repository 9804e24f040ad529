package io.emofuse.acoustic.shortterm;

/**
 * Triangular mel filterbank over the bins of an n-point power spectrum, built like librosa's
 * {@code filters.mel}: band edges equally spaced on the mel scale from fmin to fmax, triangles
 * evaluated at bin frequencies k * rate / n, optionally area-normalised (2 / (f_{m+2} - f_m), "slaney").
 */
public final class MelFilterbank {
    /** The two mel scales librosa offers. */
    public enum Scale {
        /** Slaney's Auditory Toolbox: linear below 1 kHz (3 bands per 200 Hz), logarithmic above. */
        SLANEY,
        /** HTK: 2595 log10(1 + f / 700). */
        HTK;

        public double toMel(double hz) {
            if (this == HTK) {
                return 2595 * Math.log10(1 + hz / 700);
            }
            return hz < 1000 ? 3 * hz / 200 : 15 + Math.log(hz / 1000) / (Math.log(6.4) / 27);
        }

        public double toHz(double mel) {
            if (this == HTK) {
                return 700 * (Math.pow(10, mel / 2595) - 1);
            }
            return mel < 15 ? 200 * mel / 3 : 1000 * Math.exp((mel - 15) * (Math.log(6.4) / 27));
        }
    }

    private final double[][] weights; // [band][bin], zero outside first..last
    private final int[] first;
    private final int[] last;

    public MelFilterbank(int bands, int fftSize, int rate, double fmin, double fmax, Scale scale, boolean areaNormalised) {
        int bins = fftSize / 2 + 1;
        double[] edges = new double[bands + 2];
        double lo = scale.toMel(fmin);
        double hi = scale.toMel(fmax);
        for (int i = 0; i < edges.length; i++) {
            edges[i] = scale.toHz(lo + (hi - lo) * i / (bands + 1));
        }
        weights = new double[bands][bins];
        first = new int[bands];
        last = new int[bands];
        for (int b = 0; b < bands; b++) {
            first[b] = bins;
            last[b] = -1;
            double norm = areaNormalised ? 2 / (edges[b + 2] - edges[b]) : 1;
            for (int k = 0; k < bins; k++) {
                double f = k * (double) rate / fftSize;
                double w = Math.max(0, Math.min((f - edges[b]) / (edges[b + 1] - edges[b]),
                        (edges[b + 2] - f) / (edges[b + 2] - edges[b + 1])));
                if (w > 0) {
                    weights[b][k] = w * norm;
                    first[b] = Math.min(first[b], k);
                    last[b] = k;
                }
            }
        }
    }

    public int bands() {
        return weights.length;
    }

    /** Band energies {@code out[b] = sum_k w[b][k] * power[k]}. */
    public void apply(double[] power, double[] out) {
        for (int b = 0; b < weights.length; b++) {
            double s = 0;
            for (int k = first[b]; k <= last[b]; k++) {
                s += weights[b][k] * power[k];
            }
            out[b] = s;
        }
    }
}
