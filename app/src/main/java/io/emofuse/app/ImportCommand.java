package io.emofuse.app;

import io.emofuse.training.importers.CategoryVad;
import io.emofuse.training.importers.EmoBankImporter;
import io.emofuse.training.importers.IemocapImporter;
import io.emofuse.training.importers.Importer;
import io.emofuse.training.importers.KaldiImporter;
import io.emofuse.training.importers.RavdessImporter;
import io.emofuse.training.importers.TessImporter;
import io.emofuse.training.manifest.ManifestRow;
import io.emofuse.training.manifest.ManifestWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code emofuse import}: a corpus in its own layout to an emofuse manifest. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Write a manifest (CSV) from a RAVDESS or TESS folder, the EmoBank CSV, an IEMOCAP release or a Kaldi data dir.",
        footer = {"", "Examples:",
            "  emofuse import ravdess ../shared/data/ravdess/wav --out data/ravdess.csv",
            "  emofuse import ravdess ../shared/data/ravdess/wav ../shared/data/ravdess-rep2/wav --out data/ravdess-both.csv",
            "      (several SOURCEs of one format: their rows in the order given; an utt_id twice is an error)",
            "  emofuse import tess /corpora/TESS --out data/tess.csv   (OAF_back_angry.wav: speaker, word, emotion)",
            "  emofuse import emobank ../shared/data/emobank/emobank.csv --out data/emobank.csv",
            "  emofuse import iemocap /corpora/IEMOCAP_full_release --four-class --out data/iemocap.csv",
            "  emofuse import kaldi data/train --out data/train-manifest.csv   (segments are cut into OUT's folder/wav/)",
            "",
            "Manifest columns: utt_id,wav,text,speaker,session,V,A,D,category,split (wav relative to the manifest)."})
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FORMAT", description = "ravdess, tess, emobank, iemocap or kaldi.")
    String format;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "SOURCE",
            description = "The corpus folder (or the EmoBank CSV); several of one format are imported into one manifest.")
    List<Path> sources;

    @Option(names = "--out", required = true, paramLabel = "MANIFEST.csv", description = "Manifest to write.")
    Path out;

    @Option(names = "--four-class", description = "IEMOCAP: keep neu/hap/ang/sad, excitement merged into hap.")
    boolean fourClass;

    @Option(names = "--vad-from-category", description = "Add V/A/D (1-5) derived from the category with the "
            + "Russell & Mehrabian 1977 PAD ratings (for corpora without dimensional labels, e.g. RAVDESS).")
    boolean vadFromCategory;

    @Override
    public Integer call() throws IOException {
        Importer importer = switch (format.toLowerCase(Locale.ROOT)) {
            case "ravdess" -> new RavdessImporter();
            case "tess" -> new TessImporter();
            case "emobank" -> new EmoBankImporter();
            case "iemocap" -> new IemocapImporter(fourClass);
            case "kaldi" -> new KaldiImporter();
            default -> throw new UserError("unknown corpus format '" + format + "'; expected ravdess, tess, emobank, iemocap or kaldi");
        };
        for (Path source : sources) {
            if (!java.nio.file.Files.exists(source)) {
                throw new UserError(source + ": no such file or folder (the " + format + " corpus)");
            }
        }
        OutputFiles.checkWritable(out, "--out");
        List<ManifestRow> rows = new java.util.ArrayList<>();
        java.util.Map<String, Path> seen = new java.util.HashMap<>();
        for (Path source : sources) {
            List<ManifestRow> part;
            try {
                part = importer.rows(source, out.toAbsolutePath().getParent());
                if (vadFromCategory) {
                    part = part.stream().map(CategoryVad::label).toList();
                }
                if (part.isEmpty()) {
                    throw new UserError(source + ": no " + format + " utterances found; check the format name and the path");
                }
            } catch (IllegalArgumentException | java.io.UncheckedIOException | IllegalStateException e) {
                throw new UserError(source + " (" + format + "): " + UserErrors.forInput(e), e);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                // a CSV that is empty or not the corpus's layout (Jackson's CSV errors are of this type)
                throw new UserError(source + " is not " + format + " data: " + e.getOriginalMessage(), e);
            }
            for (ManifestRow r : part) {
                Path before = seen.putIfAbsent(r.uttId(), source);
                if (before != null) {
                    throw new UserError(source + ": utt_id " + r.uttId() + " is also in " + before
                            + "; each utterance once (give each folder once)");
                }
            }
            rows.addAll(part);
        }
        ManifestWriter.write(out, rows);
        spec.commandLine().getErr().println("emofuse: wrote " + rows.size() + " rows to " + out);
        spec.commandLine().getErr().flush();
        return 0;
    }
}
