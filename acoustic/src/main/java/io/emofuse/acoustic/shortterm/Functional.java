package io.emofuse.acoustic.shortterm;

/** Statistics over the LLD frames of an utterance; spreads are population (ddof 0) as numpy's defaults. */
public enum Functional {
    MEAN("mean"),
    STDDEV("stddev"),
    VARIANCE("var");

    private final String suffix;

    Functional(String suffix) {
        this.suffix = suffix;
    }

    /** The name suffix, e.g. {@code mfcc_0_stddev}. */
    public String suffix() {
        return suffix;
    }

    /** This statistic of {@code values[0..n)} given their mean. */
    double of(double[] values, int n, double mean) {
        if (this == MEAN) {
            return mean;
        }
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double d = values[i] - mean;
            ss += d * d;
        }
        double var = ss / n;
        return this == VARIANCE ? var : Math.sqrt(var);
    }
}
