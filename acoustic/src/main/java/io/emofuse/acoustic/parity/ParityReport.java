package io.emofuse.acoustic.parity;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Renders {@link ParityCheck} results as the Markdown of docs/acoustic-parity.md. */
public final class ParityReport {
    private ParityReport() {
    }

    /** {@code command}: the command line that made the report, for its "Generated" line. */
    public static String markdown(List<ParityCheck.Result> results, String command) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Acoustic parity with openSMILE 3.0.2\n\n");
        sb.append("Generated ").append(LocalDate.now()).append(" by `").append(command).append("`.\n\n");
        sb.append("Target (issue 3): per functional, median relative error ≤ 1 % and Pearson r ≥ 0.999 across the ")
                .append("reference files. Relative error = |ours − ref| / |ref| (0 when both are 0; min(1, |ours|) ")
                .append("when only the reference is 0). LLDs are compared frame by frame over all frames of all files.\n\n");
        for (ParityCheck.Result r : results) {
            List<FeatureAgreement> miss = r.functionalMisses();
            sb.append("## ").append(r.set()).append("\n\n");
            sb.append(String.format(Locale.ROOT, "%d files; %d of %d functionals meet the target; LLD files whose row count differs: %d.%n%n",
                    r.files(), r.functionals().size() - miss.size(), r.functionals().size(), r.lldRowMismatches()));
            if (!miss.isEmpty()) {
                sb.append("Misses: ");
                for (int i = 0; i < miss.size(); i++) {
                    sb.append(i > 0 ? ", " : "").append('`').append(miss.get(i).feature()).append('`');
                }
                sb.append(".\n\n");
            }
            table(sb, "Functionals (one value per file)", r.functionals());
            if (r.lld().stream().anyMatch(f -> f.count() > 0)) {
                table(sb, "LLDs (frame by frame)", r.lld());
            } else {
                sb.append("No LLD reference files for this set.\n\n");
            }
        }
        return sb.toString();
    }

    private static void table(StringBuilder sb, String title, List<FeatureAgreement> rows) {
        sb.append("### ").append(title).append("\n\n");
        sb.append("| feature | n | median rel. error | Pearson r | max abs. error | target |\n|---|---|---|---|---|---|\n");
        for (FeatureAgreement f : rows) {
            sb.append(String.format(Locale.ROOT, "| `%s` | %d | %.2e | %.6f | %.3e | %s |%n", f.feature(), f.count(),
                    f.medianRelError(), f.pearson(), f.maxAbsError(), f.meetsTarget() ? "ok" : "**miss**"));
        }
        sb.append('\n');
    }
}
