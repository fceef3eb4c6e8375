package io.gazette.search;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.IndexOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The static index keys one document is in, each with the mask of the fields holding it there
 * (syllables, pairs, prefixes; 1 for spellings, tags, categories): what an export in proportion
 * to the edit rewrites for a changed document, its old version's and its new one's. Made from
 * the very Lucene document {@link SearchFields#toLucene} indexes, by reading its token streams, so
 * the keys are the terms Lucene holds for it, and the prefixes the full export makes from them.
 */
final class DocKeys {
    /** Marks of the key kinds (see {@link StaticIndexExporter}); syllables and pairs have none. */
    static final char PREFIX = '>';
    static final char SPELLING = '=';
    static final char TAG = '#';
    static final char CATEGORY = '@';

    /** Only for the token streams of untokenized fields, which it does not analyze. */
    private static final org.apache.lucene.analysis.Analyzer ANALYZER = SearchFields.analyzer();

    private DocKeys() {
    }

    /** Key → field mask of {@code doc}. */
    static Map<String, Integer> of(SearchDocument doc) {
        Document lucene = SearchFields.toLucene(doc);
        Map<String, Integer> keys = new HashMap<>();
        for (int f = 0; f < SearchFields.TEXT_FIELDS.size(); f++) {
            String field = SearchFields.TEXT_FIELDS.get(f);
            int bit = 1 << f;
            for (String syllable : terms(lucene, SearchFields.folded(field))) {
                keys.merge(syllable, bit, (a, b) -> a | b);
                for (int end = 2; end < syllable.length(); end++) {
                    if (Character.isHighSurrogate(syllable.charAt(end - 1))) {
                        continue; // never split a character, as the full export does not
                    }
                    keys.merge(PREFIX + syllable.substring(0, end), bit, (a, b) -> a | b);
                }
            }
            for (String pair : terms(lucene, SearchFields.pairs(field))) {
                keys.merge(pair, bit, (a, b) -> a | b);
            }
        }
        for (String spelling : terms(lucene, SearchFields.EXACT)) {
            keys.put(SPELLING + spelling, 1);
        }
        for (String tag : terms(lucene, SearchFields.TAG_KEY)) {
            keys.put(TAG + tag, 1);
        }
        for (String category : terms(lucene, SearchFields.CATEGORY_KEY)) {
            keys.put(CATEGORY + category, 1);
        }
        return keys;
    }

    /** The distinct terms Lucene indexes for {@code field} of {@code doc}. */
    private static java.util.Set<String> terms(Document doc, String field) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (IndexableField f : doc.getFields(field)) {
            if (f.fieldType().indexOptions() == IndexOptions.NONE) {
                continue;
            }
            try (TokenStream tokens = f.tokenStream(ANALYZER, null)) {
                TermToBytesRefAttribute term = tokens.addAttribute(TermToBytesRefAttribute.class);
                tokens.reset();
                while (tokens.incrementToken()) {
                    out.add(term.getBytesRef().utf8ToString());
                }
                tokens.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** The kind of a key, from its form: syllables hold letters and digits only, pairs a space. */
    enum Kind {
        SYLLABLE, PAIR, PREFIX, SPELLING, TAG, CATEGORY;

        static Kind of(String key) {
            char mark = key.charAt(0);
            if (mark == DocKeys.PREFIX) {
                return PREFIX;
            } else if (mark == DocKeys.SPELLING) {
                return SPELLING;
            } else if (mark == DocKeys.TAG) {
                return TAG;
            } else if (mark == DocKeys.CATEGORY) {
                return CATEGORY;
            }
            return key.indexOf(' ') >= 0 ? PAIR : SYLLABLE;
        }
    }
}
