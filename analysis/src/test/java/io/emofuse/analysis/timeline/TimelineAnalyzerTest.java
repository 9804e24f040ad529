package io.emofuse.analysis.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.emofuse.acoustic.audio.AudioFiles;
import io.emofuse.acoustic.audio.WavReader;
import io.emofuse.acoustic.audio.WavStream;
import io.emofuse.analysis.AnalysisSettings;
import io.emofuse.analysis.ComponentLoader;
import io.emofuse.analysis.EmotionAnalyzer;
import io.emofuse.analysis.EmotionModel;
import io.emofuse.analysis.EmotionModelLocator;
import io.emofuse.analysis.batch.AudioRoots;
import io.emofuse.analysis.batch.BatchScorer;
import io.emofuse.linguistic.models.ModelStore;
import io.emofuse.testsupport.SharedData;
import io.emofuse.testsupport.TestJson;
import io.emofuse.testsupport.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Timelines of recordings made in the test with sox from shared RAVDESS clips, with the shipped
 * default model and real Vosk: a stereo G.711 call with one actor per channel, and a ten-minute
 * concatenation whose utterance count is known.
 */
class TimelineAnalyzerTest {

    private static final Path RAVDESS = SharedData.path("ravdess", "wav");
    /** RAVDESS statement 01 and 02: the words that tell the two sentences apart. */
    private static final String KIDS = "talking";
    private static final String DOGS = "sitting";

