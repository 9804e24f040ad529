package io.emofuse.training.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.emofuse.training.eval.Evaluator;
import io.emofuse.training.eval.FoldResult;
import io.emofuse.training.eval.RegressionMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Writes an experiment's results: {@code results.csv} (one row per model and fold),
 * {@code results.json} (folds, learning curves and the mean ± sd summary) and {@code results.md}
 * (the summary tables).
 */
public final class ReportWriter {

    private static final String[] DIMS = {"V", "A", "D"};

    private ReportWriter() {
    }

    public static void write(Path out, String title, String command, List<ModelRun> runs) throws IOException {
        Files.createDirectories(out);
        writeCsv(out.resolve("results.csv"), runs);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("title", title);
        json.put("command", command);
        json.put("summary", summary(runs));
        json.put("runs", runs);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("results.json").toFile(), json);
        Files.writeString(out.resolve("results.md"), markdown(title, command, runs));
    }

    private static void writeCsv(Path file, List<ModelRun> runs) throws IOException {
        List<String> cols = new ArrayList<>(List.of("model", "strategy", "fold", "test_rows"));
        for (String m : List.of("ccc", "pearson", "mse", "mae", "mape")) {
            for (String d : DIMS) {
                cols.add(d + "_" + m);
            }
        }
        cols.addAll(List.of("mean_ccc", "accuracy", "uar"));
        CsvSchema.Builder b = CsvSchema.builder().setUseHeader(true);
        cols.forEach(b::addColumn);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ModelRun r : runs) {
            for (FoldResult f : r.folds()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("model", r.model());
                m.put("strategy", r.strategy());
                m.put("fold", f.fold());
                m.put("test_rows", f.testRows());
                for (String metric : List.of("ccc", "pearson", "mse", "mae", "mape")) {
                    for (int j = 0; j < 3; j++) {
                        m.put(DIMS[j] + "_" + metric, f.dimensions() == null ? null : round(metric(metric).applyAsDouble(f.dimensions().get(j))));
                    }
                }
                m.put("mean_ccc", f.dimensions() == null ? null : round(f.meanCcc()));
                m.put("accuracy", f.classification() == null ? null : round(f.classification().accuracy()));
                m.put("uar", f.classification() == null ? null : round(f.classification().uar()));
                rows.add(m);
            }
        }
        new CsvMapper().writer(b.build()).writeValue(file.toFile(), rows);
    }

    private static ToDoubleFunction<RegressionMetrics> metric(String name) {
        return switch (name) {
            case "ccc" -> RegressionMetrics::ccc;
            case "pearson" -> RegressionMetrics::pearson;
            case "mse" -> RegressionMetrics::mse;
            case "mae" -> RegressionMetrics::mae;
            default -> RegressionMetrics::mape;
        };
    }

    private static Double round(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 1e4) / 1e4;
    }

    /** model → metric → [mean, sd] over folds. */
    public static Map<String, Map<String, double[]>> summary(List<ModelRun> runs) {
        Map<String, Map<String, double[]>> out = new LinkedHashMap<>();
        for (ModelRun r : runs) {
            Map<String, double[]> m = new LinkedHashMap<>();
            if (r.folds().get(0).dimensions() != null) {
                for (String metric : List.of("ccc", "pearson", "mse", "mae", "mape")) {
                    for (int j = 0; j < 3; j++) {
                        int jj = j;
                        m.put(DIMS[j] + "_" + metric, Evaluator.meanSd(r.folds().stream()
                                .mapToDouble(f -> metric(metric).applyAsDouble(f.dimensions().get(jj))).toArray()));
                    }
                }
                m.put("mean_ccc", Evaluator.meanSd(r.folds().stream().mapToDouble(FoldResult::meanCcc).toArray()));
            }
            if (r.folds().get(0).classification() != null) {
                m.put("accuracy", Evaluator.meanSd(r.folds().stream().mapToDouble(f -> f.classification().accuracy()).toArray()));
                m.put("uar", Evaluator.meanSd(r.folds().stream().mapToDouble(f -> f.classification().uar()).toArray()));
            }
            out.put(r.model(), m);
        }
        return out;
    }

    static String markdown(String title, String command, List<ModelRun> runs) {
        Map<String, Map<String, double[]>> s = summary(runs);
        StringBuilder md = new StringBuilder("# " + title + "\n\n");
        md.append("Made with `").append(command).append("`. Mean ± sd over ").append(runs.get(0).folds().size())
                .append(" folds (").append(String.join(", ", runs.get(0).folds().stream().map(FoldResult::fold).toList()))
                .append(").\n\n");
        boolean reg = runs.get(0).folds().get(0).dimensions() != null;
        if (reg) {
            md.append("## CCC\n\n| model | strategy | V | A | D | mean |\n|---|---|---|---|---|---|\n");
            for (ModelRun r : runs) {
                Map<String, double[]> m = s.get(r.model());
                md.append("| ").append(r.model()).append(" | ").append(r.strategy());
                for (String k : List.of("V_ccc", "A_ccc", "D_ccc", "mean_ccc")) {
                    md.append(" | ").append(pm(m.get(k)));
                }
                md.append(" |\n");
            }
            md.append("\n## Other figures (mean over folds)\n\n| model | metric | V | A | D |\n|---|---|---|---|---|\n");
            for (ModelRun r : runs) {
                Map<String, double[]> m = s.get(r.model());
                for (String metric : List.of("pearson", "mse", "mae", "mape")) {
                    md.append("| ").append(r.model()).append(" | ").append(metric.equals("mape") ? "MAPE %" : metric.toUpperCase(Locale.ROOT)
                            .replace("PEARSON", "Pearson r"));
                    for (String d : DIMS) {
                        md.append(" | ").append(String.format(Locale.ROOT, "%.3f", m.get(d + "_" + metric)[0]));
                    }
                    md.append(" |\n");
                }
            }
        }
        if (runs.stream().anyMatch(r -> r.folds().get(0).classification() != null)) {
            md.append("\n## Categories\n\n| model | accuracy | UAR |\n|---|---|---|\n");
            for (ModelRun r : runs) {
                Map<String, double[]> m = s.get(r.model());
                if (m.containsKey("uar")) {
                    md.append("| ").append(r.model()).append(" | ").append(pm(m.get("accuracy"))).append(" | ")
                            .append(pm(m.get("uar"))).append(" |\n");
                }
            }
        }
        md.append("\nPer-fold figures: results.csv; everything: results.json; plots: *.png.\n");
        return md.toString();
    }

    private static String pm(double[] v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.3f ± %.3f", v[0], v[1]);
    }
}
