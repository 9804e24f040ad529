package io.emofuse.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.emofuse.acoustic.audio.Audio;
import io.emofuse.acoustic.audio.WavReader;
import io.emofuse.analysis.AnalysisSettings;
import io.emofuse.analysis.ComponentLoader;
import io.emofuse.analysis.Defaults;
import io.emofuse.analysis.EmotionAnalyzer;
import io.emofuse.analysis.EmotionModel;
import io.emofuse.analysis.EmotionModelLocator;
import io.emofuse.fusion.Emotion;
import io.emofuse.linguistic.models.ModelStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code emofuse analyze}: the first thing a new user runs. Transcript, V/A/D and category per
 * file with the shipped default model (or any bundle), as a table or JSON. Missing modalities are
 * normal: no files and {@code --text} scores the words alone; a file without {@code --text} gets
 * its words from ASR; the output names the modalities that were used. Each input gets its row or
 * its error; one bad file never loses the others.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Transcript, valence/arousal/dominance (1-5) and category of WAV files, folders and/or a text.",
        footer = {"", "Examples:",
            "  emofuse analyze samples/                          every WAV in the folder",
            "  emofuse analyze samples/angry.wav --json",
            "  emofuse analyze samples/sad.wav --text \"Kids are talking by the door.\"",
            "  emofuse analyze --text \"What a wonderful day.\"     text only: no category",
            "",
            "The table's p is the category's probability; below the model's threshold (the default",
            "model: 0.40, measured out of fold) the category is marked 'uncertain'. An input that cannot",
            "be read gets an 'error' row, the others are still done, and the exit code is 1."})
