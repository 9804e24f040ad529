package io.emofuse.acoustic.audio;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Coverage-guided fuzzing of the decoding of bytes in any format (docs/reliability.md): a body that
 * is not WAV, or a WAV codec the native reader lacks, goes to ffmpeg through a staged temporary
 * file. Any bytes either decode to samples in [-1, 1] or fail with {@link AudioFormatException};
 * the staged file is always removed and no decoder process outlives the call. Regression mode
 * replays {@code AudioFilesFuzzTestInputs/decode/} (small MP3, FLAC, Opus and ADPCM files).
 */
class AudioFilesFuzzTest {

    private final AudioFiles files = AudioFiles.fromEnvironment();

    @FuzzTest(maxDuration = "10s")
    @DictionaryEntries({"RIFF", "WAVE", "fmt ", "data", "fLaC", "OggS", "OpusHead", "ID3", "ftypM4A"})
    void decode(byte[] data) throws IOException {
        try (WavStream s = files.open(data, "fuzz")) {
            check(s.sampleRate() > 0 && s.sampleRate() <= 768_000, "sample rate " + s.sampleRate());
            float[][] chunk = new float[s.channels()][4096];
            int n;
            long total = 0;
            while ((n = s.readChannels(chunk)) > 0) {
                for (float[] channel : chunk) {
                    for (int i = 0; i < n; i++) {
                        check(channel[i] >= -1.01f && channel[i] <= 1.0f, "sample " + channel[i] + " outside [-1, 1]");
                    }
                }
                total += n;
                if (total > 10_000_000) {
                    break; // enough: what matters is that it decodes; closing stops the decoder
                }
            }
        } catch (AudioFormatException expected) {
            // the documented outcome for bytes that are not decodable audio
        }
        try (var staged = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            check(staged.noneMatch(p -> p.getFileName().toString().startsWith("emofuse-audio-")), "staged file left behind");
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
