package io.emofuse.training.experiment;

import io.emofuse.training.eval.ClassificationMetrics;
import io.emofuse.training.eval.FoldResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/** PNG plots of an experiment: per-dimension CCC bars, learning curves, confusion matrices. */
public final class Plots {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Plots() {
    }

    /** Writes every plot into {@code out}; returns the files written. */
    public static List<Path> write(Path out, List<ModelRun> runs) throws IOException {
        List<Path> files = new ArrayList<>();
        if (runs.get(0).folds().get(0).dimensions() != null) {
            files.add(cccBars(out, runs));
        }
        for (ModelRun r : runs) {
            if (!r.curves().isEmpty()) {
                files.add(curves(out, r));
            }
            ClassificationMetrics sum = summedConfusion(r);
            if (sum != null) {
                files.add(confusion(out, r.model(), sum));
            }
        }
        return files;
    }

    private static Path cccBars(Path out, List<ModelRun> runs) throws IOException {
        CategoryChart c = new CategoryChartBuilder().width(900).height(500).title("CCC per dimension (mean over folds)")
                .xAxisTitle("model").yAxisTitle("CCC").build();
        String[] dims = {"V", "A", "D"};
        List<String> models = runs.stream().map(ModelRun::model).toList();
        for (int j = 0; j < 3; j++) {
            int jj = j;
            List<Double> y = runs.stream().map(r -> r.folds().stream()
                    .mapToDouble(f -> f.dimensions().get(jj).ccc()).average().orElse(0)).toList();
            c.addSeries(dims[j], models, y);
        }
        c.addSeries("mean", models, runs.stream().map(r -> r.folds().stream().mapToDouble(FoldResult::meanCcc).average()
                .orElse(0)).toList());
        Path f = out.resolve("ccc-bars.png");
        BitmapEncoder.saveBitmap(c, f.toString(), BitmapEncoder.BitmapFormat.PNG);
        return f;
    }

    private static Path curves(Path out, ModelRun r) throws IOException {
        XYChart c = new XYChartBuilder().width(900).height(500)
                .title("Learning curves, " + r.model() + " (fold 1)").xAxisTitle("epoch").yAxisTitle("value").build();
        for (ModelRun.Curve curve : r.curves()) {
            List<Integer> x = IntStream.rangeClosed(1, curve.trainLoss().size()).boxed().toList();
            c.addSeries(curve.network() + " train loss", x, curve.trainLoss());
            List<Double> dev = curve.devScore().stream().map(d -> d.isNaN() ? 0.0 : d).toList();
            c.addSeries(curve.network() + " dev score", x, dev);
        }
        Path f = out.resolve("curves-" + safe(r.model()) + ".png");
        BitmapEncoder.saveBitmap(c, f.toString(), BitmapEncoder.BitmapFormat.PNG);
        return f;
    }

    private static ClassificationMetrics summedConfusion(ModelRun r) {
        if (r.folds().get(0).classification() == null) {
            return null;
        }
        List<String> classes = r.folds().get(0).classification().classes();
        int[][] cm = new int[classes.size()][classes.size()];
        for (FoldResult f : r.folds()) {
            int[][] m = f.classification().confusion();
            for (int a = 0; a < cm.length; a++) {
                for (int b = 0; b < cm.length; b++) {
                    cm[a][b] += m[a][b];
                }
            }
        }
        return new ClassificationMetrics(classes, Double.NaN, Double.NaN, cm);
    }

    private static Path confusion(Path out, String model, ClassificationMetrics m) throws IOException {
        HeatMapChart c = new HeatMapChartBuilder().width(700).height(600).title("Confusion (all folds), " + model)
                .xAxisTitle("predicted").yAxisTitle("true").build();
        List<Number[]> heat = new ArrayList<>();
        for (int t = 0; t < m.classes().size(); t++) {
            for (int p = 0; p < m.classes().size(); p++) {
                heat.add(new Number[] {p, t, m.confusion()[t][p]});
            }
        }
        c.addSeries("count", m.classes(), m.classes(), heat);
        Path f = out.resolve("confusion-" + safe(model) + ".png");
        BitmapEncoder.saveBitmap(c, f.toString(), BitmapEncoder.BitmapFormat.PNG);
        return f;
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
