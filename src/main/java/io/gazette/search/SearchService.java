package io.gazette.search;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.FixedBitSet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Searches the build-time index.
 *
 * <p>Ranking is a fixed order of tiers, the same one the browser client computes from the static
 * index (so the two agree exactly):
 * <ol>
 *   <li>phrase: one field holds every adjacent pair of query syllables (folded);</li>
 *   <li>how many query syllables occur with the query's exact diacritics;</li>
 *   <li>the strongest field holding the whole query (title &gt; tags &gt; summary &gt; category
 *       &gt; author &gt; body), as a phrase when tier 1 holds;</li>
 *   <li>newer date, then source, then url ({@link SearchFields#ORDER}).</li>
 * </ol>
 * A document matches when it holds every query syllable (folded) in some field.
 */
public final class SearchService implements AutoCloseable {
    private static final int FIELDS = SearchFields.TEXT_FIELDS.size();

    private final Directory directory;
    private DirectoryReader reader;
    private IndexSearcher searcher;

    private SearchService(Directory directory) throws IOException {
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
    }

    /** Opens the index; throws {@link java.nio.file.NoSuchFileException} when there is none. */
    public static SearchService open(Path indexDir) throws IOException {
        if (!exists(indexDir)) {
            throw new java.nio.file.NoSuchFileException(indexDir.toString(), null, "no search index");
        }
        return new SearchService(FSDirectory.open(indexDir));
    }

    /** Whether there is an index of the current layout (an older Gazette's index counts as none). */
    public static boolean exists(Path indexDir) throws IOException {
        if (!Files.isDirectory(indexDir)) {
            return false;
        }
        try (Directory dir = FSDirectory.open(indexDir)) {
            return SearchIndexer.hasCurrentSchema(dir);
        }
    }

    /** Sees changes committed since opening (preview server); cheap when nothing changed. */
    public synchronized void refresh() throws IOException {
        DirectoryReader newer = DirectoryReader.openIfChanged(reader);
        if (newer != null) {
            reader.close();
            reader = newer;
            searcher = new IndexSearcher(reader);
        }
    }

    public List<SearchHit> search(String query, int limit) throws IOException {
        return search(query, SearchFilter.NONE, 0, limit).hits();
    }

    /**
     * One page of results. An empty query with a filter lists the filtered documents newest first;
     * an empty query without one finds nothing.
     */
    public synchronized SearchResults search(String query, SearchFilter filter, int offset, int limit) throws IOException {
        ParsedQuery parsed = ParsedQuery.parse(query);
        SearchFilter f = filter == null ? SearchFilter.NONE : filter;
        if (parsed.isEmpty() && f.isEmpty()) {
            return new SearchResults(0, List.of());
        }
        int maxDoc = reader.maxDoc();
        FixedBitSet candidates = matches(parsed, f, maxDoc);
        int[] docs = toArray(candidates);
        long[] keys = rankKeys(parsed, docs, maxDoc);
        long[] dates = new long[maxDoc];
        String[] sources = new String[maxDoc];
        String[] urls = new String[maxDoc];
        loadSortValues(candidates, dates, sources, urls);

        Integer[] order = new Integer[docs.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingLong(i -> keys[i]).reversed()
                .thenComparing(Comparator.<Integer>comparingLong(i -> dates[docs[i]]).reversed())
                .thenComparing(i -> sources[docs[i]])
                .thenComparing(i -> urls[docs[i]]));

        Set<String> terms = new LinkedHashSet<>(parsed.unigrams());
        StoredFields stored = reader.storedFields();
        List<SearchHit> hits = new ArrayList<>();
        for (int i = Math.max(0, offset); i < order.length && hits.size() < limit; i++) {
            hits.add(hit(stored.document(docs[order[i]]), terms));
        }
        return new SearchResults(docs.length, hits);
    }

    private FixedBitSet matches(ParsedQuery parsed, SearchFilter filter, int maxDoc) throws IOException {
        FixedBitSet result = null;
        for (String unigram : parsed.unigrams()) {
            BooleanQuery.Builder anyField = new BooleanQuery.Builder();
            for (String field : SearchFields.TEXT_FIELDS) {
                anyField.add(new TermQuery(new Term(SearchFields.folded(field), unigram)), BooleanClause.Occur.SHOULD);
            }
            result = and(result, collect(anyField.build(), maxDoc));
        }
        if (filter.tag() != null && !VietnameseTokens.tagKey(filter.tag()).isEmpty()) {
            result = and(result, collect(new TermQuery(new Term(SearchFields.TAG_KEY, VietnameseTokens.tagKey(filter.tag()))), maxDoc));
        }
        if (filter.year() != null) {
            result = and(result, collect(new TermQuery(new Term(SearchFields.YEAR, filter.year().toString())), maxDoc));
        }
        return result;
    }

    /** One long per candidate: phrase, exact count and field packed so that bigger ranks higher. */
    private long[] rankKeys(ParsedQuery parsed, int[] docs, int maxDoc) throws IOException {
        long[] keys = new long[docs.length];
        if (parsed.isEmpty()) {
            return keys;
        }
        FixedBitSet[][] unigramIn = new FixedBitSet[parsed.unigrams().size()][FIELDS];
        for (int u = 0; u < unigramIn.length; u++) {
            for (int f = 0; f < FIELDS; f++) {
                String field = SearchFields.folded(SearchFields.TEXT_FIELDS.get(f));
                unigramIn[u][f] = collect(new TermQuery(new Term(field, parsed.unigrams().get(u))), maxDoc);
            }
        }
        FixedBitSet[][] bigramIn = new FixedBitSet[parsed.bigrams().size()][FIELDS];
        for (int b = 0; b < bigramIn.length; b++) {
            // A two-syllable phrase is one term of the pair field: the one the static index ships.
            for (int f = 0; f < FIELDS; f++) {
                String field = SearchFields.pairs(SearchFields.TEXT_FIELDS.get(f));
                bigramIn[b][f] = collect(new TermQuery(new Term(field, parsed.bigrams().get(b))), maxDoc);
            }
        }
        FixedBitSet[] exactIn = new FixedBitSet[parsed.exacts().size()];
        for (int e = 0; e < exactIn.length; e++) {
            exactIn[e] = collect(new TermQuery(new Term(SearchFields.EXACT, parsed.exacts().get(e))), maxDoc);
        }
        for (int i = 0; i < docs.length; i++) {
            int doc = docs[i];
            int phraseField = -1;
            int allField = -1;
            for (int f = 0; f < FIELDS; f++) {
                if (phraseField < 0 && !parsed.bigrams().isEmpty() && allSet(bigramIn, f, doc)) {
                    phraseField = f;
                }
                if (allField < 0 && allSet(unigramIn, f, doc)) {
                    allField = f;
                }
            }
            boolean phrase = parsed.bigrams().isEmpty() || phraseField >= 0;
            int bestField = parsed.bigrams().isEmpty() ? allField : phraseField >= 0 ? phraseField : allField;
            int exact = 0;
            for (FixedBitSet set : exactIn) {
                if (set.get(doc)) {
                    exact++;
                }
            }
            keys[i] = rankKey(phrase, exact, bestField);
        }
        return keys;
    }

    /** Same packing as search.js: phrase ≫ exact count ≫ field strength. */
    static long rankKey(boolean phrase, int exactCount, int fieldIndex) {
        int fieldStrength = fieldIndex < 0 ? 0 : SearchFields.weight(fieldIndex) + 1;
        return (phrase ? 1L << 40 : 0) + ((long) exactCount << 8) + fieldStrength;
    }

    private static boolean allSet(FixedBitSet[][] sets, int field, int doc) {
        for (FixedBitSet[] perField : sets) {
            if (!perField[field].get(doc)) {
                return false;
            }
        }
        return true;
    }

    private void loadSortValues(FixedBitSet candidates, long[] dates, String[] sources, String[] urls) throws IOException {
        for (LeafReaderContext leaf : reader.leaves()) {
            NumericDocValues dateValues = leaf.reader().getNumericDocValues(SearchFields.DATE_SORT);
            SortedDocValues sourceValues = leaf.reader().getSortedDocValues(SearchFields.SOURCE);
            SortedDocValues urlValues = leaf.reader().getSortedDocValues(SearchFields.URL);
            int max = leaf.reader().maxDoc();
            for (int d = 0; d < max; d++) {
                int global = leaf.docBase + d;
                if (!candidates.get(global)) {
                    continue;
                }
                dates[global] = dateValues != null && dateValues.advanceExact(d) ? dateValues.longValue() : SearchFields.NO_DATE;
                sources[global] = sourceValues != null && sourceValues.advanceExact(d)
                        ? sourceValues.lookupOrd(sourceValues.ordValue()).utf8ToString() : "";
                urls[global] = urlValues != null && urlValues.advanceExact(d) ? urlValues.lookupOrd(urlValues.ordValue()).utf8ToString() : "";
            }
        }
    }

    private SearchHit hit(Document doc, Set<String> terms) {
        String title = doc.get("title") == null ? "" : Snippets.collapse(doc.get("title"));
        String body = Snippets.collapse(doc.get("body"));
        String summary = Snippets.collapse(doc.get("summary"));
        Snippets.Passage passage = terms.isEmpty() ? null : Snippets.around(body, terms, Snippets.DEFAULT_LENGTH);
        if (passage == null && !summary.isEmpty()) {
            passage = Snippets.whole(Snippets.lead(summary, Snippets.DEFAULT_LENGTH), terms);
        }
        if (passage == null) {
            passage = Snippets.whole(Snippets.lead(body, Snippets.DEFAULT_LENGTH), terms);
        }
        String date = doc.get(SearchFields.DATE);
        return new SearchHit(doc.get(SearchFields.URL), title, date == null ? null : LocalDate.parse(date),
                List.of(doc.getValues("tags")), passage.text(), passage.highlights(),
                Snippets.whole(title, terms).highlights());
    }

    private FixedBitSet collect(Query query, int maxDoc) throws IOException {
        FixedBitSet bits = new FixedBitSet(Math.max(1, maxDoc));
        searcher.search(query, new SimpleCollector() {
            private int base;

            @Override
            protected void doSetNextReader(LeafReaderContext context) {
                base = context.docBase;
            }

            @Override
            public void collect(int doc) {
                bits.set(base + doc);
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        });
        return bits;
    }

    private static FixedBitSet and(FixedBitSet acc, FixedBitSet next) {
        if (acc == null) {
            return next;
        }
        acc.and(next);
        return acc;
    }

    private static int[] toArray(FixedBitSet bits) {
        if (bits == null) {
            return new int[0];
        }
        int[] out = new int[bits.cardinality()];
        int n = 0;
        for (int d = bits.nextSetBit(0); d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS;
             d = d + 1 < bits.length() ? bits.nextSetBit(d + 1) : org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS) {
            out[n++] = d;
        }
        return out;
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            reader.close();
        } finally {
            directory.close();
        }
    }
}
