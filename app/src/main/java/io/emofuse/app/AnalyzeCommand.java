package io.emofuse.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.emofuse.acoustic.audio.Audio;
import io.emofuse.acoustic.audio.AudioFiles;
import io.emofuse.acoustic.audio.WavStream;
import io.emofuse.analysis.AnalysisSettings;
import io.emofuse.analysis.ComponentLoader;
import io.emofuse.analysis.Defaults;
import io.emofuse.analysis.EmotionAnalyzer;
import io.emofuse.analysis.EmotionModel;
import io.emofuse.analysis.EmotionModelLocator;
import io.emofuse.analysis.Json;
import io.emofuse.analysis.timeline.ChannelMode;
import io.emofuse.analysis.timeline.Summary;
import io.emofuse.analysis.timeline.Timeline;
import io.emofuse.analysis.timeline.TimelineAnalyzer;
import io.emofuse.analysis.timeline.Utterance;
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
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code emofuse analyze}: the first thing a new user runs. Transcript, V/A/D and category per
 * file with the shipped default model (or any bundle), as a table or JSON. Missing modalities are
 * normal: no files and {@code --text} scores the words alone; a file without {@code --text} gets
 * its words from ASR; the output names the modalities that were used. A recording in which Vosk
 * hears more than one utterance, or any recording with {@code --channels split}, gets a timeline:
 * each utterance with its time, channel, words and emotion, and a summary per speaker and overall.
 * Each input gets its row or its error; one bad file never loses the others.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Transcript, valence/arousal/dominance (1-5) and category of audio files, folders and/or a text;"
                + " a timeline of utterances for recordings longer than one.",
        footer = {"", "Examples:",
            "  emofuse analyze samples/                          every audio file in the folder",
            "  emofuse analyze samples/angry.wav --json",
            "  emofuse analyze call.wav --channels split         stereo call: one speaker per channel",
            "  emofuse analyze samples/sad.wav --text \"Kids are talking by the door.\"",
            "  emofuse analyze --text \"What a wonderful day.\"     text only: no category",
            "",
            "WAV (PCM, float, G.711 mu-law/A-law) is read natively; MP3, FLAC, Ogg/Opus, M4A/AAC and other",
            "codecs need ffmpeg (apt-get install ffmpeg, or EMOFUSE_FFMPEG=/path/to/ffmpeg).",
            "",
            "The table's p is the category's probability; below the model's threshold (the default",
            "model: 0.40, measured out of fold) the category is marked 'uncertain'. An input that cannot",
            "be read gets an 'error' row, the others are still done, and the exit code is 1."})
