package io.emofuse.server;

import io.emofuse.acoustic.audio.Audio;
import io.emofuse.acoustic.audio.WavReader;
import io.emofuse.analysis.EmotionAnalyzer;
import io.emofuse.linguistic.asr.Pcm16;
import io.emofuse.linguistic.asr.StreamingRecognizer;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a few seconds of speech (a 4 s synthetic greeting made with espeak-ng, shipped as {@code warmup.wav}) through as many
 * recognisers as the server admits streams, all held at once so the pool builds and keeps that
 * many, and scores it once (features, text embedder, emotion model). A cold recogniser decodes
 * several times slower for its first seconds (RecognizerPool), which made the first streams of a
 * fresh server fall behind real time; warming before /ready moves that cost before the first
 * client. Runs on the model-loader thread; failures are logged, never fatal (the models loaded).
 */
public final class Warmup {

    private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);

    /** What a warm-up did, shown by /ready. */
    public record Result(int recognizers, long millis) {
    }

    private Warmup() {
    }

    static Result run(EmotionAnalyzer analyzer, int streams) {
        long t0 = System.nanoTime();
        Audio speech;
        try (InputStream in = Warmup.class.getResourceAsStream("warmup.wav")) {
            speech = WavReader.read(in.readAllBytes(), "warmup.wav");
        } catch (Exception e) {
            LOG.warn("warm-up skipped: {}", e.toString());
            return new Result(0, 0);
        }
        byte[] pcm = Pcm16.encode(speech.samples());
        List<StreamingRecognizer> open = new ArrayList<>();
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService threads = Executors.newFixedThreadPool(Math.max(1, cores), r -> {
            Thread t = new Thread(r, "emofuse-warmup");
            t.setDaemon(true);
            return t;
        });
        int warmed = 0;
        try {
            for (int i = 0; i < streams; i++) {
                open.add(analyzer.openStream());
            }
            List<Future<?>> jobs = new ArrayList<>();
            for (StreamingRecognizer s : open) {
                jobs.add(threads.submit(() -> {
                    int chunk = 3200; // 0.1 s, as clients send
                    for (int off = 0; off < pcm.length; off += chunk) {
                        s.accept(java.util.Arrays.copyOfRange(pcm, off, Math.min(pcm.length, off + chunk)),
                                Math.min(chunk, pcm.length - off));
                    }
                    s.finish();
                }));
            }
            for (Future<?> j : jobs) {
                j.get();
                warmed++;
            }
            if (analyzer.hasEmotionModel()) {
                analyzer.emotion(speech, "hello, this is a short test");
            }
        } catch (Exception e) {
            LOG.warn("warm-up stopped after {} recognisers: {}", warmed, e.toString());
        } finally {
            open.forEach(StreamingRecognizer::close);
            threads.shutdownNow();
        }
        Result r = new Result(warmed, (System.nanoTime() - t0) / 1_000_000);
        LOG.info("warmed {} recognisers and the models in {} ms", r.recognizers(), r.millis());
        return r;
    }
}