    private static EmotionAnalyzer analyzer;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        ModelStore store = ModelStore.fromEnvironment();
        Path model = EmotionModelLocator.locate(Path.of(EmotionModelLocator.DEFAULT), store);
        analyzer = ComponentLoader.load(new AnalysisSettings(model, 2, true), store, EmotionModel.load(model));
    }

    @AfterAll
    static void close() {
        analyzer.close();
    }

    private static String clip(String name) {
        return RAVDESS.resolve(name).toString();
    }

    @Test
    void aStereoMuLawCallGivesEachChannelItsOwnTurnsInTimeOrder() throws Exception {
        Path silence = dir.resolve("silence.wav");
        Tools.run("sox", "-n", "-r", "16000", "-c", "1", "-b", "16", silence.toString(), "trim", "0", "2.5");
        // actor 01 on the left says kids..., then dogs...; actor 02 on the right answers in the gaps
        Path left = dir.resolve("left.wav");
        Path right = dir.resolve("right.wav");
        Tools.run("sox", clip("03-01-05-02-01-01-01.wav"), silence.toString(), clip("03-01-01-01-02-01-01.wav"),
                silence.toString(), left.toString());
        Tools.run("sox", silence.toString(), clip("03-01-03-02-02-01-02.wav"), silence.toString(),
                clip("03-01-04-01-01-01-02.wav"), right.toString());
        Path call = dir.resolve("call.wav");
        Tools.run("sox", "-M", left.toString(), right.toString(), "-r", "8000", "-e", "u-law", call.toString());

        Timeline t = timeline(call, ChannelMode.SPLIT);
        assertEquals(2, t.channels());
        assertEquals(List.of(1, 2, 1, 2), t.utterances().stream().map(Utterance::channel).toList(), t.toString());
        List<String> expected = List.of(KIDS, DOGS, DOGS, KIDS);
        for (int i = 0; i < 4; i++) {
            Utterance u = t.utterances().get(i);
            assertTrue(u.transcript().contains(expected.get(i)) && u.transcript().contains("door"), u.toString());
            assertNotNull(u.emotion(), u.toString());
            assertEquals(u.channel() == 1 ? "channel 1" : "channel 2", u.speaker());
            if (i > 0) {
                assertTrue(u.start() >= t.utterances().get(i - 1).end() - 0.1, "turns overlap: " + t.utterances());
            }
        }
        assertEquals(List.of("channel 1", "channel 2"), t.speakers().stream().map(Summary::speaker).toList());
        assertEquals(2, t.speakers().get(0).utterances());
        assertEquals(4, t.overall().utterances());
        assertTrue(t.overall().arousal() >= 1 && t.overall().arousal() <= 5);
        assertEquals(1.0, t.overall().categoryShare().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);

        // mixed, the same call is one voice: its utterances have no channel
        Timeline mixed = timeline(call, ChannelMode.MIX);
        assertTrue(mixed.utterances().stream().allMatch(u -> u.channel() == 0 && u.speaker().equals("mix")));
        assertEquals(1, mixed.speakers().size());
    }

    /** A dialogue turn with a whole stereo recording and {@code channels: split} gets the timeline too. */
    @Test
    void scoreTurnsSplitTheirChannels() throws Exception {
        Path call = dir.resolve("call.wav");
        Tools.run("sox", "-M", clip("03-01-05-02-01-01-01.wav"), clip("03-01-01-01-02-01-02.wav"), call.toString());
        BatchScorer scorer = new BatchScorer(analyzer, new AudioRoots(List.of(dir)));
        JsonNode out = TestJson.read(scorer.score(
                "{\"dialogue_id\":\"c\",\"turns\":[{\"turn_id\":1,\"audio\":\"call.wav\",\"channels\":\"split\"},"
                        + "{\"turn_id\":2,\"audio\":\"call.wav\",\"channels\":\"split\",\"start\":0.5},"
                        + "{\"turn_id\":3,\"audio\":\"call.wav\",\"channels\":\"both\"},"
                        + "{\"turn_id\":4,\"audio\":\"call.wav\"}]}", 1));
        JsonNode split = out.get("turns").get(0);
        assertEquals(2, split.get("timeline").get("speakers").size(), split.toString());
        assertEquals(List.of(1, 2), java.util.stream.StreamSupport.stream(split.get("timeline").get("utterances").spliterator(), false)
                .map(u -> u.get("channel").asInt()).sorted().toList(), split.toString());
        assertTrue(split.get("transcript").asText().contains(KIDS) && split.get("transcript").asText().contains(DOGS), split.toString());
        assertEquals("bad_turn", out.get("turns").get(1).get("error").asText());
        assertEquals("bad_turn", out.get("turns").get(2).get("error").asText());
        // a short recording mixed is one utterance, scored as before: no timeline
        JsonNode mixed = out.get("turns").get(3);
        assertNull(mixed.get("timeline"), mixed.toString());
        assertNotNull(mixed.get("emotion"), mixed.toString());
    }

    @Test
    void aTenMinuteConcatenationHasOneUtterancePerClip() throws Exception {
        Path silence = dir.resolve("gap.wav");
        Tools.run("sox", "-n", "-r", "16000", "-c", "1", "-b", "16", silence.toString(), "trim", "0", "1.5");
        List<String> args = new ArrayList<>();
        List<Path> clips;
        try (var s = Files.list(RAVDESS)) {
            clips = s.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
        }
        double total = 0;
        int used = 0;
        List<double[]> spans = new ArrayList<>();
        // every fourth file, across actors and emotions, until ten minutes
        for (int i = 0; i < clips.size() && total < 600; i += 4, used++) {
            double len = WavReader.read(clips.get(i)).durationSeconds();
            spans.add(new double[] {total, total + len});
            args.add(clips.get(i).toString());
            args.add(silence.toString());
            total += len + 1.5;
        }
        Path longFile = dir.resolve("ten-minutes.wav");
        args.add(longFile.toString());
        Tools.run("sox", args.toArray(String[]::new));

        Timeline t = timeline(longFile, ChannelMode.MIX);
        assertEquals(total, t.durationS(), 0.01);
        assertEquals(used, t.utterances().size(), "one utterance per clip");
        for (int i = 0; i < used; i++) {
            Utterance u = t.utterances().get(i);
            double[] span = spans.get(i);
            assertTrue(u.start() >= span[0] - 0.3 && u.end() <= span[1] + 0.3,
                    "utterance " + i + " " + u.start() + "-" + u.end() + " outside its clip " + span[0] + "-" + span[1]);
        }
        // Vosk mishears a few acted lines (shouting): most, not all, end in "door"
        long door = t.utterances().stream().filter(u -> u.transcript().contains("door")).count();
        assertTrue(door >= 0.9 * used, door + " of " + used + " transcripts hold 'door'");
        assertEquals(used, t.overall().utterances());
        assertTrue(t.overall().scored() >= used - 2, "scored " + t.overall().scored());
    }

    @Test
    void aSingleClipIsScoredOnAllOfItsAudio() throws Exception {
        Path one = RAVDESS.resolve("03-01-05-02-01-01-01.wav");
        Timeline t = timeline(one, ChannelMode.MIX);
        assertEquals(1, t.utterances().size());
        Utterance u = t.utterances().get(0);
        // the same emotion analyze gave before timelines: the whole file, no speaker statistics
        EmotionAnalyzer.Scored whole = analyzer.emotion(WavReader.read16k(one), u.transcript(), null, true);
        assertEquals(whole.emotion(), u.emotion());
        // a recording too short to measure is the caller's error, as it was for one file
        org.junit.jupiter.api.Assertions.assertThrows(io.emofuse.acoustic.AudioTooShortException.class,
                () -> timeline(writeSilence(), ChannelMode.MIX));
    }

    private Path writeSilence() {
        Path p = dir.resolve("quiet.wav");
        Tools.run("sox", "-n", "-r", "16000", "-c", "1", "-b", "16", p.toString(), "trim", "0", "0.05");
        return p;
    }

    private static Timeline timeline(Path file, ChannelMode mode) throws Exception {
        try (WavStream in = AudioFiles.fromEnvironment().open(file)) {
            return new TimelineAnalyzer(analyzer).analyze(in, mode, TimelineAnalyzer.Progress.NONE);
        }
    }
}
