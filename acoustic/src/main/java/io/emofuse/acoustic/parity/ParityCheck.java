package io.emofuse.acoustic.parity;

import io.emofuse.acoustic.FeatureExtractor;
import io.emofuse.acoustic.FeatureSets;
import io.emofuse.acoustic.audio.Audio;
import io.emofuse.acoustic.audio.WavReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares our eGeMAPS / GeMAPS extraction with openSMILE references ({@code shared/data/opensmile-ref},
 * or another folder of the same layout): functionals per file and LLDs frame by frame.
 */
public final class ParityCheck {

    /** Agreement of one feature set. */
    public record Result(String set, int files, List<FeatureAgreement> functionals, List<FeatureAgreement> lld,
                         int lldRowMismatches) {
        public List<FeatureAgreement> functionalMisses() {
            return functionals.stream().filter(f -> !f.meetsTarget()).toList();
        }
    }

    private ParityCheck() {
    }

    /** {@code refDir} is the opensmile-ref folder; {@code dataDir} the folder inputs.txt is relative to. */
    public static Result run(Path refDir, Path dataDir, String set) throws IOException {
        return run(refDir, List.of(dataDir), set);
    }

    /** As {@link #run(Path, Path, String)}, each input read from the first of {@code dataDirs} that has it. */
    public static Result run(Path refDir, List<Path> dataDirs, String set) throws IOException {
        FeatureExtractor ex = FeatureSets.create(set);
        ReferenceCsv func = ReferenceCsv.read(refDir.resolve(set).resolve("functionals.csv"));
        if (!func.features().equals(ex.functionalNames())) {
            throw new IOException("functional names differ from the reference header in " + set);
        }
        List<String> inputs = Files.readAllLines(refDir.resolve("inputs.txt"), StandardCharsets.UTF_8).stream()
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        int nf = ex.functionalNames().size();
        int nl = ex.lldNames().size();
        List<double[]> oursF = new ArrayList<>();
        List<double[]> refF = new ArrayList<>();
        List<double[]> oursL = new ArrayList<>();
        List<double[]> refL = new ArrayList<>();
        int rowMismatch = 0;
        for (String in : inputs) {
            Path wav = dataDirs.stream().map(d -> d.resolve(in)).filter(Files::isRegularFile).findFirst()
                    .orElseThrow(() -> new IOException(in + ": in none of " + dataDirs));
            String name = wav.getFileName().toString().replaceFirst("\\.wav$", "");
            Audio audio = WavReader.read16k(wav);
            double[] f = ex.functionals(audio);
            List<double[]> r = func.rows().get(name);
            if (r == null || f == null) {
                continue;
            }
            oursF.add(f);
            refF.add(r.get(0));
            Path lldFile = refDir.resolve(set).resolve("lld").resolve(name + ".csv");
            if (Files.exists(lldFile)) {
                List<double[]> refRows = ReferenceCsv.read(lldFile).rows().get(name);
                double[][] ours = ex.lld(audio);
                if (ours.length != refRows.size()) {
                    rowMismatch++;
                }
                for (int i = 0; i < Math.min(ours.length, refRows.size()); i++) {
                    oursL.add(ours[i]);
                    refL.add(refRows.get(i));
                }
            }
        }
        return new Result(set, oursF.size(), agreements(ex.functionalNames(), oursF, refF, nf),
                agreements(ex.lldNames(), oursL, refL, nl), rowMismatch);
    }

    private static List<FeatureAgreement> agreements(List<String> names, List<double[]> ours, List<double[]> ref, int n) {
        List<FeatureAgreement> out = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            double[] a = new double[ours.size()];
            double[] b = new double[ours.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = ours.get(i)[c];
                b[i] = ref.get(i)[c];
            }
            out.add(FeatureAgreement.of(names.get(c), a, b));
        }
        return out;
    }
}
