package io.emofuse.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.emofuse.analysis.Defaults;
import io.emofuse.analysis.Json;
import io.emofuse.linguistic.Word;
import io.emofuse.linguistic.asr.VoskTranscriber;
import io.emofuse.linguistic.models.ModelStore;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code emofuse transcribe}: speech to text with Vosk, one JSON line per input. */
@Command(name = "transcribe", mixinStandardHelpOptions = true,
        description = "Transcribe WAV files with Vosk (the small US-English model shipped with emofuse, or your own).",
        footer = {"", "Examples:",
            "  Text of two files:",
            "    emofuse transcribe --out text.jsonl a.wav b.wav",
            "  Word timings and confidences, 2 files decoded at once:",
            "    emofuse transcribe --words --threads 2 --out words.jsonl corpus/*.wav",
            "  A larger or non-English Vosk model you unpacked yourself:",
            "    emofuse transcribe --asr-model ~/models/vosk-model-en-us-0.22 --out text.jsonl a.wav",
            "  Only these phrases can be recognised (one per line; add [unk] for anything else):",
            "    emofuse transcribe --phrases commands.txt --out text.jsonl a.wav",
            "",
            "Output, one line per input in input order:",
            "  {\"file\":\"a.wav\",\"text\":\"kids are talking by the door\"}",
            "  with --words also \"words\":[{\"word\":\"kids\",\"start\":0.6,\"end\":0.93,\"conf\":1.0},...]",
            "  an input that cannot be read: {\"file\":\"x.wav\",\"error\":\"...\"}; the others are still done",
            "  and the exit code is 1. Folders are searched recursively for *.wav, in path order.",
            "  Times are seconds, rounded to milliseconds.",
            "Inputs: WAV PCM 8/16/24/32-bit or float, any rate (resampled to 16 kHz), channels averaged."})
public final class TranscribeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE.jsonl", description = "Output file (JSON lines).")
    Path out;

    @Option(names = "--words", description = "Add each word's start and end (seconds) and confidence (0-1).")
    boolean words;

    @Option(names = "--threads", paramLabel = "N", converter = Numbers.AtLeastOne.class,
            description = "Files decoded at once, one Vosk recogniser each (default: one per core).")
    int threads = Defaults.threads();

    @Option(names = "--asr-model", paramLabel = "DIR",
            description = "A Vosk model directory to use instead of the shipped vosk-en-us model.")
    Path asrModel;

    @Option(names = "--phrases", paramLabel = "FILE",
            description = "Restrict recognition to these phrases, one per line (a Vosk grammar).")
    Path phrases;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "WAV files or folders of WAV files.")
    List<String> inputs;

    @Override
    public Integer call() throws IOException {
        List<String> phraseList = List.of();
        if (phrases != null) {
            OutputFiles.checkReadable(phrases, "--phrases", "phrase list, one phrase per line");
            phraseList = Files.readAllLines(phrases, StandardCharsets.UTF_8).stream()
                    .map(String::trim).filter(s -> !s.isEmpty()).toList();
            if (phraseList.isEmpty()) {
                throw new UserError("--phrases " + phrases + " has no phrases; write one phrase per line");
            }
        }
        OutputFiles.checkWritable(out, "--out");
        Path modelDir = ModelStore.fromEnvironment().resolve(VoskTranscriber.DEFAULT_MODEL, asrModel);
        List<AudioInputs.Input> collected = AudioInputs.collect(inputs);
        List<Path> files = collected.stream().map(AudioInputs.Input::path).toList();
        Map<Path, AudioInputs.Input> given = new HashMap<>();
        for (AudioInputs.Input in : collected) {
            given.putIfAbsent(in.path(), in);
        }
        ObjectMapper json = new ObjectMapper();
        int[] failed = {0};
        long t0 = System.nanoTime();
        try (VoskTranscriber asr = new VoskTranscriber(modelDir, threads, phraseList);
             BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
             // a progress bar only for a person watching (it costs a thread and terminal probing)
             ProgressBar bar = files.size() > 3 && System.console() != null ? new ProgressBarBuilder().setTaskName("transcribe")
                     .setInitialMax(files.size()).setStyle(ProgressBarStyle.ASCII)
                     .setConsumer(new ConsoleProgressBarConsumer(System.err)).build() : null) {
            asr.transcribeFiles(files, threads, r -> {
                AudioInputs.Input in = given.get(r.file());
                ObjectNode line = json.createObjectNode().put("file", in.name());
                if (!in.ok()) {
                    line.put("error", in.error()); // a folder without WAVs: say so, not "Is a directory"
                    failed[0]++;
                } else if (r.ok()) {
                    line.put("text", r.transcript().text());
                    if (words) {
                        ArrayNode arr = line.putArray("words");
                        for (Word word : r.transcript().words()) {
                            arr.addObject().put("word", word.word()).put("start", Json.millis(word.start()))
                                    .put("end", Json.millis(word.end())).put("conf", word.conf());
                        }
                    }
                } else {
                    line.put("error", r.error());
                    failed[0]++;
                }
                try {
                    w.write(json.writeValueAsString(line));
                    w.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + out, e);
                }
                if (bar != null) {
                    bar.step();
                }
            });
        }
        spec.commandLine().getErr().printf("emofuse: transcribed %d of %d inputs in %.1f s -> %s%n",
                files.size() - failed[0], files.size(), (System.nanoTime() - t0) / 1e9, out);
        if (failed[0] > 0) {
            spec.commandLine().getErr().printf("emofuse: %d inputs could not be read (see their \"error\" in %s)%n",
                    failed[0], out);
            return Main.EXIT_SOME_FAILED;
        }
        return 0;
    }
}
