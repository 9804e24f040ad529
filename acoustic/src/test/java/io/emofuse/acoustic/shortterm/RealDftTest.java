package io.emofuse.acoustic.shortterm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The power spectrum against a direct O(n^2) DFT, for the sizes the sets use and odd/prime/tiny ones. */
class RealDftTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 64, 400, 401, 512, 1021, 2048})
    void matchesDirectDft(int n) {
        Random rnd = new Random(n);
        int len = Math.max(1, n - n / 5); // zero padding as the analyzers use it
        double[] x = new double[n];
        for (int i = 0; i < len; i++) {
            x[i] = rnd.nextGaussian();
        }
        RealDft dft = new RealDft(n);
        double[] power = new double[dft.bins()];
        dft.power(x, len, power);
        double scale = 0;
        for (int k = 0; k < dft.bins(); k++) {
            double re = 0;
            double im = 0;
            for (int j = 0; j < len; j++) {
                double a = 2 * Math.PI * ((long) k * j % n) / n;
                re += x[j] * Math.cos(a);
                im -= x[j] * Math.sin(a);
            }
            double expected = re * re + im * im;
            scale = Math.max(scale, expected);
            assertEquals(expected, power[k], 1e-9 * Math.max(1, scale), "n=" + n + " bin " + k);
        }
    }
}
