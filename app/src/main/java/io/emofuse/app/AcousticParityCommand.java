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
            "  emofuse acoustic-parity --ref acoustic/src/test/resources/parity-extra \\",
            "      --data ../shared/data --data target --out docs/acoustic-parity-extra.md",
            "",
            "The inputs listed in REF/inputs.txt are read relative to the first --data folder that has them",
            "(default REF/.., the shared data folder)."})
public final class AcousticParityCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--ref", required = true, paramLabel = "DIR", description = "The opensmile-ref folder.")
    Path ref;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder the inputs are relative to; repeat it to look in several (default REF/..).")
    List<Path> data;

    @Option(names = "--out", defaultValue = "docs/acoustic-parity.md", paramLabel = "FILE",
            description = "Markdown report to write (default docs/acoustic-parity.md).")
    Path out;

    @Override
    public Integer call() throws Exception {
        OutputFiles.checkWritable(out, "--out");
        if (!Files.isRegularFile(ref.resolve("inputs.txt"))) {
            throw new UserError(ref + ": not an opensmile-ref folder (no inputs.txt)");
        }
        List<Path> dataDirs = data == null || data.isEmpty() ? List.of(ref.toAbsolutePath().getParent()) : data;
        List<ParityCheck.Result> results = List.of(ParityCheck.run(ref, dataDirs, "egemaps"),
                ParityCheck.run(ref, dataDirs, "gemaps"));
        StringBuilder command = new StringBuilder("./emofuse acoustic-parity --ref ").append(ref);
        if (data != null) {
            data.forEach(d -> command.append(" --data ").append(d));
        }
        String md = ParityReport.markdown(results, command.append(" --out ").append(out).toString());
        Files.writeString(out, md);
        for (ParityCheck.Result r : results) {
            spec.commandLine().getOut().printf("%s: %d files, %d of %d functionals meet the target -> %s%n", r.set(),
                    r.files(), r.functionals().size() - r.functionalMisses().size(), r.functionals().size(), out);
        }
        return 0;
    }
}
