import io.emofuse.linguistic.asr.VoskTranscriber;
import java.io.File;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.sound.sampled.AudioSystem;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * Per-file decoding cost of VoskTranscriber against the textbook Vosk loop in one JVM on one shared
 * model, alternating file by file (so drifting load hits both alike); thread CPU time and wall time.
 * usage: AsrInterleaved MODEL_DIR ROUNDS WAV...
 */
public final class AsrInterleaved {
    public static void main(String[] args) throws Exception {
        Path modelDir = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        List<String> files = List.of(args).subList(2, args.length);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] cpu = new double[2];
        double[] wall = new double[2];
        try (VoskTranscriber asr = new VoskTranscriber(modelDir, 1, List.of());
             Model model = new Model(modelDir.toString())) {
            for (int r = 0; r < rounds; r++) {
                for (String f : files) {
                    for (int side = 0; side < 2; side++) {
                        int s = (side + r) % 2; // alternate which goes first
                        long c0 = mx.getCurrentThreadCpuTime();
                        long w0 = System.nanoTime();
                        if (s == 0) {
                            plain(model, f);
                        } else {
                            asr.transcribe(Path.of(f));
                        }
                        cpu[s] += (mx.getCurrentThreadCpuTime() - c0) / 1e9;
                        wall[s] += (System.nanoTime() - w0) / 1e9;
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "files=%d rounds=%d plain: cpu %.2f s wall %.2f s | emofuse: cpu %.2f s wall %.2f s"
                + " | speed ratio (plain/emofuse) cpu %.3f wall %.3f%n", files.size(), rounds, cpu[0], wall[0], cpu[1],
                wall[1], cpu[0] / cpu[1], wall[0] / wall[1]);
    }

    static String plain(Model model, String f) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (InputStream ais = AudioSystem.getAudioInputStream(new File(f));
             Recognizer rec = new Recognizer(model, 16000)) {
            byte[] b = new byte[4096];
            int n;
            while ((n = ais.read(b)) >= 0) {
                if (rec.acceptWaveForm(b, n)) {
                    sb.append(rec.getResult());
                }
            }
            sb.append(rec.getFinalResult());
        }
        return sb.toString();
    }
}
