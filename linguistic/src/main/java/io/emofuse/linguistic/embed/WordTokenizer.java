package io.emofuse.linguistic.embed;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into words for the word-vector models (word2vec, GloVe).
 *
 * <ul>
 *   <li>Text is NFKC-normalised and curly apostrophes become {@code '}.</li>
 *   <li>A word is a run of letters and digits, possibly joined by inner apostrophes or hyphens
 *       ({@code don't}, {@code e-mail}); all other characters (punctuation, symbols, spaces) separate
 *       words and are dropped, so punctuation never contributes a vector.</li>
 *   <li>Case is kept here; {@link WordVectorTable#lookup} tries the word as written, then lower-cased.</li>
 * </ul>
 */
public final class WordTokenizer {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['\\-][\\p{L}\\p{N}]+)*");

    private WordTokenizer() {
    }

    public static List<String> words(String text) {
        String norm = Normalizer.normalize(text, Normalizer.Form.NFKC).replace('\u2019', '\'').replace('\u2018', '\'');
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(norm);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Words lower-cased and joined by single spaces: the form a word2vec corpus is trained on. */
    public static String normalizedLine(String text) {
        return String.join(" ", words(text)).toLowerCase(Locale.ROOT);
    }
}
