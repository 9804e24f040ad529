import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.emofuse.linguistic.TextEmbedders;
import io.emofuse.linguistic.embed.OnnxTextEmbedder;
import io.emofuse.linguistic.models.ModelStore;
import java.io.File;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sentences/s of emofuse's encoder against its anchor, plain ONNX Runtime (Java API, 2 intra-op
 * threads, DJL's HuggingFace tokenizer, each batch padded to its longest sentence, pooling in Java),
 * in one JVM, alternating, on the same sentences.
 *
 * usage: EmbedBench MODEL(minilm|bge-small) EMOBANK_CSV N REPEATS
 */
public final class EmbedBench {

    public static void main(String[] args) throws Exception {
        String model = args[0];
        List<String> texts = sentences(new File(args[1]), Integer.parseInt(args[2]));
        int repeats = Integer.parseInt(args[3]);
        boolean cls = model.equals("bge-small");
        Path dir = ModelStore.fromEnvironment().resolve(model);
        String base = cls ? "bge-small-en-v1.5" : "all-minilm-l6-v2";

        // DJL's engine creates the process's OrtEnvironment (with its threading options); start it first.
        ai.djl.engine.Engine.getEngine("OnnxRuntime");
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions so = new OrtSession.SessionOptions();
        so.setIntraOpNumThreads(2);
        so.setInterOpNumThreads(1);
        try (OrtSession session = env.createSession(dir.resolve(base + ".onnx").toString(), so);
             HuggingFaceTokenizer tok = HuggingFaceTokenizer.builder().optTokenizerPath(dir.resolve(base + "-tokenizer.json"))
                     .optTruncation(true).optMaxLength(512).optPadding(true).build();
             OnnxTextEmbedder b1 = (OnnxTextEmbedder) TextEmbedders.create(model, ModelStore.fromEnvironment(),
                     TextEmbedders.Options.defaults().withThreads(2).withBatchSize(1));
             OnnxTextEmbedder b32 = (OnnxTextEmbedder) TextEmbedders.create(model, ModelStore.fromEnvironment(),
                     TextEmbedders.Options.defaults().withThreads(2).withBatchSize(32))) {
            // warm-up: both sides, a few batches
            plain(env, session, tok, texts.subList(0, 64), 32, cls);
            b32.embedAll(texts.subList(0, 64));
            System.out.printf(Locale.ROOT, "model=%s sentences=%d repeats=%d cores=%d%n", model, texts.size(), repeats,
                    Runtime.getRuntime().availableProcessors());
            System.out.println("rep,run,sentences_per_s");
            for (int r = 1; r <= repeats; r++) {
                report(r, "plain-ort-b1", texts.size(), time(() -> plain(env, session, tok, texts, 1, cls)));
                report(r, "emofuse-b1", texts.size(), time(() -> {
                    for (String t : texts) {
                        b1.embed(t);
                    }
                }));
                report(r, "plain-ort-b32-file-order", texts.size(), time(() -> plain(env, session, tok, texts, 32, cls)));
                report(r, "emofuse-b32-file-order", texts.size(), time(() -> b32.embedAll(texts, false)));
                report(r, "emofuse-b32-bulk-sorted", texts.size(), time(() -> b32.embedAll(texts)));
            }
        }
    }

    interface Job {
        void run() throws Exception;
    }

    static double time(Job j) throws Exception {
        long t0 = System.nanoTime();
        j.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    static void report(int rep, String name, int n, double seconds) {
        System.out.printf(Locale.ROOT, "%d,%s,%.1f%n", rep, name, n / seconds);
    }

    /** The anchor: plain ORT, batches in file order, padded by the tokenizer to the batch's longest. */
    static List<float[]> plain(OrtEnvironment env, OrtSession session, HuggingFaceTokenizer tok, List<String> texts,
                               int batch, boolean cls) throws Exception {
        List<float[]> out = new ArrayList<>(texts.size());
        boolean types = session.getInputNames().contains("token_type_ids");
        for (int from = 0; from < texts.size(); from += batch) {
            List<String> chunk = texts.subList(from, Math.min(texts.size(), from + batch));
            Encoding[] enc = tok.batchEncode(chunk);
            int b = enc.length;
            int len = enc[0].getIds().length;
            long[] ids = new long[b * len];
            long[] mask = new long[b * len];
            long[] tt = new long[b * len];
            for (int i = 0; i < b; i++) {
                System.arraycopy(enc[i].getIds(), 0, ids, i * len, len);
                System.arraycopy(enc[i].getAttentionMask(), 0, mask, i * len, len);
                System.arraycopy(enc[i].getTypeIds(), 0, tt, i * len, len);
            }
            long[] shape = {b, len};
            Map<String, OnnxTensor> in = new HashMap<>();
            in.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
            in.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
            if (types) {
                in.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(tt), shape));
            }
            try (OrtSession.Result res = session.run(in)) {
                float[] h = ((OnnxTensor) res.get(0)).getFloatBuffer().array();
                int dim = h.length / (b * len);
                for (int i = 0; i < b; i++) {
                    float[] v = new float[dim];
                    int n = 0;
                    for (int t = 0; t < len; t++) {
                        if (mask[i * len + t] == 0 || (cls && t > 0)) {
                            continue;
                        }
                        n++;
                        for (int d = 0; d < dim; d++) {
                            v[d] += h[(i * len + t) * dim + d];
                        }
                    }
                    double ss = 0;
                    for (int d = 0; d < dim; d++) {
                        v[d] /= n;
                        ss += v[d] * v[d];
                    }
                    for (int d = 0; d < dim; d++) {
                        v[d] /= (float) Math.sqrt(ss);
                    }
                    out.add(v);
                }
            } finally {
                in.values().forEach(OnnxTensor::close);
            }
        }
        return out;
    }

    static List<String> sentences(File csv, int n) throws Exception {
        List<String> out = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            while (it.hasNext() && out.size() < n) {
                out.add(it.next().get("text"));
            }
        }
        return out;
    }
}
