package io.emofuse.training.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A reliability diagram as a PNG: per confidence bin, the accuracy of the top class against its mean
 * probability, one line per series (e.g. before and after temperature scaling), with the diagonal of
 * perfect calibration. Bins come from a CSV with the header
 * {@code series,bin_low,bin_high,count,confidence,accuracy} ({@code scripts/ravdess-cv.py score --bins});
 * empty bins are left out.
 * <pre>java -cp 'app/target/dist/lib/*' io.emofuse.training.experiment.ReliabilityPlot BINS.csv OUT.png [TITLE]</pre>
 */
public final class ReliabilityPlot {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private ReliabilityPlot() {
    }

    /** One bin of a series. */
    public record Bin(double confidence, double accuracy, int count) {
    }

    /** Reads the bins CSV, series in the order they first appear. */
    public static Map<String, List<Bin>> read(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        if (lines.isEmpty() || !lines.get(0).strip().equals("series,bin_low,bin_high,count,confidence,accuracy")) {
            throw new IllegalArgumentException(csv + ": expected the header series,bin_low,bin_high,count,confidence,accuracy");
        }
        Map<String, List<Bin>> series = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            int cut = line.startsWith("\"") ? line.indexOf('"', 1) + 1 : line.indexOf(',');
            String name = line.substring(0, cut).replace("\"", "");
            String[] f = line.substring(cut + 1).split(",");
            if (f.length != 5) {
                throw new IllegalArgumentException(csv + " line " + (i + 1) + ": expected 6 columns");
            }
            int count = Integer.parseInt(f[2].strip());
            List<Bin> bins = series.computeIfAbsent(name, k -> new ArrayList<>());
            if (count > 0) {
                bins.add(new Bin(Double.parseDouble(f[3]), Double.parseDouble(f[4]), count));
            }
        }
        return series;
    }

    /** Writes the diagram; each series' legend names its files per bin as a total. */
    public static void write(Path png, String title, Map<String, List<Bin>> series) throws IOException {
        XYChart c = new XYChartBuilder().width(700).height(620).title(title)
                .xAxisTitle("top-class probability (mean in bin)").yAxisTitle("share right in bin").build();
        c.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        XYSeries diag = c.addSeries("perfect calibration", new double[] {0, 1}, new double[] {0, 1});
        diag.setMarker(SeriesMarkers.NONE);
        for (Map.Entry<String, List<Bin>> s : series.entrySet()) {
            List<Bin> bins = s.getValue();
            if (bins.isEmpty()) {
                continue;
            }
            int n = bins.stream().mapToInt(Bin::count).sum();
            c.addSeries(s.getKey() + " (" + n + " files)", bins.stream().mapToDouble(Bin::confidence).toArray(),
                    bins.stream().mapToDouble(Bin::accuracy).toArray());
        }
        String name = png.getFileName().toString();
        Path parent = png.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // BitmapEncoder appends the extension itself when it is missing
        BitmapEncoder.saveBitmap(c, parent.resolve(name.replaceFirst("\\.png$", "")).toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: ReliabilityPlot BINS.csv OUT.png [TITLE]");
            System.exit(2);
        }
        write(Path.of(args[1]), args.length == 3 ? args[2] : "Reliability diagram", read(Path.of(args[0])));
    }
}
