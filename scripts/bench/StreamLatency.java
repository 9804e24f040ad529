import io.emofuse.acoustic.audio.WavReader;
import io.emofuse.linguistic.asr.AsrEvent;
import io.emofuse.linguistic.asr.StreamingRecognizer;
import io.emofuse.linguistic.asr.VoskTranscriber;
import io.emofuse.linguistic.models.ModelStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Final-result latency of streaming sessions: WAV files are sent as 16 kHz s16le PCM in 100 ms
 * chunks paced in real time, STREAMS sessions at once on one shared model; latency is the time from
 * handing in the last chunk to holding the final result (accept of that chunk + finish()).
 * usage: StreamLatency STREAMS WAV...
 */
public final class StreamLatency {
    public static void main(String[] args) throws Exception {
        int streams = Integer.parseInt(args[0]);
        List<Path> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            files.add(Path.of(args[i]));
        }
        List<Double> latMs = Collections.synchronizedList(new ArrayList<>());
        // CPU time the decoding thread spent in the same span: what the latency would be on an idle core
        List<Double> cpuMs = Collections.synchronizedList(new ArrayList<>());
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        try (VoskTranscriber asr = VoskTranscriber.open(ModelStore.fromEnvironment(), null, streams)) {
            ExecutorService pool = Executors.newFixedThreadPool(streams);
            List<Future<?>> jobs = new ArrayList<>();
            for (Path f : files) {
                jobs.add(pool.submit(() -> {
                    byte[] pcm = toPcm(f);
                    int chunk = 3200; // 100 ms
                    byte[] buf = new byte[chunk];
                    long start = System.nanoTime();
                    try (StreamingRecognizer s = asr.openStream(java.time.Duration.ofMinutes(5))) {
                        long handedIn = 0;
                        long cpuAtHandIn = 0;
                        boolean gotFinal = false;
                        for (int off = 0, k = 0; off < pcm.length; off += chunk, k++) {
                            long due = start + (long) (k * 100e6);
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            }
                            int n = Math.min(chunk, pcm.length - off);
                            System.arraycopy(pcm, off, buf, 0, n);
                            handedIn = System.nanoTime();
                            cpuAtHandIn = mx.getCurrentThreadCpuTime();
                            gotFinal |= s.accept(buf, n).stream().anyMatch(e -> e instanceof AsrEvent.Final);
                        }
                        List<AsrEvent> fin = s.finish();
                        long done = System.nanoTime();
                        cpuMs.add((mx.getCurrentThreadCpuTime() - cpuAtHandIn) / 1e6);
                        if (!gotFinal && fin.stream().noneMatch(e -> e instanceof AsrEvent.Final)) {
                            System.err.println("no final for " + f);
                        }
                        latMs.add((done - handedIn) / 1e6);
                    }
                    return null;
                }));
            }
            for (Future<?> j : jobs) {
                j.get();
            }
            pool.shutdown();
        }
        summary("final-latency-wall-ms", streams, latMs);
        summary("same-span-thread-cpu-ms", streams, cpuMs);
    }

    static void summary(String what, int streams, List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        System.out.printf(Locale.ROOT, "streams=%d files=%d %s min=%.1f median=%.1f p95=%.1f max=%.1f%n",
                streams, s.size(), what, s.get(0), s.get(s.size() / 2), s.get((int) Math.ceil(0.95 * s.size()) - 1),
                s.get(s.size() - 1));
    }

    static byte[] toPcm(Path f) throws Exception {
        return io.emofuse.linguistic.asr.Pcm16.encode(WavReader.read16k(f).samples());
    }
}
