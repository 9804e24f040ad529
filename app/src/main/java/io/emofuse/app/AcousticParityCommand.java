package io.emofuse.app;

import io.emofuse.acoustic.parity.ParityCheck;
import io.emofuse.acoustic.parity.ParityReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code emofuse acoustic-parity}: regenerates docs/acoustic-parity.md against the openSMILE references. */
@Command(name = "acoustic-parity", mixinStandardHelpOptions = true,
        description = "Compare our eGeMAPSv02 / GeMAPSv01b with openSMILE's reference outputs and write a Markdown report.",
        footer = {"", "Example:",
            "  emofuse acoustic-parity --ref ../shared/data/opensmile-ref --out docs/acoustic-parity.md",
            "",
            "The inputs listed in REF/inputs.txt are read relative to REF/.. (the shared data folder)."})
public final class AcousticParityCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--ref", required = true, paramLabel = "DIR", description = "The opensmile-ref folder.")
    Path ref;

    @Option(names = "--out", defaultValue = "docs/acoustic-parity.md", paramLabel = "FILE",
            description = "Markdown report to write (default docs/acoustic-parity.md).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(ref.resolve("inputs.txt"))) {
            throw new UserError(ref + ": not an opensmile-ref folder (no inputs.txt)");
        }
        Path data = ref.toAbsolutePath().getParent();
        List<ParityCheck.Result> results = List.of(ParityCheck.run(ref, data, "egemaps"), ParityCheck.run(ref, data, "gemaps"));
        String md = ParityReport.markdown(results, ref.toString());
        Files.writeString(out, md);
        for (ParityCheck.Result r : results) {
            spec.commandLine().getOut().printf("%s: %d files, %d of %d functionals meet the target -> %s%n", r.set(),
                    r.files(), r.functionals().size() - r.functionalMisses().size(), r.functionals().size(), out);
        }
        return 0;
    }
}
