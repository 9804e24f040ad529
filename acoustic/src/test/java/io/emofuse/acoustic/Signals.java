package io.emofuse.acoustic;

import io.emofuse.acoustic.audio.Audio;
import java.util.Random;

/** Synthetic 16 kHz test signals with known properties. */
public final class Signals {
    public static final int RATE = 16_000;

    private Signals() {
    }

    public static float[] tone(double hz, double seconds, double amplitude) {
        float[] x = new float[(int) Math.round(seconds * RATE)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / RATE));
        }
        return x;
    }

    /** A voiced-speech-like signal: harmonics of a gliding F0 under a syllable-rate envelope. */
    public static float[] vowelLike(double f0, double seconds, long seed) {
        Random r = new Random(seed);
        float[] x = new float[(int) Math.round(seconds * RATE)];
        double phase = 0;
        for (int i = 0; i < x.length; i++) {
            double t = i / (double) RATE;
            double f = f0 * (1 + 0.08 * Math.sin(2 * Math.PI * 1.5 * t));
            phase += 2 * Math.PI * f / RATE;
            double v = 0;
            for (int h = 1; h <= 12; h++) {
                v += Math.sin(h * phase) / h;
            }
            double env = 0.5 + 0.5 * Math.sin(2 * Math.PI * 3 * t);
            x[i] = (float) (0.2 * env * v + 0.002 * r.nextGaussian());
        }
        return x;
    }

    public static float[] noise(double seconds, double amplitude, long seed) {
        Random r = new Random(seed);
        float[] x = new float[(int) Math.round(seconds * RATE)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (amplitude * (2 * r.nextDouble() - 1));
        }
        return x;
    }

    public static float[] concat(float[]... parts) {
        int n = 0;
        for (float[] p : parts) {
            n += p.length;
        }
        float[] out = new float[n];
        int o = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }

    public static Audio audio(float[] x, String name) {
        return new Audio(x, RATE, name);
    }

    /** Number of LLD rows openSMILE writes for {@code samples} samples: n60 + 1 (0 below one frame). */
    public static int expectedLldRows(int samples) {
        if (samples < 960) {
            return 0;
        }
        return (samples - 960) / 160 + 2;
    }
}
