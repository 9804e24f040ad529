package io.emofuse.analysis.timeline;

import io.emofuse.acoustic.AudioTooShortException;
import io.emofuse.acoustic.audio.Audio;
import io.emofuse.acoustic.audio.AudioFormatException;
import io.emofuse.acoustic.audio.StreamingResampler;
import io.emofuse.acoustic.audio.WavStream;
import io.emofuse.analysis.EmotionAnalyzer;
import io.emofuse.analysis.stream.StreamEvent;
import io.emofuse.analysis.stream.StreamSession;
import io.emofuse.fusion.Modalities;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A recording of any length to its {@link Timeline}: the audio is read in chunks, each channel (or
 * their mix) goes through its own {@link StreamSession}, as a WebSocket stream does, so Vosk's
 * endpointing cuts the utterances, each utterance is scored on its own audio and words, and each
 * channel keeps its own speaker statistics. Memory is bounded by the session's kept audio (at most
 * a minute per channel), not by the recording's length.
 *
 * <p>A recording of one utterance (at most {@value #WHOLE_RECORDING_MAX_S} s in which one utterance, or
 * none, was heard) is scored on all of its audio instead of its words' span, without speaker
 * statistics: as training, {@code predict} and the REST API score a file, so {@code analyze} of a
 * short clip gives the same answer as before there were timelines.
 *
 * <p>Thread-safe as {@link EmotionAnalyzer} is: each call uses its own sessions; it blocks.
 */
public final class TimelineAnalyzer {

    /** Longest recording whose single utterance is scored on the whole recording. */
    public static final double WHOLE_RECORDING_MAX_S = 60;
    /** Most channels {@link ChannelMode#SPLIT} takes (each holds a recogniser). */
    public static final int MAX_SPLIT_CHANNELS = 8;
    private static final int CHUNK_FRAMES = 8000;

    /** Told how far reading has got; called from the analysing thread. */
    public interface Progress {
        /**
         * @param doneS  seconds of the recording read so far
         * @param totalS seconds the recording declares, or NaN when its format does not say
         */
        void at(double doneS, double totalS);

        Progress NONE = (done, total) -> { };
    }

    private final EmotionAnalyzer analyzer;

    public TimelineAnalyzer(EmotionAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * Reads {@code in} to its end and returns its timeline; the caller closes {@code in}.
     *
     * @throws AudioFormatException when the audio cannot be read, or splits into more channels
     *                              than {@value #MAX_SPLIT_CHANNELS}
     * @throws io.emofuse.linguistic.asr.AsrBusyException when no recogniser is free for a channel
     * @throws AudioTooShortException when the whole recording is too short to measure
     */
    public Timeline analyze(WavStream in, ChannelMode mode, Progress progress) throws IOException {
        FrameReader reader = mode == ChannelMode.SPLIT ? in::readChannels : dst -> in.read(dst[0]);
        return analyze(in.source(), in.channels(), in.sampleRate(), in.declaredSeconds(), reader, mode, progress);
    }

    /**
     * The timeline of a recording already in memory: one audio per channel, all at one rate and of
     * one length (what {@link io.emofuse.acoustic.audio.AudioFiles#readChannels} gives).
     */
    public Timeline analyze(List<Audio> channels, ChannelMode mode) throws IOException {
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("no channels");
        }
        int rate = channels.get(0).sampleRate();
        int length = channels.get(0).samples().length;
        for (Audio a : channels) {
            if (a.sampleRate() != rate || a.samples().length != length) {
                throw new IllegalArgumentException("channels of different rates or lengths");
            }
        }
        int[] at = {0};
        FrameReader reader = dst -> {
            int n = Math.min(dst[0].length, length - at[0]);
            for (int i = 0; i < n; i++) {
                if (mode == ChannelMode.SPLIT) {
                    for (int c = 0; c < channels.size(); c++) {
                        dst[c][i] = channels.get(c).samples()[at[0] + i];
                    }
                } else {
                    double sum = 0;
                    for (Audio a : channels) {
                        sum += a.samples()[at[0] + i];
                    }
                    dst[0][i] = (float) (sum / channels.size());
                }
            }
            at[0] += n;
            return n;
        };
        return analyze(channels.get(0).source(), channels.size(), rate, length / (double) rate, reader, mode,
                Progress.NONE);
    }

    /** Fills one array per analysed channel (one for a mix); returns frames, 0 at the end. */
    private interface FrameReader {
        int read(float[][] dst) throws IOException;
    }

    private Timeline analyze(String source, int inChannels, int rate, double declaredS, FrameReader reader,
                             ChannelMode mode, Progress progress) throws IOException {
        int channels = mode == ChannelMode.SPLIT ? inChannels : 1;
        if (channels > MAX_SPLIT_CHANNELS) {
            throw new AudioFormatException(source, inChannels + " channels; splitting takes at most "
                    + MAX_SPLIT_CHANNELS + " (mix them)");
        }
        List<Channel> open = new ArrayList<>();
        try {
            for (int c = 0; c < channels; c++) {
                open.add(new Channel(mode == ChannelMode.SPLIT ? c + 1 : 0, rate));
            }
            long frames = 0;
            float[][] chunk = new float[channels][CHUNK_FRAMES];
            int n;
            while ((n = reader.read(chunk)) > 0) {
                for (int c = 0; c < channels; c++) {
                    open.get(c).accept(chunk[c], n);
                }
                frames += n;
                progress.at(frames / (double) rate, declaredS);
            }
            double duration = frames / (double) rate;
            List<Utterance> all = new ArrayList<>();
            List<Summary> speakers = new ArrayList<>();
            for (Channel ch : open) {
                List<Utterance> heard = ch.finish(duration);
                all.addAll(heard);
                speakers.add(Summary.of(ch.speaker, heard));
            }
            all.sort(Comparator.comparingDouble(Utterance::start).thenComparingInt(Utterance::channel));
            return new Timeline(duration, inChannels, mode.id(), all, speakers, Summary.of("all", all));
        } finally {
            open.forEach(Channel::close);
        }
    }

    /** One channel (or the mix): its resampler, its session and, while short, all of its audio. */
    private final class Channel implements AutoCloseable {
        private final int number;
        private final String speaker;
        private final StreamingResampler resampler;
        private final StreamSession session;
        private final List<Utterance> heard = new ArrayList<>();
        /** The channel's 16 kHz audio while it is at most WHOLE_RECORDING_MAX_S long; null after. */
        private float[] whole = new float[Audio.TARGET_RATE * 4];
        private int wholeLen;

        Channel(int number, int rate) {
            this.number = number;
            this.speaker = number == 0 ? "mix" : "channel " + number;
            this.resampler = rate == Audio.TARGET_RATE ? null : new StreamingResampler(rate, Audio.TARGET_RATE);
            this.session = new StreamSession(analyzer, analyzer.openStream(), Audio.TARGET_RATE, 0);
        }

        void accept(float[] x, int n) {
            float[] at16k = resampler == null ? Arrays.copyOf(x, n) : resampler.accept(x, 0, n);
            keep(at16k);
            collect(session.accept16k(at16k));
        }

        List<Utterance> finish(double durationS) {
            if (resampler != null) {
                float[] rest = resampler.flush();
                keep(rest);
                collect(session.accept16k(rest));
            }
            collect(session.finish());
            if (whole != null && heard.size() <= 1 && wholeLen > 0) {
                Audio all = new Audio(Arrays.copyOf(whole, wholeLen), Audio.TARGET_RATE, speaker);
                String words = heard.isEmpty() ? "" : heard.get(0).transcript();
                Utterance only = wholeRecording(all, words, durationS);
                if (only != null) {
                    heard.clear();
                    heard.add(only);
                }
            }
            return heard;
        }

        /** The single utterance scored on the whole recording; null when there is nothing to score. */
        private Utterance wholeRecording(Audio all, String words, double durationS) {
            EmotionAnalyzer.Scored s;
            try {
                s = analyzer.emotion(all, words, null, true);
            } catch (AudioTooShortException e) {
                if (heard.isEmpty()) {
                    throw e; // the whole recording is too short to measure: the caller's error, as for one file
                }
                return heard.get(0);
            }
            if (s.emotion() == null && words.isEmpty()) {
                return null;
            }
            Utterance first = heard.isEmpty() ? null : heard.get(0);
            List<String> used = s.modalities().stream()
                    .map(m -> m.equals(Modalities.TEXT) ? Modalities.TEXT_FROM_ASR : m).toList();
            return new Utterance(number, speaker, first == null ? 0 : first.start(),
                    first == null ? durationS : first.end(), words, s.emotion(), used);
        }

        private void keep(float[] at16k) {
            if (whole == null) {
                return;
            }
            if (wholeLen + at16k.length > WHOLE_RECORDING_MAX_S * Audio.TARGET_RATE) {
                whole = null; // a long recording: its utterances are scored on their own audio
                return;
            }
            if (wholeLen + at16k.length > whole.length) {
                whole = Arrays.copyOf(whole, Math.max(whole.length * 2, wholeLen + at16k.length));
            }
            System.arraycopy(at16k, 0, whole, wholeLen, at16k.length);
            wholeLen += at16k.length;
        }

        private void collect(List<StreamEvent> events) {
            for (StreamEvent e : events) {
                if (e instanceof StreamEvent.Final f) {
                    heard.add(new Utterance(number, speaker, f.start(), f.end(), f.text(), f.emotion(), f.modalities()));
                }
            }
        }

        @Override
        public void close() {
            session.close();
        }
    }
}
