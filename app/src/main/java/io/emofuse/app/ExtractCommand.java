package io.emofuse.app;

import io.emofuse.acoustic.FeatureSets;
import io.emofuse.acoustic.StreamingExtractor;
import io.emofuse.acoustic.WavFeatureStream;
import io.emofuse.acoustic.gemaps.GemapsStreamingExtractor;
import io.emofuse.acoustic.gemaps.GemapsVariant;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code emofuse extract}: acoustic features of WAV files, in openSMILE's CSV layout by default. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract acoustic features (eGeMAPSv02, GeMAPSv01b as openSMILE computes them, HSF1/HSF2, "
                + "or the source papers' short-term sets, docs/feature-sets.md) from WAV files or folders of WAV files.",
        footer = {"", "Examples:",
            "  Functionals of one file, exactly openSMILE's CSV layout:",
            "    emofuse extract --set egemaps --out feats.csv speech.wav",
            "  Frame-level LLDs (10 ms frames) of a whole corpus, 2 threads:",
            "    emofuse extract --set gemaps --level lld --threads 2 --out lld.csv corpus/",
            "  The TESS paper's 170-value utterance vectors:",
            "    emofuse extract --set ser170 --out ser170.csv tess/",
            "  HSF2 with the silence threshold at 0.2 x the median frame RMS, as JSON lines:",
            "    emofuse extract --set hsf2 --silence-alpha 0.2 --silence-ref median --format jsonl --out f.jsonl a.wav b.wav",
            "",
            "Inputs: WAV PCM 8/16/24/32-bit or float, any rate (resampled to 16 kHz), channels averaged.",
            "Folders are searched recursively for *.wav. A file shorter than one analysis frame (60 ms;",
            "25 ms for the short-term sets) gets no row and one warning line on stderr."})
