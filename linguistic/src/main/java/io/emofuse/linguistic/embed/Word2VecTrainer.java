package io.emofuse.linguistic.embed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.models.word2vec.Word2Vec;
import org.deeplearning4j.text.sentenceiterator.CollectionSentenceIterator;
import org.deeplearning4j.text.tokenization.tokenizerfactory.DefaultTokenizerFactory;

/**
 * Trains word2vec (skip-gram, negative sampling off, hierarchical softmax: DL4J's defaults) with
 * Deeplearning4j on a corpus of one sentence per line. Lines are tokenised by {@link WordTokenizer}
 * and lower-cased first, so the vocabulary matches what {@link WordVectorEmbedder} looks up.
 */
public final class Word2VecTrainer {

    /**
     * @param dimension vector length
     * @param window    context words on each side
     * @param minCount  words seen fewer times are left out
     * @param epochs    passes over the corpus
     * @param seed      random seed
     * @param workers   training threads
     */
    public record Settings(int dimension, int window, int minCount, int epochs, long seed, int workers) {
        public Settings {
            if (dimension < 1 || window < 1 || minCount < 1 || epochs < 1 || workers < 1) {
                throw new IllegalArgumentException("word2vec settings must be positive: " + this);
            }
        }

        public static Settings defaults() {
            return new Settings(100, 5, 5, 5, 42, Math.max(1, Runtime.getRuntime().availableProcessors()));
        }
    }

    private Word2VecTrainer() {
    }

    /** Trains on a UTF-8 text file, one sentence (or document) per line. */
    public static WordVectorTable train(Path corpus, Settings s) throws IOException {
        return train(WordVectorFormats.lines(corpus), s);
    }

    public static WordVectorTable train(List<String> sentences, Settings s) {
        List<String> lines = sentences.stream().map(WordTokenizer::normalizedLine).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("the corpus has no words to train on");
        }
        Word2Vec vec = new Word2Vec.Builder()
                .layerSize(s.dimension())
                .windowSize(s.window())
                .minWordFrequency(s.minCount())
                .epochs(s.epochs())
                .iterations(1)
                .seed(s.seed())
                .workers(s.workers())
                .iterate(new CollectionSentenceIterator(lines))
                .tokenizerFactory(new DefaultTokenizerFactory())
                .build();
        vec.fit();
        if (vec.getVocab().numWords() == 0) {
            throw new IllegalArgumentException("no word occurs at least " + s.minCount() + " times in the corpus");
        }
        return WordVectorFormats.toTable(vec, null);
    }
}
