package io.emofuse.training.train;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code predict} command's work: a bundle and a manifest in, a CSV out with
 * {@code utt_id,V,A,D}, then {@code category} and {@code p_CLASS} columns when the model has a
 * categorical head, then {@code transcript} when any row's text came from ASR.
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

    /** Returns the number of rows written. */
    public int predict(LoadedModel bundle, Path manifestFile, Path outCsv, TextSource source, Path cacheDir) throws IOException {
        return predict(bundle, manifestFile, outCsv, source, cacheDir, null);
    }

    /**
     * As above; {@code maxSeconds} (null = as the model was trained) evaluates on the first that many
     * seconds of each utterance (0 = the whole utterance).
     */
    public int predict(LoadedModel bundle, Path manifestFile, Path outCsv, TextSource source, Path cacheDir, Double maxSeconds)
            throws IOException {
        Manifest manifest = ManifestReader.read(manifestFile);
        AcousticInput acoustic = bundle.acousticInput().map(a -> maxSeconds == null ? a : a.withMaxSeconds(maxSeconds)).orElse(null);
        boolean optional = bundle.modalitiesOptional();
        FeatureTable f = new FeaturePipeline(new FeatureCache(cacheDir), store, threads, progress)
                .build(manifest.rows(), acoustic, bundle.textInput().orElse(null), source, optional);
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
        boolean transcripts = false;
        for (boolean b : f.asr()) {
            transcripts |= b;
        }
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).addColumn("utt_id").addColumn("V").addColumn("A")
                .addColumn("D");
        if (!classes.isEmpty()) {
            schema.addColumn("category");
            classes.forEach(c -> schema.addColumn("p_" + c));
        }
        boolean binary = pred.stream().anyMatch(e -> !e.binary().isEmpty());
        if (binary) {
            schema.addColumn("p_" + Emotion.VALENCE_POSITIVE).addColumn("p_" + Emotion.ACTIVATION_HIGH);
        }
        if (transcripts) {
            schema.addColumn("transcript");
        }
        if (optional) {
            schema.addColumn("modalities");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < pred.size(); i++) {
            Emotion e = pred.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("utt_id", manifest.rows().get(i).uttId());
            m.put("V", round(e.valence()));
            m.put("A", round(e.arousal()));
            m.put("D", round(e.dominance()));
            if (!classes.isEmpty()) {
                m.put("category", e.category());
                for (String c : classes) {
                    m.put("p_" + c, round(e.probabilities().getOrDefault(c, 0.0)));
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
        Path parent = outCsv.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // Quotes only where CSV needs them (by default Jackson also quotes values holding '+' or an apostrophe).
        new CsvMapper().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).writer(schema.build())
                .writeValue(outCsv.toFile(), rows);
        return rows.size();
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
