package io.emofuse.linguistic.asr;

import io.emofuse.acoustic.audio.Audio;
import io.emofuse.acoustic.audio.AudioFiles;
import io.emofuse.acoustic.audio.AudioFormatException;
import io.emofuse.acoustic.audio.Resampler;
import io.emofuse.linguistic.Transcriber;
import io.emofuse.linguistic.Transcript;
import io.emofuse.linguistic.models.ModelNotFoundException;
import io.emofuse.linguistic.models.ModelStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * Vosk speech recognition on one shared {@link Model}. Each file or stream gets a recogniser of its
 * own for its duration, taken from a pool of warm ones ({@link RecognizerPool}: a new recogniser
 * decodes several times slower for its first seconds); each use starts a fresh utterance, so results
 * do not depend on what was decoded before and word times count from the start of the input. At
 * most {@link #concurrency()} recognisers are in use at once: N threads decode N inputs, further
 * callers of {@link #transcribe} wait, {@link #openStream()} refuses.
 *
 * <p>Thread-safe. Word timings and confidences are always on ({@code setWords(true)}); an optional
 * phrase list restricts decoding to those phrases (a Vosk grammar; add {@code "[unk]"} to let other
 * speech through as unknown).
 */
public final class VoskTranscriber implements Transcriber {

    /** Catalogue name of the model used when no directory is given. */
    public static final String DEFAULT_MODEL = "vosk-en-us";

    /** Bytes handed to Vosk per call in batch decoding: the chunk size of Vosk's own examples. */
    public static final int CHUNK_BYTES = 4096;

    private final Path modelDir;
    private final Model model;
    private final int concurrency;
    private final String grammar;
    private final RecognizerPool recognizers;

    /**
     * @param modelDir    a Vosk model directory (with {@code am/}, {@code conf/}, {@code graph/})
     * @param concurrency most recognisers alive at once (at least 1)
     * @param phrases     phrase-list grammar, or an empty list for free speech
     */
    public VoskTranscriber(Path modelDir, int concurrency, List<String> phrases) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("ASR concurrency must be at least 1, got " + concurrency);
        }
        if (!Files.isDirectory(modelDir.resolve("am")) && !Files.isDirectory(modelDir.resolve("conf"))) {
            throw new ModelNotFoundException("'" + modelDir + "' is not a Vosk model directory (no am/ or conf/ in it)");
        }
        LibVosk.setLogLevel(LogLevel.WARNINGS);
        try {
            this.model = new Model(modelDir.toString());
        } catch (IOException e) {
            throw new ModelNotFoundException("Vosk cannot load the model in '" + modelDir + "'", e);
        }
        this.modelDir = modelDir;
        this.concurrency = concurrency;
        this.grammar = phrases.isEmpty() ? null : VoskResults.grammarJson(phrases);
        this.recognizers = new RecognizerPool(model, grammar, modelDir, concurrency);
    }

    /** The catalogued model (or {@code userModelDir} when not null), free speech. */
    public static VoskTranscriber open(ModelStore store, Path userModelDir, int concurrency) {
        return new VoskTranscriber(store.resolve(DEFAULT_MODEL, userModelDir), concurrency, List.of());
    }

    public Path modelDir() {
        return modelDir;
    }

    public int concurrency() {
        return concurrency;
    }

    /** Decodes a whole recording; waits while all recogniser slots are busy. */
    @Override
    public Transcript transcribe(Audio audio) {
        Audio at16k = audio.sampleRate() == Audio.TARGET_RATE ? audio : Resampler.toRate(audio, Audio.TARGET_RATE);
        byte[] pcm = Pcm16.encode(at16k.samples());
        RecognizerPool.Lease lease = recognizers.acquire();
        try {
            Recognizer rec = lease.recognizer();
            double offset = lease.offsetSeconds();
            List<Transcript> segments = new ArrayList<>();
            byte[] chunk = new byte[CHUNK_BYTES];
            for (int off = 0; off < pcm.length; off += CHUNK_BYTES) {
                int n = Math.min(CHUNK_BYTES, pcm.length - off);
                System.arraycopy(pcm, off, chunk, 0, n);
                if (rec.acceptWaveForm(chunk, n)) {
                    segments.add(VoskResults.parse(rec.getResult(), offset));
                }
            }
            segments.add(VoskResults.parse(rec.getFinalResult(), offset));
            return VoskResults.join(segments);
        } finally {
            lease.giveBack(pcm.length / 2);
        }
    }

    /** Reads an audio file (WAV, or what ffmpeg decodes; any rate, channels mixed) and decodes it. */
    public Transcript transcribe(Path wav) throws AudioFormatException {
        return transcribe(AudioFiles.fromEnvironment().read16k(wav));
    }

    /** The outcome for one input of {@link #transcribeFiles}: a transcript or an error message. */
    public record FileResult(Path file, Transcript transcript, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    /**
     * Decodes files on {@code threads} threads (capped by {@link #concurrency()}) and hands each
     * result to {@code sink} in input order, as soon as it and all before it are done. A file that
     * cannot be read gives a result with an error; the others are still decoded.
     */
    public void transcribeFiles(List<Path> files, int threads, Consumer<FileResult> sink) {
        int n = Math.max(1, Math.min(threads, concurrency));
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "vosk-batch");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<FileResult>> pending = new ArrayList<>(files.size());
            for (Path f : files) {
                pending.add(pool.submit(() -> transcribeOne(f)));
            }
            for (Future<FileResult> p : pending) {
                sink.accept(p.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("transcription interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("transcription failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private FileResult transcribeOne(Path f) {
        try {
            return new FileResult(f, transcribe(f), null);
        } catch (AudioFormatException | RuntimeException e) {
            return new FileResult(f, null, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /**
     * A live session on the shared model for 16 kHz mono s16le PCM. Close it (or {@code finish()} it)
     * to free its slot.
     *
     * @throws AsrBusyException when all {@link #concurrency()} slots are in use
     */
    public StreamingRecognizer openStream() {
        RecognizerPool.Lease lease = recognizers.tryAcquire();
        if (lease == null) {
            throw new AsrBusyException("all " + concurrency + " speech recognisers are busy");
        }
        return new StreamingRecognizer(lease, Audio.TARGET_RATE);
    }

    /**
     * As {@link #openStream()}, restricted to {@code phrases} (a Vosk grammar, as vosk-server's
     * {@code phrase_list}; {@code "[unk]"} lets other speech through as unknown). The recogniser is
     * built for this stream (a grammar graph is small, so it is quick) and freed when it ends.
     * An empty list is free speech, as {@link #openStream()}.
     */
    public StreamingRecognizer openStream(List<String> phrases) {
        if (phrases.isEmpty()) {
            return openStream();
        }
        RecognizerPool.Lease lease = recognizers.tryAcquire(VoskResults.grammarJson(phrases));
        if (lease == null) {
            throw new AsrBusyException("all " + concurrency + " speech recognisers are busy");
        }
        return new StreamingRecognizer(lease, Audio.TARGET_RATE);
    }

    /**
     * As {@link #openStream()}, but waits up to {@code wait} for a slot to free up.
     *
     * @throws AsrBusyException when none freed up in time
     */
    public StreamingRecognizer openStream(java.time.Duration wait) throws InterruptedException {
        RecognizerPool.Lease lease = recognizers.tryAcquire(wait);
        if (lease == null) {
            throw new AsrBusyException("all " + concurrency + " speech recognisers stayed busy for " + wait);
        }
        return new StreamingRecognizer(lease, Audio.TARGET_RATE);
    }

    /** Frees the model; waits for recognisers still in use. */
    @Override
    public void close() {
        recognizers.close();
        model.close();
    }
}