final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", arity = "0..*",
            description = "Audio files or folders of them (WAV natively; MP3, FLAC, Opus, AAC, ... with ffmpeg).")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--channels", paramLabel = "mix|split", converter = ChannelModeConverter.class,
            description = "mix: channels averaged into one voice (default); split: each channel its own speaker"
                    + " (a stereo call), transcribed and scored apart, turns in time order.")
    ChannelMode channels = ChannelMode.MIX;

    @Option(names = "--no-progress", description = "No progress bar on long recordings.")
    boolean noProgress;

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
               Map<String, Double> probabilities, Timeline timeline, String error) {

        static Row failed(String input, String error) {
            return new Row(input, null, null, null, null, null, null, null, null, null, null, error);
        }
    }

    @Override
    public Integer call() throws Exception {
        if (inputs.isEmpty() && (text == null || text.isBlank())) {
            throw new UserError("give one or more audio files or folders and/or --text \"...\" (see 'emofuse analyze --help')");
        }
        if (text != null && channels == ChannelMode.SPLIT) {
            throw new UserError("--text gives the words of one utterance; --channels split finds each channel's words by ASR");
        }
        Path chosen = Defaults.model(model, null);
        if (chosen == null) {
            throw new UserError("analyze needs an emotion model; --model none is for serve and score (transcripts only)");
        }
        List<AudioInputs.Input> files = AudioInputs.collect(inputs);
        ModelStore store = ModelStore.fromEnvironment();
        EmotionModel m = ModelLoading.load(chosen, store, "analyze scores each file on its own, "
                + "so it cannot normalise within an unknown speaker");
        double threshold = m.uncertainBelow();
        // Files are analysed one after another: one recogniser, or one per channel when split
        // (recognisers are made when first used, so the unused ones cost nothing).
        int recognisers = channels == ChannelMode.SPLIT ? TimelineAnalyzer.MAX_SPLIT_CHANNELS : 1;
        List<Row> rows = new ArrayList<>();
        AudioFiles audioFiles = AudioFiles.fromEnvironment();
        try (EmotionAnalyzer analyzer = ComponentLoader.load(AnalysisSettings.single(chosen).withRecognisers(recognisers),
                store, m)) {
            if (files.isEmpty()) {
                EmotionAnalyzer.TextAnalysis t = analyzer.analyzeText(text);
                rows.add(row("(text)", t.modalities(), text, t.emotion()));
            }
            TimelineAnalyzer timelines = new TimelineAnalyzer(analyzer);
            for (AudioInputs.Input f : files) {
                rows.add(analyze(analyzer, timelines, audioFiles, f));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            // the one JSON writer of every face (snake_case, times in ms), keeping the rows' probability order
            out.println(Json.MAPPER.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, false)
                    .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
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

    private Row analyze(EmotionAnalyzer analyzer, TimelineAnalyzer timelines, AudioFiles audioFiles,
                        AudioInputs.Input f) {
        if (!f.ok()) {
            return Row.failed(f.name(), f.error());
        }
        try {
            if (text != null) {
                Audio audio = audioFiles.read(f.path(), this::warn);
                EmotionAnalyzer.Analysis a = analyzer.analyze(audio, text);
                return row(f.name(), a.modalities(), a.transcript(), a.emotion());
            }
            Timeline t;
            try (WavStream in = audioFiles.open(f.path()); LongRecordingBar bar = new LongRecordingBar(f.name())) {
                t = timelines.analyze(in, channels, bar);
                if (in.truncated()) {
                    warn(in.truncation());
                }
            }
            if (channels == ChannelMode.MIX && t.utterances().size() <= 1) {
                if (t.utterances().isEmpty()) {
                    return row(f.name(), List.of(), "", null);
                }
                Utterance u = t.utterances().get(0);
                return row(f.name(), u.modalities(), u.transcript(), u.emotion());
            }
            return timelineRow(f.name(), t);
        } catch (Exception e) {
            String msg = UserErrors.forInput(e);
            // the reader's messages name the file already; others get it prefixed
            return Row.failed(f.name(), msg.contains(f.path().toString()) ? msg : f.name() + ": " + msg);
        }
    }

    private static Row row(String input, List<String> used, String transcript, Emotion e) {
        if (e == null) {
            return new Row(input, used, transcript, null, null, null, null, null, null, null, null, null);
        }
        // EmotionModel marked the category against the model's threshold already
        Double p = e.confidence();
        return new Row(input, used, transcript, round(e.valence()), round(e.arousal()), round(e.dominance()), e.category(),
                p == null ? null : Math.round(p * 1000) / 1000.0, e.uncertain(),
                e.probabilities().isEmpty() ? null : roundAll(e.probabilities()), null, null);
    }

    /** A recording's row: its overall summary in the columns, every utterance in {@code timeline}. */
    private static Row timelineRow(String input, Timeline t) {
        Summary all = t.overall();
        List<String> used = t.utterances().stream().flatMap(u -> u.modalities().stream()).distinct().sorted().toList();
        String said = String.format(Locale.ROOT, "(timeline: %d utterances, %s, %s)", t.utterances().size(),
                t.speakers().size() == 1 ? "channels mixed" : t.speakers().size() + " speakers", clock(t.durationS()));
        return new Row(input, used, said, round(all.valence()), round(all.arousal()), round(all.dominance()), all.category(),
                null, null, null, t, null);
    }

    private static Double round(Double x) {
        return x == null ? null : round((double) x);
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
                    r.transcript() == null ? "" : r.timeline() != null ? r.transcript() : "\"" + r.transcript() + "\"");
            if (r.timeline() != null) {
                printTimeline(out, r.timeline());
            }
        }
        out.println("V/A/D on 1-5 (1 negative/calm/controlled, 3 neutral, 5 positive/excited/in control); p: the category's"
                + " probability" + (Double.isNaN(threshold) ? "." : String.format(Locale.ROOT,
                        ", 'uncertain' below %.2f (the model's threshold).", threshold)));
    }

    /** One line per utterance under its recording's row, then one per speaker. */
    private static void printTimeline(PrintWriter out, Timeline t) {
        for (Utterance u : t.utterances()) {
            Emotion e = u.emotion();
            String cat = e == null || e.category() == null ? "-"
                    : Boolean.TRUE.equals(e.uncertain()) ? e.category() + " (uncertain)" : e.category();
            out.printf(Locale.ROOT, "  %s-%s %-10s %5s %5s %5s  %-20s %4s  \"%s\"%n", clock(u.start()), clock(u.end()),
                    u.speaker(), e == null ? "-" : num(e.valence()), e == null ? "-" : num(e.arousal()),
                    e == null ? "-" : num(e.dominance()), cat,
                    e == null || e.confidence() == null ? "-" : String.format(Locale.ROOT, "%.2f", e.confidence()),
                    u.transcript());
        }
        for (Summary s : t.speakers()) {
            out.printf(Locale.ROOT, "  %-17s %-10s %5s %5s %5s  %-20s       %d utterances, %.1f s of speech%s%n", "summary",
                    s.speaker(), num(round(s.valence())), num(round(s.arousal())), num(round(s.dominance())),
                    s.category() == null ? "-" : s.category(), s.utterances(), s.speechS(),
                    s.uncertainShare() == null ? "" : String.format(Locale.ROOT, ", %.0f%% of it uncertain", 100 * s.uncertainShare()));
        }
    }

    /** Seconds as {@code m:ss.mmm} (hours when there are any): a timeline is read as a clock. */
    static String clock(double seconds) {
        long ms = Math.round(seconds * 1000);
        long h = ms / 3_600_000;
        long m = ms / 60_000 % 60;
        double sec = ms % 60_000 / 1000.0;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%06.3f", h, m, sec)
                : String.format(Locale.ROOT, "%d:%06.3f", m, sec);
    }

    /**
     * The progress bar of one recording: appears once a recording is past a minute (short clips
     * print nothing), on stderr, unless {@code --no-progress}.
     */
    private final class LongRecordingBar implements TimelineAnalyzer.Progress, AutoCloseable {
        private final String name;
        private ProgressBar bar;

        LongRecordingBar(String name) {
            this.name = name;
        }

        @Override
        public void at(double doneS, double totalS) {
            if (noProgress || doneS < TimelineAnalyzer.WHOLE_RECORDING_MAX_S) {
                return;
            }
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(Double.isNaN(totalS) ? -1 : Math.round(totalS))
                        .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
                        .setUpdateIntervalMillis(500).setUnit(" s", 1).showSpeed().build();
            }
            bar.stepTo(Math.round(doneS));
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }

    /** {@code mix} or {@code split}, refused in one line otherwise. */
    static final class ChannelModeConverter implements picocli.CommandLine.ITypeConverter<ChannelMode> {
        @Override
        public ChannelMode convert(String value) {
            try {
                return ChannelMode.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    private static String num(Double x) {
        return x == null ? "-" : String.format(Locale.ROOT, "%.2f", x);
    }
}
