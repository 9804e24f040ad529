package io.emofuse.training.train;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.emofuse.acoustic.audio.AudioFiles;
import io.emofuse.acoustic.audio.WavStream;
import io.emofuse.fusion.Emotion;
import io.emofuse.fusion.Modalities;
import io.emofuse.fusion.bundle.LoadedModel;
import io.emofuse.fusion.input.AcousticInput;
import io.emofuse.linguistic.models.ModelStore;
import io.emofuse.training.data.FeatureCache;
import io.emofuse.training.data.FeaturePipeline;
import io.emofuse.training.data.FeatureTable;
import io.emofuse.training.data.TextSource;
import io.emofuse.training.manifest.Manifest;
import io.emofuse.training.manifest.ManifestReader;
import io.emofuse.training.manifest.ManifestRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code predict} command's work: a bundle and a manifest in, a CSV out with
 * {@code utt_id,V,A,D}, then {@code category} and {@code p_CLASS} columns when the model has a
 * categorical head (and {@code uncertain}, true/false, when the model states a threshold), then
 * {@code transcript} when any row's text came from ASR, then {@code error}
 * when a row could not be predicted. Every row gets its prediction or its error ("line N (utt_id):
 * ..."), in manifest order; one bad row never loses the others.
 */
public final class PredictService {

    private final ModelStore store;
    private final int threads;
    private final FeaturePipeline.Progress progress;

    public PredictService(ModelStore store, int threads, FeaturePipeline.Progress progress) {
        this.store = store;
        this.threads = threads;
        this.progress = progress;
    }

    /**
     * What was written: rows predicted, and one message per row that was not ("line N (utt_id): ...",
     * in manifest order; each also in that row's {@code error} column).
     */
    public record Result(int predicted, List<String> errors) {
        public Result {
            errors = List.copyOf(errors);
        }
    }

    /** Returns the number of rows predicted (rows with an error are written with it, not counted). */
    public int predict(LoadedModel bundle, Path manifestFile, Path outCsv, TextSource source, Path cacheDir) throws IOException {
        return predict(bundle, manifestFile, outCsv, source, cacheDir, null);
    }

    /** As {@link #predictEach}, returning the number of rows predicted. */
    public int predict(LoadedModel bundle, Path manifestFile, Path outCsv, TextSource source, Path cacheDir, Double maxSeconds)
            throws IOException {
        return predictEach(bundle, manifestFile, outCsv, source, cacheDir, maxSeconds).predicted();
    }

    /**
     * Predicts every row it can; {@code maxSeconds} (null = as the model was trained) evaluates on the
     * first that many seconds of each utterance (0 = the whole utterance).
     */
    public Result predictEach(LoadedModel bundle, Path manifestFile, Path outCsv, TextSource source, Path cacheDir,
                              Double maxSeconds) throws IOException {
        Manifest manifest = ManifestReader.read(manifestFile);
        List<ManifestRow> all = manifest.rows();
        AcousticInput acoustic = bundle.acousticInput().map(a -> maxSeconds == null ? a : a.withMaxSeconds(maxSeconds)).orElse(null);
        boolean optional = bundle.modalitiesOptional();
        boolean needsAudio = acoustic != null || (bundle.textInput().isPresent() && source == TextSource.ASR);
        Map<Integer, String> failed = new TreeMap<>(); // manifest index -> error
        for (int i = 0; i < all.size(); i++) {
            String problem = precheck(all.get(i), acoustic != null && !optional, needsAudio);
            if (problem != null) {
                failed.put(i, problem);
            }
        }
        FeaturePipeline pipeline = new FeaturePipeline(new FeatureCache(cacheDir), store, threads, progress);
        List<Integer> kept;
        FeatureTable f = null;
        // The pipeline stops at the first row it cannot use and names its line: that row gets the
        // error and the rest run again (features already computed come from the cache).
        while (true) {
            kept = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if (!failed.containsKey(i)) {
                    kept.add(i);
                }
            }
            if (kept.isEmpty()) {
                break;
            }
            try {
                f = pipeline.build(kept.stream().map(all::get).toList(), acoustic, bundle.textInput().orElse(null), source,
                        optional);
                break;
            } catch (IOException | IllegalArgumentException e) {
                int row = rowOf(e, all, kept);
                if (row < 0) {
                    throw e;
                }
                failed.put(row, rowMessage(all.get(row), e));
            }
        }
        List<Map<String, Object>> predicted = f == null ? List.of() : predictions(bundle, f, kept, all, optional);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0, k = 0; i < all.size(); i++) {
            if (failed.containsKey(i)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("utt_id", all.get(i).uttId());
                m.put("error", failed.get(i));
                rows.add(m);
            } else {
                rows.add(predicted.get(k++));
            }
        }
        write(outCsv, bundle, f, rows, optional, !failed.isEmpty());
        return new Result(predicted.size(), new ArrayList<>(failed.values()));
    }

    /**
     * Why a row cannot be predicted, found without extracting anything; null when it can be tried.
     *
     * @param audioRequired the model takes audio and cannot score the words alone
     * @param needsAudio    the model takes audio, or transcribes it (text from ASR)
     */
    private static String precheck(ManifestRow r, boolean audioRequired, boolean needsAudio) {
        String where = "line " + r.line() + " (" + r.uttId() + "): ";
        boolean hasText = r.text() != null && !r.text().isBlank();
        if (r.wav() == null) {
            if (!hasText) {
                return where + "no text and no wav";
            }
            return audioRequired ? where + "no wav; this model needs audio" : null;
        }
        if (!needsAudio && r.text() != null && !r.text().isBlank()) {
            return null;
        }
        if (Files.isDirectory(r.wav())) {
            return where + r.wav() + " is a folder; a row names one WAV file";
        }
        if (!Files.isRegularFile(r.wav())) {
            return where + "audio not found: " + r.wav();
        }
        try (WavStream s = AudioFiles.fromEnvironment().open(r.wav())) {
            return null;
        } catch (IOException e) {
            return where + e.getMessage();
        }
    }

    private static final Pattern LINE = Pattern.compile("\\bline (\\d+)\\b");

    /**
     * The manifest index among {@code kept} of the row an exception names: by "line N", else by
     * the row's audio path (the audio reader and extractors name the file, not the row); else -1.
     */
    private static int rowOf(Exception e, List<ManifestRow> all, List<Integer> kept) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String msg = String.valueOf(t.getMessage());
            Matcher m = LINE.matcher(msg);
            if (m.find()) {
                int line = Integer.parseInt(m.group(1));
                for (int i : kept) {
                    if (all.get(i).line() == line) {
                        return i;
                    }
                }
            }
            for (int i : kept) {
                Path wav = all.get(i).wav();
                if (wav != null && (msg.contains(wav.toString()) || msg.contains(wav.toAbsolutePath().normalize().toString()))) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static String rowMessage(ManifestRow r, Exception e) {
        String msg = e instanceof java.nio.file.NoSuchFileException n && n.getReason() != null
                ? n.getReason() + ": " + n.getFile() : String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        return msg.contains("line " + r.line()) ? msg : "line " + r.line() + " (" + r.uttId() + "): " + msg;
    }

    private List<Map<String, Object>> predictions(LoadedModel bundle, FeatureTable f, List<Integer> kept, List<ManifestRow> all,
                                                  boolean optional) {
        float[][] text = f.text();
        if (optional && text != null) {
            // A model that scores one modality alone gets no text row for empty words (silence through ASR).
            for (int i = 0; i < text.length; i++) {
                if (!Modalities.hasWords(f.texts().get(i))) {
                    text[i] = null;
                }
            }
        }
        List<Emotion> pred = bundle.model().predictAll(f.acoustic(), text);
        List<String> classes = bundle.categories();
        boolean transcripts = transcripts(f);
        boolean binary = pred.stream().anyMatch(e -> !e.binary().isEmpty());
        List<Map<String, Object>> rows = new ArrayList<>();
        double uncertainBelow = bundle.uncertainBelow();
        for (int i = 0; i < pred.size(); i++) {
            Emotion e = pred.get(i).markedAgainst(uncertainBelow);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("utt_id", all.get(kept.get(i)).uttId());
            m.put("V", round(e.valence()));
            m.put("A", round(e.arousal()));
            m.put("D", round(e.dominance()));
            if (!classes.isEmpty()) {
                m.put("category", e.category());
                for (String c : classes) {
                    // empty, not 0.0, where the row got no category (text only): 0 would be a claim
                    m.put("p_" + c, round(e.probabilities().getOrDefault(c, Double.NaN)));
                }
                if (!Double.isNaN(uncertainBelow)) {
                    m.put("uncertain", e.uncertain()); // empty where the row got no category
                }
            }
            if (binary) {
                m.put("p_" + Emotion.VALENCE_POSITIVE, round(e.binary().getOrDefault(Emotion.VALENCE_POSITIVE, Double.NaN)));
                m.put("p_" + Emotion.ACTIVATION_HIGH, round(e.binary().getOrDefault(Emotion.ACTIVATION_HIGH, Double.NaN)));
            }
            if (transcripts) {
                m.put("transcript", f.asr()[i] ? f.texts().get(i) : "");
            }
            if (optional) {
                m.put("modalities", modalities(f, text, i));
            }
            rows.add(m);
        }
        return rows;
    }

    private static boolean transcripts(FeatureTable f) {
        boolean any = false;
        for (boolean b : f.asr()) {
            any |= b;
        }
        return any;
    }

    private static void write(Path outCsv, LoadedModel bundle, FeatureTable f, List<Map<String, Object>> rows,
                              boolean optional, boolean errors) throws IOException {
        List<String> classes = bundle.categories();
        boolean transcripts = f != null && transcripts(f);
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).addColumn("utt_id").addColumn("V").addColumn("A")
                .addColumn("D");
        if (!classes.isEmpty()) {
            schema.addColumn("category");
            classes.forEach(c -> schema.addColumn("p_" + c));
            if (!Double.isNaN(bundle.uncertainBelow())) {
                schema.addColumn("uncertain");
            }
        }
        boolean binary = rows.stream().anyMatch(r -> r.containsKey("p_" + Emotion.VALENCE_POSITIVE));
        if (binary) {
            schema.addColumn("p_" + Emotion.VALENCE_POSITIVE).addColumn("p_" + Emotion.ACTIVATION_HIGH);
        }
        if (transcripts) {
            schema.addColumn("transcript");
        }
        if (optional) {
            schema.addColumn("modalities");
        }
        if (errors) {
            schema.addColumn("error");
        }
        Path parent = outCsv.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // Quotes only where CSV needs them (by default Jackson also quotes values holding '+' or an apostrophe).
        new CsvMapper().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).writer(schema.build())
                .writeValue(outCsv.toFile(), rows);
    }

    /** What row i's emotion came from, as the server says it: audio, text, text(asr), joined by '+'. */
    private static String modalities(FeatureTable f, float[][] text, int i) {
        List<String> used = new ArrayList<>(2);
        if (f.acoustic() != null && f.acoustic()[i] != null) {
            used.add(Modalities.AUDIO);
        }
        if (text != null && text[i] != null) {
            used.add(f.asr()[i] ? Modalities.TEXT_FROM_ASR : Modalities.TEXT);
        }
        return String.join("+", used);
    }

    private static Object round(double v) {
        return Double.isNaN(v) ? "" : Math.round(v * 1e5) / 1e5;
    }
}
