package io.emofuse.training.importers;

import io.emofuse.training.manifest.ManifestRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * IEMOCAP's release layout: {@code SessionN/dialog/EmoEvaluation/*.txt} (per utterance
 * {@code [start - end] UTT cat [V, A, D]}), {@code SessionN/dialog/transcriptions/*.txt}
 * ({@code UTT [start-end]: words}) and {@code SessionN/sentences/wav/DIALOG/UTT.wav}. Speaker =
 * session + the utterance speaker's gender ({@code Ses01F}); session = {@code SessionN}. With
 * {@code fourClass}, excitement is merged into happiness and only neu/hap/ang/sad are kept (the
 * usual 4-class setup); otherwise every labelled utterance is kept with IEMOCAP's code.
 */
public final class IemocapImporter implements Importer {

    private static final Pattern EVAL = Pattern.compile(
            "^\\[[^]]*]\\s+(\\S+)\\s+(\\S+)\\s+\\[\\s*([-\\d.]+),\\s*([-\\d.]+),\\s*([-\\d.]+)\\s*]");
    private static final Pattern TRANS = Pattern.compile("^(\\S+)\\s+\\[[^]]*]:\\s*(.*)$");
    private static final Pattern UTT = Pattern.compile("^(Ses\\d\\d)[FM]_.*_([FM])\\d+$");

    private final boolean fourClass;

    public IemocapImporter(boolean fourClass) {
        this.fourClass = fourClass;
    }

    @Override
    public List<ManifestRow> rows(Path root, Path outDir) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new NoSuchFileException(root.toString(), null, "IEMOCAP folder not found");
        }
        List<Path> sessions;
        try (Stream<Path> s = Files.list(root)) {
            sessions = s.filter(p -> p.getFileName().toString().matches("Session\\d+") && Files.isDirectory(p)).sorted().toList();
        }
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException(root + ": no SessionN folders; expected IEMOCAP's release layout");
        }
        List<ManifestRow> rows = new ArrayList<>();
        for (Path session : sessions) {
            Map<String, String> text = transcripts(session.resolve("dialog/transcriptions"));
            Path evalDir = session.resolve("dialog/EmoEvaluation");
            if (!Files.isDirectory(evalDir)) {
                throw new NoSuchFileException(evalDir.toString(), null, "IEMOCAP session without EmoEvaluation");
            }
            List<Path> evals;
            try (Stream<Path> s = Files.list(evalDir)) {
                evals = s.filter(p -> p.toString().endsWith(".txt") && Files.isRegularFile(p)).sorted().toList();
            }
            for (Path eval : evals) {
                String dialog = eval.getFileName().toString().replaceFirst("\\.txt$", "");
                for (String line : Files.readAllLines(eval)) {
                    Matcher m = EVAL.matcher(line);
                    if (!m.find()) {
                        continue;
                    }
                    String utt = m.group(1);
                    String cat = category(m.group(2));
                    if (cat == null) {
                        continue;
                    }
                    Matcher u = UTT.matcher(utt);
                    String speaker = u.matches() ? u.group(1) + u.group(2) : null;
                    Path wav = session.resolve("sentences/wav").resolve(dialog).resolve(utt + ".wav");
                    rows.add(new ManifestRow(rows.size() + 2, utt, wav, text.get(utt), speaker,
                            session.getFileName().toString(), Double.parseDouble(m.group(3)),
                            Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)), cat, null));
                }
            }
        }
        return rows;
    }

    private String category(String code) {
        if (!fourClass) {
            return code;
        }
        return switch (code) {
            case "neu", "ang", "sad", "hap" -> code;
            case "exc" -> "hap";
            default -> null;
        };
    }

    private static Map<String, String> transcripts(Path dir) throws IOException {
        Map<String, String> out = new HashMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    Matcher m = TRANS.matcher(line.strip());
                    if (m.matches()) {
                        out.put(m.group(1), m.group(2).strip());
                    }
                }
            }
        }
        return out;
    }
}