final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", arity = "0..*",
            description = "WAV files or folders of WAV files (any WAV; resampled to 16 kHz mono).")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--text", paramLabel = "TEXT", description = "What was said (skips ASR); alone: text-only analysis.")
    String text;

    @Option(names = "--model", paramLabel = "NAME|DIR",
            description = "Emotion model: catalogued name or bundle directory (default: " + EmotionModelLocator.DEFAULT + ").")
    Path model;

    @Option(names = "--json", description = "JSON instead of a table.")
    boolean json;

    /**
     * One analysed input, as printed. V/A/D null when the model gave none; {@code uncertain} null
     * when there is no category or the model states no threshold; {@code error} set instead of the rest.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Row(String input, List<String> modalities, String transcript, Double valence, Double arousal,
               Double dominance, String category, Double confidence, Boolean uncertain,
               Map<String, Double> probabilities, String error) {

        static Row failed(String input, String error) {
            return new Row(input, null, null, null, null, null, null, null, null, null, error);
        }
    }

    @Override
    public Integer call() throws Exception {
        if (inputs.isEmpty() && (text == null || text.isBlank())) {
            throw new UserError("give one or more WAV files or folders and/or --text \"...\" (see 'emofuse analyze --help')");
        }
        Path chosen = Defaults.model(model, null);
        if (chosen == null) {
            throw new UserError("analyze needs an emotion model; --model none is for serve and score (transcripts only)");
        }
        List<AudioInputs.Input> files = AudioInputs.collect(inputs);
        ModelStore store = ModelStore.fromEnvironment();
        EmotionModel m = ModelLoading.load(chosen, store, "analyze scores each file on its own, "
                + "so it cannot normalise within an unknown speaker");
        double threshold = EmotionModelLocator.uncertainBelow(m.source());
        // One recogniser is enough for files analysed one after another.
        List<Row> rows = new ArrayList<>();
        try (EmotionAnalyzer analyzer = ComponentLoader.load(AnalysisSettings.single(chosen), store, m)) {
            if (files.isEmpty()) {
                EmotionAnalyzer.TextAnalysis t = analyzer.analyzeText(text);
                rows.add(row("(text)", t.modalities(), text, t.emotion(), threshold));
            }
            for (AudioInputs.Input f : files) {
                rows.add(analyze(analyzer, f, threshold));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
        } else {
            printTable(out, rows, threshold);
        }
        out.flush();
        long failed = rows.stream().filter(r -> r.error() != null).count();
        if (failed > 0) {
            spec.commandLine().getErr().printf("emofuse: %d of %d inputs could not be analysed (see their error)%n",
                    failed, rows.size());
            spec.commandLine().getErr().flush();
            return Main.EXIT_SOME_FAILED;
        }
        return 0;
    }

    private void warn(String line) {
        UserErrors.warn(spec.commandLine().getErr(), line);
    }

    private Row analyze(EmotionAnalyzer analyzer, AudioInputs.Input f, double threshold) {
        if (!f.ok()) {
            return Row.failed(f.name(), f.error());
        }
        try {
            Audio audio = WavReader.read(f.path(), this::warn);
            EmotionAnalyzer.Analysis a = analyzer.analyze(audio, text);
            return row(f.name(), a.modalities(), a.transcript(), a.emotion(), threshold);
        } catch (Exception e) {
            String msg = UserErrors.forInput(e);
            // the reader's messages name the file already; others get it prefixed
            return Row.failed(f.name(), msg.contains(f.path().toString()) ? msg : f.name() + ": " + msg);
        }
    }

    private static Row row(String input, List<String> used, String transcript, Emotion e, double threshold) {
        if (e == null) {
            return new Row(input, used, transcript, null, null, null, null, null, null, null, null);
        }
        Double p = e.category() == null ? null : e.probabilities().get(e.category());
        Boolean uncertain = p == null || Double.isNaN(threshold) ? null : p < threshold;
        return new Row(input, used, transcript, round(e.valence()), round(e.arousal()), round(e.dominance()), e.category(),
                p == null ? null : Math.round(p * 1000) / 1000.0, uncertain,
                e.probabilities().isEmpty() ? null : roundAll(e.probabilities()), null);
    }

    private static Double round(double x) {
        return Double.isNaN(x) ? null : Math.round(x * 100) / 100.0;
    }

    private static Map<String, Double> roundAll(Map<String, Double> p) {
        Map<String, Double> out = new LinkedHashMap<>();
        p.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> out.put(e.getKey(), Math.round(e.getValue() * 1000) / 1000.0));
        return out;
    }

    /** Whole paths (never cut: the name is how a reader checks a row), columns as wide as they need. */
    private static void printTable(PrintWriter out, List<Row> rows, double threshold) {
        int w = Math.max(5, rows.stream().mapToInt(r -> r.input().length()).max().orElse(5));
        String fmt = "%-" + w + "s  %-16s %5s %5s %5s  %-20s %4s  %s%n";
        out.printf(Locale.ROOT, fmt, "input", "modalities", "V", "A", "D", "category", "p", "transcript");
        for (Row r : rows) {
            if (r.error() != null) {
                out.printf(Locale.ROOT, "%-" + w + "s  error: %s%n", r.input(), r.error());
                continue;
            }
            String cat = r.category() == null ? "-" : Boolean.TRUE.equals(r.uncertain()) ? r.category() + " (uncertain)" : r.category();
            out.printf(Locale.ROOT, fmt, r.input(), String.join("+", r.modalities()), num(r.valence()), num(r.arousal()),
                    num(r.dominance()), cat, r.confidence() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.confidence()),
                    r.transcript() == null ? "" : "\"" + r.transcript() + "\"");
        }
        out.println("V/A/D on 1-5 (1 negative/calm/controlled, 3 neutral, 5 positive/excited/in control); p: the category's"
                + " probability" + (Double.isNaN(threshold) ? "." : String.format(Locale.ROOT,
                        ", 'uncertain' below %.2f (the model's threshold).", threshold)));
    }

    private static String num(Double x) {
        return x == null ? "-" : String.format(Locale.ROOT, "%.2f", x);
    }
}
