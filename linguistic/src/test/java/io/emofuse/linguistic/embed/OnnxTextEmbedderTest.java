package io.emofuse.linguistic.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.emofuse.linguistic.TextEmbedder;
import io.emofuse.linguistic.TextEmbedders;
import io.emofuse.linguistic.testsupport.SharedCorpora;
import io.emofuse.linguistic.models.ModelStore;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Vectors against ones computed here directly with ONNX Runtime's Java API, one sentence at a time. */
class OnnxTextEmbedderTest {

    private static final ModelStore STORE = ModelStore.fromEnvironment();
    private static List<String> sentences;

    @BeforeAll
    static void data() {
        List<String> s = new ArrayList<>(SharedCorpora.emobankSentences(40));
        // lengths from one token to a long one, non-ASCII, and an empty text
        s.add("");
        s.add("Wow!");
        s.add("“I can’t believe it,” she said — naïvely.");
        sentences = s;
    }

    /** The reference: plain ORT session, HF tokenizer, unpadded single input, pooling written out here. */
    static float[] reference(OrtEnvironment env, OrtSession session, HuggingFaceTokenizer tok, String text, boolean cls)
            throws Exception {
        Encoding e = tok.encode(text);
        long[] shape = {1, e.getIds().length};
        Map<String, OnnxTensor> in = new HashMap<>();
        in.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(e.getIds()), shape));
        in.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(e.getAttentionMask()), shape));
        if (session.getInputNames().contains("token_type_ids")) {
            in.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(e.getTypeIds()), shape));
        }
        try (OrtSession.Result r = session.run(in)) {
            float[][] h = ((float[][][]) r.get(0).getValue())[0];
            float[] v = new float[h[0].length];
            if (cls) {
                v = h[0].clone();
            } else {
                for (float[] row : h) {
                    for (int d = 0; d < v.length; d++) {
                        v[d] += row[d] / h.length;
                    }
                }
            }
            double n = 0;
            for (float x : v) {
                n += x * x;
            }
            for (int d = 0; d < v.length; d++) {
                v[d] /= (float) Math.sqrt(n);
            }
            return v;
        } finally {
            in.values().forEach(OnnxTensor::close);
        }
    }

    private static void assertSameAsPlainOrt(String spec, String onnx, String tokenizer, boolean cls) throws Exception {
        assertSameAsPlainOrt(spec, onnx, tokenizer, cls, "");
    }

    /** {@code prefix}: what the model expects before every text; the reference puts it there by hand. */
    private static void assertSameAsPlainOrt(String spec, String onnx, String tokenizer, boolean cls, String prefix)
            throws Exception {
        Path dir = STORE.resolve(spec);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (TextEmbedder emb = TextEmbedders.create(spec, STORE, TextEmbedders.Options.defaults().withBatchSize(8));
             OrtSession session = env.createSession(dir.resolve(onnx).toString(), new OrtSession.SessionOptions());
             HuggingFaceTokenizer tok = HuggingFaceTokenizer.newInstance(dir.resolve(tokenizer))) {
            assertEquals(384, emb.dimension());
            List<float[]> bulk = emb.embedAll(sentences);
            for (int i = 0; i < sentences.size(); i++) {
                float[] ref = reference(env, session, tok, prefix + sentences.get(i), cls);
                assertClose(ref, bulk.get(i), spec + " bulk #" + i);
                if (i % 10 == 0) {
                    assertClose(ref, emb.embed(sentences.get(i)), spec + " single #" + i);
                }
            }
        }
    }

    static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int d = 0; d < expected.length; d++) {
            assertEquals(expected[d], actual[d], 1e-4, what + " dim " + d);
        }
    }

    /** Calls from many threads at once run on predictors of their own and give the serial results bit for bit. */
    @Test
    void concurrentCallsGiveTheSerialVectors() throws Exception {
        try (TextEmbedder emb = TextEmbedders.create("minilm", STORE, TextEmbedders.Options.defaults().withThreads(1))) {
            List<float[]> serial = new ArrayList<>();
            for (String t : sentences) {
                serial.add(emb.embed(t));
            }
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<float[]>> got = new ArrayList<>();
                for (int round = 0; round < 3; round++) {
                    for (String t : sentences) {
                        got.add(pool.submit(() -> emb.embed(t)));
                    }
                }
                for (int k = 0; k < got.size(); k++) {
                    org.junit.jupiter.api.Assertions.assertArrayEquals(serial.get(k % sentences.size()), got.get(k).get(),
                            "sentence " + (k % sentences.size()));
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Test
    void miniLmEqualsPlainOnnxRuntimeMeanPooling() throws Exception {
        assertSameAsPlainOrt("minilm", "all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json", false);
    }

    @Test
    void bgeSmallEqualsPlainOnnxRuntimeClsPooling() throws Exception {
        assertSameAsPlainOrt("bge-small", "bge-small-en-v1.5.onnx", "bge-small-en-v1.5-tokenizer.json", true);
    }

    @Test
    void e5SmallEqualsPlainOnnxRuntimeMeanPoolingWithQueryPrefix() throws Exception {
        assertSameAsPlainOrt("e5-small", "e5-small-v2.onnx", "e5-small-v2-tokenizer.json", false, "query: ");
    }

    /** {@code @pooling} in a spec picks the pooling, as Options.withPooling does; the id keeps the suffix. */
    @Test
    void poolingSuffixInTheSpec() {
        String text = sentences.get(5);
        try (TextEmbedder suffixed = TextEmbedders.create("bge-small@mean", STORE);
             TextEmbedder optioned = TextEmbedders.create("bge-small", STORE,
                     TextEmbedders.Options.defaults().withPooling(Pooling.MEAN));
             TextEmbedder cls = TextEmbedders.create("bge-small", STORE)) {
            assertEquals("bge-small@mean", suffixed.id());
            assertClose(optioned.embed(text), suffixed.embed(text), "bge-small@mean");
            assertTrue(dot(cls.embed(text), suffixed.embed(text)) < 0.999, "mean and CLS pooling differ");
        }
        assertThrows(IllegalArgumentException.class, () -> TextEmbedders.create("bge-small@median", STORE));
    }

    /** A concatenation: each part's vector side by side, in the order named, for single and bulk calls. */
    @Test
    void concatenationJoinsThePartsInOrder() {
        List<String> some = sentences.subList(0, 12);
        try (TextEmbedder both = TextEmbedders.create(" bge-small + e5-small ", STORE);
             TextEmbedder bge = TextEmbedders.create("bge-small", STORE);
             TextEmbedder e5 = TextEmbedders.create("e5-small", STORE)) {
            assertEquals("bge-small+e5-small", both.id());
            assertEquals(768, both.dimension());
            List<float[]> bulk = both.embedAll(some);
            for (int i = 0; i < some.size(); i++) {
                float[] expected = ConcatTextEmbedder.join(List.of(bge.embed(some.get(i)), e5.embed(some.get(i))));
                assertClose(expected, bulk.get(i), "bulk #" + i);
                assertClose(expected, both.embed(some.get(i)), "single #" + i);
            }
            assertThrows(UnsupportedOperationException.class, () -> both.sequence("tokens do not line up"));
        }
        assertEquals(List.of("minilm", "glove:x.txt@max"), TextEmbedders.parts("minilm+glove:x.txt@max"));
        assertEquals(List.of("bge-small"), TextEmbedders.parts("bge-small"));
        assertThrows(IllegalArgumentException.class, () -> TextEmbedders.parts("bge-small+"));
        assertThrows(IllegalArgumentException.class, () -> TextEmbedders.create("bge-small+bert-huge", STORE));
    }

    @Test
    void userOnnxDirectoryAndPoolingOverride(@TempDir Path tmp) throws Exception {
        Path dir = STORE.resolve("minilm");
        Path user = Files.createDirectory(tmp.resolve("my-encoder"));
        Files.createSymbolicLink(user.resolve("model.onnx"), dir.resolve("all-minilm-l6-v2.onnx"));
        Files.createSymbolicLink(user.resolve("tokenizer.json"), dir.resolve("all-minilm-l6-v2-tokenizer.json"));
        String text = sentences.get(3);
        try (TextEmbedder builtin = TextEmbedders.create("minilm", STORE);
             TextEmbedder mine = TextEmbedders.create("onnx:" + user, STORE);
             TextEmbedder maxPooled = TextEmbedders.create("onnx:" + user, STORE,
                     TextEmbedders.Options.defaults().withPooling(Pooling.MAX))) {
            assertClose(builtin.embed(text), mine.embed(text), "onnx:DIR");
            float[][] seq = builtin.sequence(text);
            float[] max = new float[seq[0].length];
            java.util.Arrays.fill(max, Float.NEGATIVE_INFINITY);
            for (float[] row : seq) {
                for (int d = 0; d < max.length; d++) {
                    max[d] = Math.max(max[d], row[d]);
                }
            }
            assertClose(Pooling.l2Normalize(max), maxPooled.embed(text), "max pooling");
        }
        assertThrows(IllegalArgumentException.class, () -> TextEmbedders.create("onnx:" + tmp, STORE));
        assertThrows(IllegalArgumentException.class, () -> TextEmbedders.create("bert-huge", STORE));
    }

    @Test
    void similarMeaningsAreCloser() {
        try (TextEmbedder e = TextEmbedders.create("minilm", STORE)) {
            float[] happy = e.embed("I am so happy today, this is wonderful.");
            float[] glad = e.embed("What a joyful, delightful day!");
            float[] tax = e.embed("The quarterly tax filing deadline was moved.");
            assertTrue(dot(happy, glad) > dot(happy, tax) + 0.1, dot(happy, glad) + " vs " + dot(happy, tax));
            assertEquals(1.0, dot(happy, happy), 1e-5);
        }
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
