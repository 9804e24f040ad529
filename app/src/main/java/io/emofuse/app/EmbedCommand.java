package io.emofuse.app;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.emofuse.linguistic.TextEmbedder;
import io.emofuse.linguistic.TextEmbedders;
import io.emofuse.linguistic.embed.Pooling;
import io.emofuse.linguistic.models.ModelStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code emofuse embed}: one vector per line of text. */
@Command(name = "embed", mixinStandardHelpOptions = true,
        subcommands = {TrainWord2VecCommand.class},
        // --in and --out are required unless a subcommand runs (picocli would demand them there too)
        customSynopsis = {"emofuse embed --in TEXTS.txt --out FILE.csv [--model SPEC] [--pool mean|max|cls] [--batch N] [--threads N]",
            "emofuse embed train-word2vec --corpus CORPUS.txt --out VECTORS.bin [...]"},
        description = "Embed text, one line at a time, with a sentence encoder or word vectors.",
        footer = {"", "Examples:",
            "  MiniLM sentence vectors (384 values per line, unit length):",
            "    emofuse embed --in sentences.txt --out vectors.csv",
            "  bge-small, 64 sentences per inference call:",
            "    emofuse embed --model bge-small --batch 64 --in sentences.txt --out vectors.csv",
            "  GloVe averages, or element-wise maximum:",
            "    emofuse embed --model glove:glove.6B.100d.txt --in sentences.txt --out glove.csv",
            "    emofuse embed --model glove:glove.6B.100d.txt --pool max --in sentences.txt --out glove-max.csv",
            "  word2vec (Google binary or text format), e.g. one trained with train-word2vec:",
            "    emofuse embed train-word2vec --corpus corpus.txt --out my.bin",
            "    emofuse embed --model word2vec:my.bin --in sentences.txt --out w2v.csv",
            "  Your own BERT-style ONNX export (DIR holds one *.onnx and one *tokenizer.json):",
            "    emofuse embed --model onnx:./my-encoder --pool cls --in sentences.txt --out mine.csv",
            "",
            "Output: CSV without header, row i is the vector of input line i (blank lines too).",
            "Sentence encoders: truncated at 512 tokens, batched by length, L2-normalised.",
            "Word vectors: words are runs of letters/digits (inner ' and - kept), punctuation dropped,",
            "looked up as written then lower-cased; unknown words are skipped, a line with no known",
            "word gives zeros; the average is not normalised."})
public final class EmbedCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", defaultValue = TextEmbedders.DEFAULT, paramLabel = "SPEC",
            description = "minilm (default), bge-small, e5-small, onnx:DIR, word2vec:PATH or glove:PATH; "
                    + "@mean|@max|@cls picks a pooling; several joined by + are concatenated.")
    String model;

    @Option(names = "--pool", paramLabel = "mean|max|cls",
            description = "Pooling (default: mean for minilm, e5-small, onnx and word vectors; cls for bge-small).")
    String pool;

    @Option(names = "--batch", defaultValue = "32", paramLabel = "N", converter = Numbers.AtLeastOne.class, description = "Texts per inference call (default 32).")
    int batch;

    @Option(names = "--threads", paramLabel = "N", converter = Numbers.AtLeastOne.class, description = "ONNX Runtime threads (default: all cores).")
    Integer threads;

    @Option(names = "--in", paramLabel = "TEXTS.txt", description = "UTF-8 text, one input per line (required).")
    Path in;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Output CSV (required).")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (in == null || out == null) {
            throw new UserError("embed needs --in TEXTS.txt and --out FILE.csv (or a subcommand; see 'emofuse embed --help')");
        }
        OutputFiles.checkReadable(in, "--in", "text, one input per line");
        OutputFiles.checkWritable(out, "--out");
        TextEmbedders.Options opt = TextEmbedders.Options.defaults().withBatchSize(batch);
        if (threads != null) {
            opt = opt.withThreads(threads);
        }
        try {
            if (pool != null) {
                opt = opt.withPooling(Pooling.parse(pool));
            }
            List<String> lines = Files.readAllLines(in, StandardCharsets.UTF_8);
            long t0 = System.nanoTime();
            try (TextEmbedder embedder = TextEmbedders.create(model, ModelStore.fromEnvironment(), opt)) {
                List<float[]> vectors = embedder.embedAll(lines);
                CsvMapper csv = new CsvMapper();
                try (SequenceWriter w = csv.writerFor(float[].class).with(CsvSchema.emptySchema()).writeValues(out.toFile())) {
                    for (float[] v : vectors) {
                        w.write(v);
                    }
                }
                spec.commandLine().getErr().printf("emofuse: %d lines -> %d x %d (%s) in %.1f s -> %s%n", lines.size(),
                        vectors.size(), embedder.dimension(), embedder.id(), (System.nanoTime() - t0) / 1e9, out);
            }
        } catch (IllegalArgumentException e) {
            throw new UserError(UserErrors.forInput(e), e);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof NoSuchFileException nsf) {
                throw nsf;
            }
            throw new UserError(e.getMessage(), e);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new UserError(in + " is not UTF-8 text", e);
        }
        return 0;
    }
}
