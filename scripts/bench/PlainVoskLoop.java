import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioSystem;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * The anchor for 'emofuse transcribe': the textbook Vosk Java loop (one model, a new recogniser per
 * file, 4096-byte reads), single-threaded. usage: PlainVoskLoop MODEL_DIR OUT.jsonl WAV...
 */
public final class PlainVoskLoop {
    public static void main(String[] args) throws Exception {
        LibVosk.setLogLevel(LogLevel.WARNINGS);
        ObjectMapper json = new ObjectMapper();
        try (Model model = new Model(args[0]);
             BufferedWriter w = Files.newBufferedWriter(Path.of(args[1]))) {
            for (int i = 2; i < args.length; i++) {
                List<String> parts = new ArrayList<>();
                try (InputStream ais = AudioSystem.getAudioInputStream(new File(args[i]));
                     Recognizer rec = new Recognizer(model, 16000)) {
                    byte[] b = new byte[4096];
                    int n;
                    while ((n = ais.read(b)) >= 0) {
                        if (rec.acceptWaveForm(b, n)) {
                            parts.add(json.readTree(rec.getResult()).path("text").asText());
                        }
                    }
                    parts.add(json.readTree(rec.getFinalResult()).path("text").asText());
                }
                String text = String.join(" ", parts.stream().filter(s -> !s.isEmpty()).toList());
                w.write(json.createObjectNode().put("file", args[i]).put("text", text).toString());
                w.write('\n');
            }
        }
    }
}
