package io.emofuse.app;

import io.emofuse.linguistic.models.ModelStore;
import io.emofuse.analysis.ComponentLoader;
import io.emofuse.analysis.EmotionAnalyzer;
import io.emofuse.analysis.Defaults;
import io.emofuse.analysis.EmotionModel;
import io.emofuse.server.ServerConfig;
import io.emofuse.analysis.batch.AudioRoots;
import io.emofuse.analysis.batch.BatchScorer;
import io.emofuse.analysis.batch.OrderedParallel;
import io.emofuse.analysis.batch.ResumableJsonl;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code emofuse score}: batch scoring of JSONL dialogues, resumable. */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score JSONL dialogues ({dialogue_id, turns:[{turn_id, speaker, text?, audio?, start?, end?}]}): "
                + "one output line per input line, results per turn or an error naming the line. Rerunning with the "
                + "same --out skips dialogues already written (and repairs a half-written last line).",
        footer = {"", "Examples:",
            "  emofuse score dialogues.jsonl --out scores.jsonl                  the shipped default model",
            "  emofuse score calls.jsonl --out calls.scored.jsonl --threads 2 --audio-root /data/calls",
            "", "A line that cannot be scored gets {\"line\":N,\"error\":...}; the others are still scored and the exit code",
            "is 1. Audio paths resolve against the first audio root (default: the input file's directory) and may not",
            "leave the roots."})
final class ScoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN.jsonl", description = "Input dialogues, one JSON object per line.")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "OUT.jsonl", description = "Output (appended to; resumable).")
    Path output;

    @Option(names = "--threads", paramLabel = "N", converter = Numbers.AtLeastOne.class, description = "Lines scored in parallel (default: one per core).")
    Integer threads;

    @Option(names = "--model", paramLabel = "NAME|DIR",
            description = "Emotion model: a bundle directory, a catalogued name or none (default: config 'model', else 'default').")
    Path model;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML config (default: configs/server.yaml if it exists).")
    Path config;

    @Option(names = "--audio-root", paramLabel = "DIR", description = "Directory audio may be read from (repeatable).")
    List<Path> audioRoots = new ArrayList<>();

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        OutputFiles.checkReadable(input, "IN.jsonl", "input dialogues, one JSON object per line");
        OutputFiles.checkWritable(output, "--out");
        ServerConfig cfg = ServeCommand.loadConfig(config);
        int n = Defaults.threads(threads, cfg.workers());
        cfg = ServeCommand.withDefaultModel(cfg.with(Map.of("workers", n)), model);
        List<Path> roots = new ArrayList<>(cfg.audioRoots());
        roots.addAll(audioRoots);
        if (roots.isEmpty()) {
            roots.add(input.toAbsolutePath().getParent());
        }
        long total;
        try (var lines = Files.lines(input, StandardCharsets.UTF_8)) {
            total = lines.count();
        } catch (UncheckedIOException e) {
            throw new UserError(input + " is not UTF-8 text: " + e.getCause().getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        ServerConfig effective = cfg;
        long[] counts = new long[3]; // scored, skipped, with errors
        ModelStore store = ModelStore.fromEnvironment();
        EmotionModel model = effective.model() == null ? null : ModelLoading.load(effective.model(), store,
                "score meets each dialogue speaker for the first time, so it cannot normalise within that speaker");
        try (ResumableJsonl out = ResumableJsonl.open(output);
             EmotionAnalyzer analyzer = ComponentLoader.load(effective.analysis(), store, model);
             BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            if (out.repairedBytes() > 0) {
                err.println("emofuse: repaired " + output + ": cut a half-written last line (" + out.repairedBytes() + " bytes)");
                err.flush();
            }
            BatchScorer scorer = new BatchScorer(analyzer, new AudioRoots(roots));
            ProgressBar bar = progressBar(total);
            try {
                OrderedParallel.run(new LineIterator(reader, out, counts, bar), n,
                        l -> scorer.score(l.text(), l.number()),
                        result -> {
                            try {
                                out.append(result);
                            } catch (IOException e) {
                                throw new EnvironmentError("cannot write " + output + ": " + e.getMessage()
                                        + "; free space and rerun the same command to resume", e);
                            }
                            counts[0]++;
                            if (BatchScorer.hasError(result)) {
                                counts[2]++;
                            }
                            if (bar != null) {
                                bar.step();
                            }
                        });
            } finally {
                if (bar != null) {
                    bar.close();
                }
            }
        }
        // The exit code tells of the whole output, lines from an earlier run included: a rerun that
        // has nothing left to do still reports that some lines failed.
        long earlier = counts[1] == 0 ? 0 : earlierErrors(output, counts[1]);
        err.printf("emofuse: %d lines scored (%d with errors), %d already done in %s%s%n",
                counts[0], counts[2], counts[1], output, earlier > 0 ? " (" + earlier + " of them with errors)" : "");
        err.flush();
        return counts[2] + earlier == 0 ? 0 : Main.EXIT_SOME_FAILED;
    }

    /** Lines with an error among the first {@code done} lines of the output (those an earlier run wrote). */
    private static long earlierErrors(Path output, long done) throws IOException {
        try (var lines = Files.lines(output, StandardCharsets.UTF_8)) {
            return lines.limit(done).filter(BatchScorer::hasError).count();
        }
    }

    private ProgressBar progressBar(long total) {
        if (noProgress) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName("score").setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(500).showSpeed()
                .setUnit(" lines", 1).build();
    }

    /** One input line and its 1-based number. */
    record Line(String text, long number) {
    }

    /** The input's lines that the output does not have yet. */
    private static final class LineIterator implements Iterator<Line> {
        private final BufferedReader reader;
        private final ResumableJsonl out;
        private final long[] counts;
        private final ProgressBar bar;
        private long number;
        private Line next;

        LineIterator(BufferedReader reader, ResumableJsonl out, long[] counts, ProgressBar bar) {
            this.reader = reader;
            this.out = out;
            this.counts = counts;
            this.bar = bar;
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                String s;
                try {
                    s = reader.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (s == null) {
                    return false;
                }
                number++;
                if (out.done(s, number)) {
                    counts[1]++;
                    if (bar != null) {
                        bar.step();
                    }
                } else {
                    next = new Line(s, number);
                }
            }
            return true;
        }

        @Override
        public Line next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Line l = next;
            next = null;
            return l;
        }
    }
}
