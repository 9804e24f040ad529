package io.emofuse.acoustic.gemaps;

import io.emofuse.acoustic.AudioTooShortException;
import io.emofuse.acoustic.FeatureExtractor;
import io.emofuse.acoustic.StreamingExtractor;
import io.emofuse.acoustic.audio.Audio;
import io.emofuse.acoustic.audio.Resampler;
import java.util.List;

/**
 * Batch extraction for the GeMAPS family, implemented by running a {@link GemapsStreamingExtractor}
 * over the whole utterance, so batch and streaming results are the same by construction.
 */
public class GemapsFamilyExtractor implements FeatureExtractor {
    /** Samples in one 60 ms frame at 16 kHz: shorter audio yields no frame. */
    public static final int MIN_SAMPLES = PitchAnalyzer.FRAME;
    private static final int CHUNK = 1 << 16;

    private final GemapsVariant variant;

    protected GemapsFamilyExtractor(GemapsVariant variant) {
        this.variant = variant;
    }

    @Override
    public String id() {
        return variant.id();
    }

    @Override
    public List<String> functionalNames() {
        return variant.functionalNames();
    }

    @Override
    public List<String> lldNames() {
        return variant.lldNames();
    }

    /** A new stream of this set keeping {@code windowFrames} frames (0 = all). */
    public StreamingExtractor streaming(int windowFrames) {
        return new GemapsStreamingExtractor(variant, windowFrames);
    }

    private static float[] samples16k(Audio audio) {
        Audio a = Resampler.toRate(audio, Audio.TARGET_RATE);
        if (a.samples().length < MIN_SAMPLES) {
            throw new AudioTooShortException(audio.source(), audio.durationSeconds(), 0.06);
        }
        return a.samples();
    }

    @Override
    public double[] functionals(Audio audio) {
        float[] x = samples16k(audio);
        StreamingExtractor s = new GemapsStreamingExtractor(variant, 0, false);
        for (int off = 0; off < x.length; off += CHUNK) {
            s.push(x, off, Math.min(CHUNK, x.length - off));
            s.pollFrames();
        }
        s.finish();
        return s.functionals();
    }

    @Override
    public double[][] lld(Audio audio) {
        return GemapsStreamingExtractor.lld(variant, samples16k(audio));
    }
}
