package io.emofuse.linguistic.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.emofuse.linguistic.TextEmbedder;
import io.emofuse.linguistic.TextEmbedders;
import io.emofuse.linguistic.testsupport.SharedCorpora;
import io.emofuse.linguistic.models.ModelStore;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordVectorsTest {

    private static final ModelStore STORE = ModelStore.fromEnvironment();

    /** A Google binary file built here byte by byte from the format's definition. */
    private static byte[] handWrittenBinary() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("3 4\n".getBytes(StandardCharsets.US_ASCII));
        Object[][] rows = {
            {"happy", new float[] {1f, 0.5f, -2f, 3.25f}},
            {"sad", new float[] {-1f, 0f, 1e-3f, 7f}},
            {"café", new float[] {0.1f, 0.2f, 0.3f, 0.4f}},
        };
        for (Object[] r : rows) {
            out.writeBytes(((String) r[0]).getBytes(StandardCharsets.UTF_8));
            out.write(' ');
            ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            for (float f : (float[]) r[1]) {
                b.putFloat(f);
            }
            out.writeBytes(b.array());
            out.write('\n');
        }
        return out.toByteArray();
    }

    @Test
    void readsAGoogleBinaryFileWrittenToTheSpecification(@TempDir Path tmp) throws Exception {
        Path f = Files.write(tmp.resolve("tiny.bin"), handWrittenBinary());
        assertEquals(WordVectorFormats.Format.GOOGLE_BINARY, WordVectorFormats.sniff(f));
        WordVectorTable t = WordVectorFormats.read(f);
        assertEquals(3, t.size());
        assertEquals(4, t.dimension());
        assertArrayEquals(new float[] {1f, 0.5f, -2f, 3.25f}, t.get("happy"));
        assertArrayEquals(new float[] {-1f, 0f, 1e-3f, 7f}, t.get("sad"));
        assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f, 0.4f}, t.get("café"));
        // and our writer produces exactly those bytes
        Path again = tmp.resolve("again.bin");
        WordVectorFormats.writeGoogleBinary(t, again);
        assertArrayEquals(handWrittenBinary(), Files.readAllBytes(again));
        // the embedder: mean of the known words, case folded, punctuation and OOV words dropped
        try (TextEmbedder e = TextEmbedders.create("word2vec:" + f, STORE)) {
            assertArrayEquals(new float[] {0f, 0.25f, -0.9995f, 5.125f}, e.embed("Happy, SAD!! unknownword"), 1e-6f);
            assertArrayEquals(new float[4], e.embed("nothing known here"));
            assertEquals(2, e.sequence("happy... sad?").length);
        }
    }

    @Test
    void trainsOnEmoBankWritesBothFormatsAndReadsThemBack(@TempDir Path tmp) throws Exception {
        List<String> corpus = SharedCorpora.emobankSentences(3000);
        WordVectorTable trained = Word2VecTrainer.train(corpus, new Word2VecTrainer.Settings(16, 5, 5, 1, 7, 2));
        assertTrue(trained.size() > 500, "vocabulary " + trained.size());
        assertNotNull(trained.get("the"));
        assertNull(trained.get("The"), "training lower-cases");
        Path bin = tmp.resolve("emobank.bin");
        Path txt = tmp.resolve("emobank.txt");
        WordVectorFormats.writeGoogleBinary(trained, bin);
        WordVectorFormats.writeText(trained, txt);
        assertTrue(Files.readString(txt).startsWith(trained.size() + " 16\n"));
        assertEquals(WordVectorFormats.Format.TEXT, WordVectorFormats.sniff(txt));
        WordVectorTable fromBin = WordVectorFormats.read(bin);
        WordVectorTable fromTxt = WordVectorFormats.read(txt);
        assertEquals(trained.vectors().keySet(), fromBin.vectors().keySet());
        assertEquals(trained.vectors().keySet(), fromTxt.vectors().keySet());
        for (Map.Entry<String, float[]> e : trained.vectors().entrySet()) {
            assertArrayEquals(e.getValue(), fromBin.get(e.getKey()), e.getKey());
            assertArrayEquals(e.getValue(), fromTxt.get(e.getKey()), e.getKey());
        }
    }

    @Test
    void readsGloveTextWithoutHeader() throws Exception {
        Path glove = SharedCorpora.root().resolve("wordvec/glove.6B.100d.top2604.txt");
        WordVectorTable t = WordVectorFormats.readText(glove);
        assertEquals(2604, t.size());
        assertEquals(100, t.dimension());
        // independent parse of three lines of the file
        for (String line : Files.readAllLines(glove).subList(0, 3)) {
            String[] f = line.split(" ");
            float[] v = new float[100];
            for (int i = 0; i < 100; i++) {
                v[i] = Float.parseFloat(f[i + 1]);
            }
            assertArrayEquals(v, t.get(f[0]), f[0]);
        }
        assertEquals(-0.038194f, t.get("the")[0]);
        // GloVe keeps clitics apart: "don't" is "do" + "n't"
        assertEquals(List.of(t.get("do"), t.get("n't")), t.lookup("Don't"));
        try (TextEmbedder e = TextEmbedders.create("glove:" + glove, STORE)) {
            float[] v = e.embed("The HAPPY, happy day!");
            for (int d = 0; d < 100; d++) {
                float expect = (t.get("the")[d] + 2 * t.get("happy")[d] + t.get("day")[d]) / 4;
                assertEquals(expect, v[d], 1e-6, "dim " + d);
            }
        }
    }

    @Test
    void badFilesAreClearErrors(@TempDir Path tmp) throws Exception {
        UncheckedIOException missing = assertThrows(UncheckedIOException.class,
                () -> TextEmbedders.create("glove:" + tmp.resolve("nope.txt"), STORE));
        assertTrue(missing.getCause() instanceof NoSuchFileException);
        assertThrows(IllegalArgumentException.class, () -> TextEmbedders.create("word2vec:", STORE));
        assertThrows(IllegalArgumentException.class,
                () -> new WordVectorEmbedder("x", new WordVectorTable(Map.of(), 3), Pooling.CLS));
    }

    @Test
    void tokenizerDropsPunctuationAndKeepsInnerApostrophes() {
        assertEquals(List.of("I", "can't", "believe", "it", "e-mail", "2026"),
                WordTokenizer.words("“I can’t believe it!” — e-mail, 2026..."));
    }
}
