package io.emofuse.acoustic.parity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An openSMILE CSV ({@code name;frameTime;features...}): header names and rows keyed by instance. */
public record ReferenceCsv(List<String> features, Map<String, List<double[]>> rows) {

    public static ReferenceCsv read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IOException(file + ": empty CSV");
        }
        String[] header = lines.get(0).split(";", -1);
        List<String> names = List.copyOf(Arrays.asList(header).subList(2, header.length));
        Map<String, List<double[]>> rows = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(";", -1);
            if (f.length != header.length) {
                throw new IOException(file + ": line " + (i + 1) + " has " + f.length + " fields, header " + header.length);
            }
            String name = f[0].replace("'", "");
            double[] v = new double[names.size()];
            for (int c = 0; c < v.length; c++) {
                v[c] = Double.parseDouble(f[c + 2]);
            }
            rows.computeIfAbsent(name, k -> new ArrayList<>()).add(v);
        }
        return new ReferenceCsv(names, rows);
    }
}
