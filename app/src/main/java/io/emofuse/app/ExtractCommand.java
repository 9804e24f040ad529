package io.emofuse.app;

import io.emofuse.acoustic.FeatureSets;
import io.emofuse.acoustic.StreamingExtractor;
import io.emofuse.acoustic.WavFeatureStream;
import io.emofuse.analysis.Defaults;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
            "Folders are searched recursively for *.wav, in path order. Rows are named by file name without",
            ".wav; where two inputs share one (a/x.wav, b/x.wav) by path. An input that cannot be read, or",
            "is shorter than one analysis frame (60 ms; 25 ms for the short-term sets), gets no row and one",
            "line on stderr naming it; the others are still done and the exit code is 1."})
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

    @Option(names = "--threads", paramLabel = "N", converter = Numbers.AtLeastOne.class,
            description = "Files processed in parallel (default: one per core).")
    int threads = Defaults.threads();

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file.")
    Path out;

    @Option(names = "--silence-alpha", defaultValue = "0.3", paramLabel = "A",
            description = "HSF2: a frame is silent when its RMS < A x the reference RMS (default 0.3).")
    double silenceAlpha;

    @Option(names = "--silence-ref", defaultValue = "mean", paramLabel = "REF",
            description = "HSF2: reference RMS of the utterance, mean (default) or median.")
    String silenceRef;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "WAV files or folders.")
    List<String> inputs;

    /** Result of one file: rows to write (functionals: one row). */
    private record FileResult(Path file, List<double[]> rows, String warning) {
    }

    @Override
    public Integer call() throws Exception {
        FeatureSets.Spec variant = choice();
        boolean lld = switch (level) {
            case "functionals" -> false;
            case "lld" -> true;
            default -> throw new UserError("unknown --level '" + level + "' (use functionals or lld)");
        };
        List<AudioInputs.Input> files = AudioInputs.collect(inputs);
        List<String> rowNames = AudioInputs.uniqueNames(files);
        List<String> names = lld ? variant.lldNames() : variant.functionalNames();
        PrintWriter err = spec.commandLine().getErr();
        OutputFiles.checkWritable(out, "--out");
        if (AudioInputs.hasDuplicateBaseNames(files)) {
            err.println("emofuse: note: some inputs share a file name; their rows are named by path (e.g. '"
                    + rowNames.stream().filter(n -> n.contains("/") || n.contains("\\")).findFirst().orElse("") + "')");
        }
        int written = 0;
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16);
             FeatureTableWriter table = FeatureTableWriter.create(format, w, names, variant.id());
             ProgressBar bar = files.size() > 3 && System.console() != null ? new ProgressBarBuilder().setTaskName("extract")
                     .setInitialMax(files.size()).setStyle(ProgressBarStyle.ASCII)
                     .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build() : null) {
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, files.size())));
            try {
                if (threads == 1 && lld) {
                    // one file at a time, rows streamed straight to the output
                    for (int i = 0; i < files.size(); i++) {
                        AudioInputs.Input f = files.get(i);
                        String problem = f.error();
                        if (problem == null) {
                            try {
                                problem = streamLld(f.path(), rowNames.get(i), variant.streams().open(8, true), table);
                            } catch (IOException | RuntimeException e) {
                                problem = inputError(f, e);
                            }
                        }
                        if (problem == null) {
                            written++;
                        } else {
                            err.println("emofuse: " + problem);
                        }
                        step(bar);
                    }
                } else {
                    List<Future<FileResult>> futures = new ArrayList<>();
                    for (AudioInputs.Input f : files) {
                        futures.add(f.ok() ? pool.submit(() -> extract(f, variant, lld)) : null);
                    }
                    for (int i = 0; i < files.size(); i++) {
                        FileResult r = futures.get(i) == null ? new FileResult(files.get(i).path(), List.of(), files.get(i).error())
                                : get(futures.get(i), files.get(i));
                        if (r.warning != null) {
                            err.println("emofuse: " + r.warning);
                        } else {
                            for (int k = 0; k < r.rows.size(); k++) {
                                table.row(rowNames.get(i), lld ? k * 0.01 : 0.0, r.rows.get(k));
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
        err.printf(Locale.ROOT, "emofuse: %d of %d input(s) -> %s%n", written, files.size(), out);
        err.flush();
        return written == files.size() ? 0 : Main.EXIT_SOME_FAILED;
    }

    /** One line for an input that failed, naming it (the reader's messages already do). */
    private static String inputError(AudioInputs.Input f, Throwable e) {
        String msg = UserErrors.forInput(e);
        return msg.contains(f.path().toString()) ? msg : f.name() + ": " + msg;
    }

    private static void step(ProgressBar bar) {
        if (bar != null) {
            bar.step();
        }
    }

    /** The file's result, or its failure as the warning line: a bad file never stops the others. */
    private static FileResult get(Future<FileResult> fu, AudioInputs.Input f) throws InterruptedException {
        try {
            return fu.get();
        } catch (ExecutionException e) {
            return new FileResult(f.path(), List.of(), inputError(f, e.getCause()));
        }
    }

    private void warnTruncated(String line) {
        UserErrors.warn(spec.commandLine().getErr(), line);
    }

    /** Streams one file's LLD rows; returns null, or why the file gave no row. */
    private String streamLld(Path f, String name, StreamingExtractor s, FeatureTableWriter table) throws IOException {
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
        }, this::warnTruncated);
        if (failure[0] != null) {
            throw failure[0];
        }
        return row[0] == 0 ? tooShort(f, pushed) : null;
    }

    private FileResult extract(AudioInputs.Input in, FeatureSets.Spec variant, boolean lld) throws IOException {
        Path f = in.path();
        List<double[]> rows = new ArrayList<>();
        StreamingExtractor s = variant.streams().open(0, lld);
        long pushed = WavFeatureStream.run(f, s, lld ? frames -> rows.addAll(List.of(frames)) : null, this::warnTruncated);
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

    /** The set through the one rule every face uses; silence settings are refused for any set but hsf2. */
    private FeatureSets.Spec choice() {
        if (!FeatureSets.ids().contains(set)) {
            throw new UserError("unknown --set '" + set + "' (use one of " + FeatureSets.ids() + ")");
        }
        var parsed = spec.commandLine().getParseResult();
        boolean silenceGiven = parsed.hasMatchedOption("--silence-alpha") || parsed.hasMatchedOption("--silence-ref");
        if (silenceGiven && !set.equals("hsf2")) {
            throw new UserError("--silence-alpha and --silence-ref apply to --set hsf2 only, not to --set " + set);
        }
        FeatureSets.Silence silence;
        try {
            silence = set.equals("hsf2") ? new FeatureSets.Silence(silenceAlpha, silenceRef) : null;
        } catch (IllegalArgumentException e) {
            throw new UserError("--silence-alpha/--silence-ref: " + e.getMessage() + " (e.g. --silence-alpha 0.3 --silence-ref median)");
        }
        return FeatureSets.spec(set, silence);
    }
}
