package io.emofuse.linguistic.asr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emofuse.acoustic.audio.WavReader;
import io.emofuse.linguistic.testsupport.SharedCorpora;
import io.emofuse.linguistic.testsupport.SharedCorpora.Utterance;
import io.emofuse.linguistic.models.ModelStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StreamingRecognizerTest {

    private static VoskTranscriber asr;
    private static List<Utterance> utterances;

    @BeforeAll
    static void open() {
        List<Utterance> all = SharedCorpora.ravdess();
        utterances = List.of(all.get(2), all.get(65), all.get(128), all.get(191));
        asr = VoskTranscriber.open(ModelStore.fromEnvironment(), null, 3);
    }

    @AfterAll
    static void close() {
        if (asr != null) {
            asr.close();
        }
    }

    /** Two utterances with 1.5 s of silence between them, as 16-bit PCM. */
    private static byte[] twoSentences(Utterance a, Utterance b) throws Exception {
        byte[] x = Pcm16.encode(WavReader.read16k(a.wav()).samples());
        byte[] y = Pcm16.encode(WavReader.read16k(b.wav()).samples());
        byte[] out = new byte[x.length + 48_000 + y.length];
        System.arraycopy(x, 0, out, 0, x.length);
        System.arraycopy(y, 0, out, x.length + 48_000, y.length);
        return out;
    }

    /** Streams {@code pcm} in pieces of {@code chunk} bytes and collects every event. */
    private static List<AsrEvent> stream(byte[] pcm, int chunk) {
        List<AsrEvent> events = new ArrayList<>();
        try (StreamingRecognizer s = asr.openStream()) {
            byte[] buf = new byte[chunk];
            for (int off = 0; off < pcm.length; off += chunk) {
                int n = Math.min(chunk, pcm.length - off);
                System.arraycopy(pcm, off, buf, 0, n);
                events.addAll(s.accept(buf, n));
            }
            events.addAll(s.finish());
        }
        return events;
    }

    private static List<AsrEvent.Final> finals(List<AsrEvent> events) {
        return events.stream().filter(e -> e instanceof AsrEvent.Final).map(e -> (AsrEvent.Final) e).toList();
    }

    @Test
    void pauseBetweenSentencesEndsASegmentAndTimesAreStreamRelative() throws Exception {
        Utterance a = utterances.get(0);
        Utterance b = utterances.get(1);
        byte[] pcm = twoSentences(a, b);
        double firstEnds = (pcm.length - 48_000 - Pcm16.encode(WavReader.read16k(b.wav()).samples()).length) / 32000.0;
        List<AsrEvent> events = stream(pcm, 3200);
        List<AsrEvent.Final> finals = finals(events);
        assertEquals(2, finals.size(), events.toString());
        assertTrue(events.stream().anyMatch(e -> e instanceof AsrEvent.Partial), "no partial results");
        assertTrue(finals.get(0).endSec() <= firstEnds + 0.05, finals.get(0).toString());
        assertTrue(finals.get(1).startSec() >= firstEnds + 1.0, finals.get(1).toString());
        assertTrue(finals.get(0).transcript().text().contains("door"), finals.get(0).toString());
        assertTrue(finals.get(1).transcript().text().endsWith("door"), finals.get(1).toString());
        // each segment holds one whole sentence ("... by the door"), none is split or merged
        assertTrue(finals.get(0).transcript().text().endsWith("the door"), finals.get(0).toString());
        assertTrue(finals.get(1).transcript().text().endsWith("the door"), finals.get(1).toString());
        assertTrue(finals.get(1).transcript().words().size() >= 4, finals.get(1).toString());
    }

    @Test
    void oddChunkSizesGiveTheSameFinals() throws Exception {
        byte[] pcm = Pcm16.encode(WavReader.read16k(utterances.get(2).wav()).samples());
        String even = String.join("|", finals(stream(pcm, 4000)).stream().map(f -> f.transcript().text()).toList());
        String odd = String.join("|", finals(stream(pcm, 1001)).stream().map(f -> f.transcript().text()).toList());
        // a lost or misaligned byte would turn the rest into noise; the words are not compared exactly
        // (Vosk's output for borderline audio depends on the shared model's decode history)
        assertTrue(even.endsWith("the door"), even);
        assertTrue(odd.endsWith("the door"), odd);
        assertEquals(even.split("\\|").length, odd.split("\\|").length, even + " vs " + odd);
    }

    @Test
    void concurrentStreamsOnTheSharedModelAreIndependent() throws Exception {
        List<byte[]> inputs = new ArrayList<>();
        List<String> alone = new ArrayList<>();
        for (Utterance u : utterances.subList(0, 3)) {
            byte[] pcm = Pcm16.encode(WavReader.read16k(u.wav()).samples());
            inputs.add(pcm);
            alone.add(finals(stream(pcm, 3200)).toString());
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<String>> together = new ArrayList<>();
            for (byte[] pcm : inputs) {
                together.add(pool.submit(() -> finals(stream(pcm, 3200)).toString()));
            }
            // Same segmentation and sentence as alone; the words themselves are not compared exactly, because
            // Vosk's output for borderline audio depends on the shared model's decode history.
            for (int i = 0; i < inputs.size(); i++) {
                String t = together.get(i).get();
                assertEquals(alone.get(i).split("Final\\[").length, t.split("Final\\[").length, alone.get(i) + " vs " + t);
                assertTrue(t.contains("the door"), t);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void poolRefusesStreamsBeyondItsSizeAndFreesSlotsOnClose() {
        List<StreamingRecognizer> open = new ArrayList<>();
        try {
            for (int i = 0; i < asr.concurrency(); i++) {
                open.add(asr.openStream());
            }
            assertThrows(AsrBusyException.class, asr::openStream);
            open.remove(0).close();
            open.add(asr.openStream());
            StreamingRecognizer finished = open.remove(0);
            assertEquals(List.of(), finished.finish());
            assertThrows(IllegalStateException.class, () -> finished.accept(new byte[2], 2));
            open.add(asr.openStream());
        } finally {
            open.forEach(StreamingRecognizer::close);
        }
    }
}