public final class ExtractCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--set", required = true, paramLabel = "SET",
            description = "Feature set: egemaps, gemaps, hsf1, hsf2, mfcc, logmel, pyaa, pyaa_d, ser170, ser169, ser128, rnn31, "
                    + "pyaa_hsf, pyaa_d_hsf, ser170_hsf or ser169_hsf (docs/feature-sets.md).")
    String set;

    @Option(names = "--level", defaultValue = "functionals", paramLabel = "LEVEL",
            description = "functionals (one row per file, default) or lld (one row per 10 ms frame).")
    String level;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "FMT",
            description = "csv (openSMILE layout, default), arff or jsonl.")
    String format;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N", description = "Files processed in parallel (default 1).")
    int threads;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file.")
    Path out;

    @Option(names = "--silence-alpha", defaultValue = "0.3", paramLabel = "A",
            description = "HSF2: a frame is silent when its RMS < A x the reference RMS (default 0.3).")
    double silenceAlpha;

    @Option(names = "--silence-ref", defaultValue = "mean", paramLabel = "REF",
            description = "HSF2: reference RMS of the utterance, mean (default) or median.")
    String silenceRef;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "WAV files or folders.")
    List<Path> inputs;

    /** The chosen set: its names and a stream factory. */
    private record SetChoice(String id, List<String> lldNames, List<String> functionalNames, Streams streams) {
    }

    /** Opens a stream keeping {@code keepFrames} frames (0 = all); LLD rows only where asked for. */
    private interface Streams {
        StreamingExtractor open(int keepFrames, boolean lldRows);
    }

    /** Result of one file: rows to write (functionals: one row). */
    private record FileResult(Path file, List<double[]> rows, String warning) {
    }

    @Override
    public Integer call() throws Exception {
        SetChoice variant = choice();
        boolean lld = switch (level) {
            case "functionals" -> false;
            case "lld" -> true;
            default -> throw new UserError("unknown --level '" + level + "' (use functionals or lld)");
        };
        if (threads < 1) {
            throw new UserError("--threads must be at least 1, got " + threads);
        }
        List<Path> files = collect(inputs);
        if (files.isEmpty()) {
            throw new UserError("no .wav files found in " + inputs);
        }
        List<String> names = lld ? variant.lldNames() : variant.functionalNames();
        PrintWriter err = spec.commandLine().getErr();
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UserError("output folder does not exist: " + parent);
        }
        int written = 0;
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16);
             FeatureTableWriter table = FeatureTableWriter.create(format, w, names, variant.id());
             ProgressBar bar = files.size() > 3 ? new ProgressBarBuilder().setTaskName("extract").setInitialMax(files.size())
                     .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                     .build() : null) {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, files.size()));
            try {
                if (threads == 1 && lld) {
                    // one file at a time, rows streamed straight to the output
                    StreamingExtractor s = variant.streams().open(8, true);
                    for (Path f : files) {
                        written += streamLld(f, s, table, err);
                        step(bar);
                    }
                } else {
                    List<Future<FileResult>> futures = new ArrayList<>();
                    for (Path f : files) {
                        futures.add(pool.submit(() -> extract(f, variant, lld)));
                    }
                    for (Future<FileResult> fu : futures) {
                        FileResult r = get(fu);
                        if (r.warning != null) {
                            err.println("emofuse: warning: " + r.warning);
                        } else {
                            String name = baseName(r.file);
                            for (int i = 0; i < r.rows.size(); i++) {
                                table.row(name, lld ? i * 0.01 : 0.0, r.rows.get(i));
                            }
                            written++;
                        }
                        step(bar);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
        err.flush();
        spec.commandLine().getOut().printf(Locale.ROOT, "%d of %d file(s) -> %s%n", written, files.size(), out);
        return 0;
    }

    private static void step(ProgressBar bar) {
        if (bar != null) {
            bar.step();
        }
    }

    private static FileResult get(Future<FileResult> fu) throws Exception {
        try {
            return fu.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    private int streamLld(Path f, StreamingExtractor s, FeatureTableWriter table, PrintWriter err) throws IOException {
        String name = baseName(f);
        long[] row = {0};
        IOException[] failure = {null};
        long pushed = WavFeatureStream.run(f, s, frames -> {
            for (double[] r : frames) {
                try {
                    table.row(name, row[0] * 0.01, r);
                } catch (IOException e) {
                    failure[0] = e;
                }
                row[0]++;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        if (row[0] == 0) {
            err.println("emofuse: warning: " + tooShort(f, pushed));
            return 0;
        }
        return 1;
    }

    private FileResult extract(Path f, SetChoice variant, boolean lld) throws IOException {
        List<double[]> rows = new ArrayList<>();
        StreamingExtractor s = variant.streams().open(0, lld);
        long pushed = WavFeatureStream.run(f, s, lld ? frames -> rows.addAll(List.of(frames)) : null);
        if (!lld) {
            double[] v = s.functionals();
            if (v != null) {
                rows.add(v);
            }
        }
        if (rows.isEmpty()) {
            return new FileResult(f, rows, tooShort(f, pushed));
        }
        return new FileResult(f, rows, null);
    }

    private static String tooShort(Path f, long samples) {
        return String.format(Locale.ROOT, "%s: %.3f s of audio, shorter than one analysis frame; no row written",
                f, samples / 16000.0);
    }

    private SetChoice choice() {
        if (!FeatureSets.ids().contains(set)) {
            throw new UserError("unknown --set '" + set + "' (use one of " + FeatureSets.ids() + ")");
        }
        if (!List.of("egemaps", "gemaps", "hsf1", "hsf2").contains(set)) {
            var ex = FeatureSets.create(set);
            return new SetChoice(ex.id(), ex.lldNames(), ex.functionalNames(), (n, lldRows) -> FeatureSets.streaming(set, n));
        }
        GemapsVariant v = variant();
        return new SetChoice(v.id(), v.lldNames(), v.functionalNames(), (n, lldRows) -> new GemapsStreamingExtractor(v, n, lldRows));
    }

    private GemapsVariant variant() {
        return switch (set) {
            case "egemaps" -> GemapsVariant.EGEMAPS;
            case "gemaps" -> GemapsVariant.GEMAPS;
            case "hsf1" -> GemapsVariant.HSF1;
            default -> {
                GemapsVariant.SilenceReference ref = switch (silenceRef) {
                    case "mean" -> GemapsVariant.SilenceReference.MEAN;
                    case "median" -> GemapsVariant.SilenceReference.MEDIAN;
                    default -> throw new UserError("unknown --silence-ref '" + silenceRef + "' (use mean or median)");
                };
                try {
                    yield GemapsVariant.hsf2(silenceAlpha, ref);
                } catch (IllegalArgumentException e) {
                    throw new UserError("--silence-alpha: " + e.getMessage());
                }
            }
        };
    }

    static String baseName(Path f) {
        String n = f.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    static List<Path> collect(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                try (Stream<Path> walk = Files.walk(in)) {
                    walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav"))
                            .sorted().forEach(files::add);
                }
            } else if (Files.exists(in)) {
                files.add(in);
            } else {
                throw new NoSuchFileException(in.toString());
            }
        }
        return files;
    }
}
