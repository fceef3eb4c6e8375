package io.gazette.search;

import org.apache.lucene.analysis.tokenattributes.BytesTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One document's related-article features read back from the index without term vectors: its
 * stored title, summary, body and tags analyzed again as {@link SearchFields#toLucene} analyzed
 * them (the same scan, the same pair counter), so the pairs and frequencies are the indexed ones.
 * A few documents an edit, never the archive ({@link RelatedUpdate}).
 *
 * @param pairs pair term → tf, the title's occurrences counted {@link RelatedWeights#TITLE_WEIGHT} times
 * @param tags  the document's tag keys
 */
record DocTerms(Map<BytesRef, Integer> pairs, Set<BytesRef> tags) {
    /** The stored fields whose pairs are features, with their weights (as {@link RelatedArticles}' pair fields). */
    private static final List<String> FIELDS = List.of("title", "summary", "body");
    private static final int[] WEIGHTS = {RelatedWeights.TITLE_WEIGHT, 1, 1};
    private static final Set<String> READ = Set.of("title", "summary", "body", "tags");

    static DocTerms read(StoredFields stored, int luceneDoc) throws IOException {
        return read(stored, luceneDoc, newCounter());
    }

    /** A pair counter for {@link #read(StoredFields, int, SyllableTokens.Counter)}: one a thread. */
    static SyllableTokens.Counter newCounter() {
        return new SyllableTokens.Counter(SyllableTokens.Form.PAIRS);
    }

    /**
     * Same, counting with {@code counter} (from {@link #newCounter}, empty again when this returns):
     * an update reads ~40 documents, and a counter's tables, grown to the syllables' numbers each
     * time, were 7 MB of an add's garbage.
     */
    static DocTerms read(StoredFields stored, int luceneDoc, SyllableTokens.Counter counter) throws IOException {
        Document doc = stored.document(luceneDoc, READ);
        Map<BytesRef, Integer> pairs = new HashMap<>();
        for (int f = 0; f < FIELDS.size(); f++) {
            String[] values = doc.getValues(FIELDS.get(f));
            if (values.length == 0) {
                continue;
            }
            for (String value : values) {
                counter.startValue();
                VietnameseTokens.scan(value, (start, end, forms) -> counter.add(forms));
            }
            if (counter.isEmpty()) {
                continue;
            }
            try (SyllableTokens tokens = counter.drain()) {
                BytesTermAttribute term = tokens.getAttribute(BytesTermAttribute.class);
                TermFrequencyAttribute frequency = tokens.getAttribute(TermFrequencyAttribute.class);
                tokens.reset();
                int weight = WEIGHTS[f];
                while (tokens.incrementToken()) {
                    pairs.merge(BytesRef.deepCopyOf(term.getBytesRef()), weight * frequency.getTermFrequency(), Integer::sum);
                }
                tokens.end();
            }
        }
        Set<BytesRef> tags = new LinkedHashSet<>();
        for (String tag : doc.getValues("tags")) {
            String key = VietnameseTokens.tagKey(tag);
            if (!key.isEmpty()) {
                tags.add(new BytesRef(key));
            }
        }
        return new DocTerms(pairs, tags);
    }
}
