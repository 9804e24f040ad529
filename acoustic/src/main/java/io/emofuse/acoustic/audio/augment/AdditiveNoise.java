package io.emofuse.acoustic.audio.augment;

import io.emofuse.acoustic.audio.Audio;
import io.emofuse.acoustic.audio.AudioFormatException;
import io.emofuse.acoustic.audio.Resampler;
import io.emofuse.acoustic.audio.WavReader;
import java.nio.file.Path;
import java.util.Random;

/**
 * Adds noise at a chosen signal-to-noise ratio, SNR = 10 log10(sum s^2 / sum n^2) over the whole
 * utterance: the noise is scaled so the mixture has exactly that SNR (up to float rounding).
 * Deterministic for a given seed. A silent utterance has no defined SNR and is returned unchanged.
 */
public final class AdditiveNoise {
    private AdditiveNoise() {
    }

    /** Gaussian white noise drawn from {@code new Random(seed)}. */
    public static Audio white(Audio clean, double snrDb, long seed) {
        Random r = new Random(seed);
        float[] noise = new float[clean.samples().length];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) r.nextGaussian();
        }
        return mix(clean, noise, 0, snrDb);
    }

    /**
     * Noise from {@code noise} (same rate as {@code clean}), looped as often as needed and started at
     * an offset drawn from {@code new Random(seed)} so different seeds use different stretches.
     */
    public static Audio recorded(Audio clean, float[] noise, double snrDb, long seed) {
        if (noise.length == 0) {
            throw new IllegalArgumentException("empty noise recording");
        }
        int start = new Random(seed).nextInt(noise.length);
        return mix(clean, noise, start, snrDb);
    }

    /** {@link #recorded} with noise read from a WAV file and resampled to the utterance's rate. */
    public static Audio fromWav(Audio clean, Path noiseWav, double snrDb, long seed) throws AudioFormatException {
        Audio noise = Resampler.toRate(WavReader.read(noiseWav), clean.sampleRate());
        return recorded(clean, noise.samples(), snrDb, seed);
    }

    /** Measured SNR in dB of {@code noisy} against {@code clean}: the residual noisy - clean is the noise. */
    public static double snrDb(float[] clean, float[] noisy) {
        double s = 0;
        double n = 0;
        for (int i = 0; i < clean.length; i++) {
            double d = (double) noisy[i] - clean[i];
            s += (double) clean[i] * clean[i];
            n += d * d;
        }
        return 10 * Math.log10(s / n);
    }

    private static Audio mix(Audio clean, float[] noise, int start, double snrDb) {
        float[] x = clean.samples();
        double signal = 0;
        double noisePower = 0;
        for (int i = 0; i < x.length; i++) {
            double v = noise[(start + i) % noise.length];
            signal += (double) x[i] * x[i];
            noisePower += v * v;
        }
        if (signal == 0 || noisePower == 0) {
            return new Audio(x.clone(), clean.sampleRate(), clean.source());
        }
        double gain = Math.sqrt(signal / (noisePower * Math.pow(10, snrDb / 10)));
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = (float) (x[i] + gain * noise[(start + i) % noise.length]);
        }
        return new Audio(y, clean.sampleRate(), clean.source() + String.format(java.util.Locale.ROOT, "+noise@%.1fdB", snrDb));
    }
}
