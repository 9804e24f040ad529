package io.emofuse.acoustic.bench;

import io.emofuse.acoustic.audio.WavReader;
import io.emofuse.acoustic.gemaps.GemapsStreamingExtractor;
import io.emofuse.acoustic.gemaps.GemapsVariant;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Steady-state eGeMAPS extraction on one thread: the first {@code seconds} of the 300 s benchmark file
 * (RAVDESS speech), pushed in 4,000-sample chunks through one reused stream ({@code reset()} between
 * operations, so the per-file set-up of a fresh extractor is not in the figure), functionals only as
 * {@code extract --level functionals} runs it, or with LLD rows. Run by {@code scripts/bench-acoustic.sh jmh}
 * (not part of {@code mvn verify}). The score is wall time per operation; each iteration also prints
 * the benchmark thread's CPU time as audio seconds per CPU second, the figure that matters on a shared
 * machine.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 3, jvmArgsAppend = "-XX:+UseSerialGC")
@Threads(1)
public class GemapsSteadyStateBenchmark {

    private static final int CHUNK = 4000;

    @Param("30")
    public int seconds;

    @Param({"functionals", "lld"})
    public String level;

    private float[] samples;
    private GemapsStreamingExtractor stream;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long cpuAtStart;
    private long ops;

    @Setup(Level.Trial)
    public void load() throws Exception {
        Path wav = Path.of(System.getProperty("emofuse.bench.wav",
                "../shared/data/opensmile-ref/bench/bench_long_300s.wav"));
        float[] all = WavReader.read16k(wav).samples();
        samples = Arrays.copyOf(all, Math.min(all.length, seconds * 16000));
        stream = new GemapsStreamingExtractor(GemapsVariant.EGEMAPS, 0, level.equals("lld"));
    }

    @Setup(Level.Iteration)
    public void startClock() {
        cpuAtStart = threads.getCurrentThreadCpuTime();
        ops = 0;
    }

    @TearDown(Level.Iteration)
    public void report() {
        double cpu = (threads.getCurrentThreadCpuTime() - cpuAtStart) / 1e9;
        double audio = ops * (samples.length / 16000.0);
        System.out.printf("  [cpu] %.0f x real time per CPU second (%d ops, %.3f s CPU)%n", audio / cpu, ops, cpu);
    }

    @Benchmark
    public double[] extract() {
        stream.reset();
        for (int off = 0; off < samples.length; off += CHUNK) {
            stream.push(samples, off, Math.min(CHUNK, samples.length - off));
            stream.pollFrames();
        }
        stream.finish();
        stream.pollFrames();
        ops++;
        return stream.functionals();
    }
}
