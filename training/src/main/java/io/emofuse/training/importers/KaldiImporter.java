package io.emofuse.training.importers;

import io.emofuse.acoustic.audio.Audio;
import io.emofuse.acoustic.audio.AudioFiles;
import io.emofuse.training.manifest.ManifestRow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * A Kaldi data directory: {@code wav.scp} (id → WAV path; piped commands are refused),
 * {@code text}, {@code utt2spk} and, when present, {@code segments} (utt → recording, start, end
 * in seconds). Segments are cut from their recordings and written as 16 kHz WAVs under
 * {@code OUT/wav/}, since a manifest row is one file.
 */
public final class KaldiImporter implements Importer {

    @Override
    public List<ManifestRow> rows(Path dir, Path outDir) throws IOException {
        Path scp = dir.resolve("wav.scp");
        if (!Files.isRegularFile(scp)) {
            throw new NoSuchFileException(scp.toString(), null, "not a Kaldi data dir (no wav.scp)");
        }
        Map<String, String> wavs = table(scp);
        Map<String, String> text = table(dir.resolve("text"));
        Map<String, String> spk = table(dir.resolve("utt2spk"));
        Path segFile = dir.resolve("segments");
        List<ManifestRow> rows = new ArrayList<>();
        if (!Files.isRegularFile(segFile)) {
            for (Map.Entry<String, String> e : wavs.entrySet()) {
                rows.add(new ManifestRow(rows.size() + 2, e.getKey(), wavPath(scp, e.getKey(), e.getValue()),
                        text.get(e.getKey()), spk.get(e.getKey()), null, null, null, null, null, null));
            }
            return rows;
        }
        Map<String, Audio> recordings = new LinkedHashMap<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(segFile)) {
            lineNo++;
            String[] f = line.strip().split("\\s+");
            if (f.length == 1 && f[0].isEmpty()) {
                continue;
            }
            if (f.length != 4) {
                throw new IllegalArgumentException(segFile + " line " + lineNo + ": expected 'utt recording start end'");
            }
            String rec = wavs.get(f[1]);
            if (rec == null) {
                throw new IllegalArgumentException(segFile + " line " + lineNo + ": recording '" + f[1] + "' not in wav.scp");
            }
            double start;
            double end;
            try {
                start = Double.parseDouble(f[2]);
                end = Double.parseDouble(f[3]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(segFile + " line " + lineNo + ": start/end are not numbers");
            }
            Audio audio = recordings.computeIfAbsent(f[1], k -> read(wavPath(scp, k, rec)));
            int from = (int) Math.round(start * audio.sampleRate());
            int to = end < 0 ? audio.samples().length : Math.min(audio.samples().length, (int) Math.round(end * audio.sampleRate()));
            if (from >= to) {
                throw new IllegalArgumentException(segFile + " line " + lineNo + ": empty segment " + start + "-" + end);
            }
            Path out = outDir.resolve("wav").resolve(f[0] + ".wav");
            writeWav(out, java.util.Arrays.copyOfRange(audio.samples(), from, to), audio.sampleRate());
            rows.add(new ManifestRow(rows.size() + 2, f[0], out.toAbsolutePath(), text.get(f[0]), spk.get(f[0]), null,
                    null, null, null, null, null));
        }
        return rows;
    }

    private static Audio read(Path p) {
        try {
            return AudioFiles.fromEnvironment().read16k(p);
        } catch (IOException e) {
            throw new IllegalArgumentException(p + ": " + e.getMessage(), e);
        }
    }

    private static Path wavPath(Path scp, String id, String value) {
        if (value.endsWith("|")) {
            throw new IllegalArgumentException(scp + ": entry '" + id + "' is a piped command; emofuse reads plain WAV paths only");
        }
        Path p = Path.of(value);
        return p.isAbsolute() ? p : scp.getParent().resolve(p).normalize();
    }

    /** First token → rest of the line; a missing optional file gives an empty table. */
    private static Map<String, String> table(Path f) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        if (!Files.isRegularFile(f)) {
            return m;
        }
        for (String line : Files.readAllLines(f)) {
            String s = line.strip();
            if (s.isEmpty()) {
                continue;
            }
            int sp = s.indexOf(' ');
            int tab = s.indexOf('\t');
            int cut = sp < 0 ? tab : (tab < 0 ? sp : Math.min(sp, tab));
            m.put(cut < 0 ? s : s.substring(0, cut), cut < 0 ? "" : s.substring(cut + 1).strip());
        }
        return m;
    }

    static void writeWav(Path out, float[] samples, int rate) throws IOException {
        Files.createDirectories(out.getParent());
        ByteBuffer b = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float s : samples) {
            b.putShort((short) Math.round(Math.max(-1, Math.min(1, s)) * 32767));
        }
        AudioFormat fmt = new AudioFormat(rate, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(b.array()), fmt, samples.length)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out.toFile());
        }
    }
}
