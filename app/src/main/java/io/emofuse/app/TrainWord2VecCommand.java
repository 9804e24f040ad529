package io.emofuse.app;

import io.emofuse.linguistic.embed.Word2VecTrainer;
import io.emofuse.linguistic.embed.WordVectorFormats;
import io.emofuse.linguistic.embed.WordVectorTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code emofuse embed train-word2vec}: word2vec on the user's corpus with Deeplearning4j. */
@Command(name = "train-word2vec", mixinStandardHelpOptions = true,
        description = "Train word2vec vectors (Deeplearning4j, skip-gram) on a text corpus, one sentence per line.",
        footer = {"", "Examples:",
            "  100-d vectors in Google's binary format:",
            "    emofuse embed train-word2vec --corpus corpus.txt --out vectors.bin",
            "  50-d, words seen at least twice, 10 passes, Google text format:",
            "    emofuse embed train-word2vec --corpus corpus.txt --dim 50 --min-count 2 --epochs 10 --out vectors.txt",
            "  then: emofuse embed --model word2vec:vectors.bin --in sentences.txt --out v.csv",
            "",
            "The corpus is split into words as 'embed' does (punctuation dropped) and lower-cased.",
            "Output format: Google binary for a .bin name, Google text otherwise (or --format)."})
public final class TrainWord2VecCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--corpus", required = true, paramLabel = "FILE", description = "UTF-8 text, one sentence per line.")
    Path corpus;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Where to write the vectors.")
    Path out;

    @Option(names = "--format", paramLabel = "binary|text", description = "Output format (default: by the file name).")
    String format;

    @Option(names = "--dim", defaultValue = "100", converter = Numbers.AtLeastOne.class, paramLabel = "D", description = "Vector length (default 100).")
    int dim;

    @Option(names = "--window", defaultValue = "5", converter = Numbers.AtLeastOne.class, paramLabel = "W", description = "Context words each side (default 5).")
    int window;

    @Option(names = "--min-count", defaultValue = "5", paramLabel = "N", description = "Drop rarer words (default 5).")
    int minCount;

    @Option(names = "--epochs", defaultValue = "5", converter = Numbers.AtLeastOne.class, paramLabel = "N", description = "Passes over the corpus (default 5).")
    int epochs;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Random seed (default 42).")
    long seed;

    @Option(names = "--threads", paramLabel = "N", converter = Numbers.AtLeastOne.class, description = "Training threads (default: all cores).")
    Integer threads;

    @Override
    public Integer call() throws IOException {
        OutputFiles.checkReadable(corpus, "--corpus", "training text, one sentence per line");
        OutputFiles.checkWritable(out, "--out");
        boolean binary;
        if (format == null) {
            binary = !out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt");
        } else if (format.equals("binary") || format.equals("text")) {
            binary = format.equals("binary");
        } else {
            throw new UserError("--format must be binary or text, got '" + format + "'");
        }
        WordVectorTable table;
        long t0 = System.nanoTime();
        try {
            var s = new Word2VecTrainer.Settings(dim, window, minCount, epochs, seed,
                    threads == null ? Word2VecTrainer.Settings.defaults().workers() : threads);
            table = Word2VecTrainer.train(corpus, s);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
        if (binary) {
            WordVectorFormats.writeGoogleBinary(table, out);
        } else {
            WordVectorFormats.writeText(table, out);
        }
        spec.commandLine().getErr().printf("emofuse: %d words x %d in %.1f s -> %s (%s)%n", table.size(), table.dimension(),
                (System.nanoTime() - t0) / 1e9, out, binary ? "Google binary" : "Google text");
        return 0;
    }
}
