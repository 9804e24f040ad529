package io.emofuse.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.emofuse.acoustic.audio.Audio;
import io.emofuse.acoustic.audio.WavReader;
import io.emofuse.fusion.Emotion;
import io.emofuse.linguistic.models.ModelStore;
import io.emofuse.analysis.ComponentLoader;
import io.emofuse.analysis.EmotionAnalyzer;
import io.emofuse.analysis.EmotionModel;
import io.emofuse.analysis.EmotionModelLocator;
import io.emofuse.analysis.AnalysisSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code emofuse analyze}: the first thing a new user runs. Transcript, V/A/D and category per
 * file with the shipped default model (or any bundle), as a table or JSON. Missing modalities are
 * normal: no files and {@code --text} scores the words alone; a file without {@code --text} gets
 * its words from ASR; the output names the modalities that were used.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Transcript, valence/arousal/dominance (1-5) and category of WAV files and/or a text.",
        footer = {"", "Examples:",
            "  emofuse analyze samples/happy.wav samples/sad.wav",
            "  emofuse analyze samples/angry.wav --text \"I told you to stop that.\" --json",
            "  emofuse analyze --text \"What a wonderful day.\"            (text only: no category)"})
final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.wav", arity = "0..*", description = "Audio files (any WAV; resampled to 16 kHz mono).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--text", paramLabel = "TEXT", description = "What was said (skips ASR); alone: text-only analysis.")
    String text;

    @Option(names = "--model", defaultValue = EmotionModelLocator.DEFAULT, paramLabel = "NAME|DIR",
            description = "Emotion model: catalogued name or bundle directory (default: ${DEFAULT-VALUE}).")
    Path model;

    @Option(names = "--json", description = "JSON instead of a table.")
    boolean json;

    /** One analysed input, as printed. V/A/D null when the model gave none. */
    record Row(String input, List<String> modalities, String transcript, Double valence, Double arousal,
               Double dominance, String category, Map<String, Double> probabilities) {
    }

    @Override
    public Integer call() throws Exception {
        if (files.isEmpty() && (text == null || text.isBlank())) {
            throw new UserError("give one or more WAV files and/or --text \"...\"");
        }
        ModelStore store = ModelStore.fromEnvironment();
        Path dir;
        try {
            dir = EmotionModelLocator.locate(model, store);
        } catch (RuntimeException e) {
            throw new UserError(e.getMessage(), e);
        }
        // One recogniser is enough for files analysed one after another.
        List<Row> rows = new ArrayList<>();
        try (EmotionAnalyzer analyzer = ComponentLoader.load(AnalysisSettings.single(dir), store, EmotionModel.load(dir))) {
            EmotionModel m = analyzer.components().emotion();
            if (files.isEmpty()) {
                EmotionAnalyzer.TextAnalysis t = analyzer.analyzeText(text);
                rows.add(row("(text)", t.modalities(), text, t.emotion()));
            }
            for (Path f : files) {
                Audio audio = WavReader.read(f);
                EmotionAnalyzer.Analysis a = analyzer.analyze(audio, text);
                rows.add(row(f.toString(), a.modalities(), a.transcript(), a.emotion()));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
        } else {
            printTable(out, rows);
        }
        out.flush();
        return 0;
    }

    private static Row row(String input, List<String> used, String transcript, Emotion e) {
        return new Row(input, used, transcript, e == null ? null : round(e.valence()), e == null ? null : round(e.arousal()),
                e == null ? null : round(e.dominance()), e == null ? null : e.category(),
                e == null || e.probabilities().isEmpty() ? Map.of() : roundAll(e.probabilities()));
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

    private static void printTable(PrintWriter out, List<Row> rows) {
        out.printf("%-24s %-16s %5s %5s %5s  %-10s %s%n", "input", "modalities", "V", "A", "D", "category", "transcript");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "%-24s %-16s %5s %5s %5s  %-10s %s%n", shorten(r.input(), 24),
                    String.join("+", r.modalities()), num(r.valence()), num(r.arousal()), num(r.dominance()),
                    r.category() == null ? "-" : r.category(), r.transcript() == null ? "" : "\"" + r.transcript() + "\"");
        }
        out.println("V/A/D on 1-5 (1 negative/calm/controlled, 3 neutral, 5 positive/excited/in control).");
    }

    private static String num(Double x) {
        return x == null ? "-" : String.format(Locale.ROOT, "%.2f", x);
    }

    private static String shorten(String s, int n) {
        return s.length() <= n ? s : "..." + s.substring(s.length() - n + 3);
    }
}
