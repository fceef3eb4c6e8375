package io.gazette.search;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The static index's document numbers for the live documents of a Lucene index: <b>oldest first</b>
 * (by date, then by source descending, then url: exactly {@link SearchFields#ORDER} reversed), so
 * that a new article, the newest, takes the next number and no other document is renumbered; each
 * year is one run of numbers. A day's articles are ordered by their files, not their urls: a title
 * edit changes the slug, and ordered by url the article moved among the ~75 of its day on either
 * side, renumbering them all and so most of the static index's shards and the related lists; by
 * its file it keeps its number. Lucene's own document ids depend on segments and deletions; these
 * depend on the documents only, so any index holding the same documents numbers them the same.
 *
 * <p>Holds a url, a date and two ints per document, nothing of their text.
 */
public final class DocNumbering {
    private final int[] luceneOf;
    private final int[] numberOf;
    private final String[] urls;
    private final long[] dates;
    private final String[] hashes;

    private DocNumbering(int[] luceneOf, int[] numberOf, String[] urls, long[] dates, String[] hashes) {
        this.luceneOf = luceneOf;
        this.numberOf = numberOf;
        this.urls = urls;
        this.dates = dates;
        this.hashes = hashes;
    }

    private record Live(int doc, long date, String source, String url, String hash) {
    }

    /** {@link SearchFields#ORDER} reversed. */
    private static final Comparator<Live> OLDEST_FIRST = Comparator.comparingLong(Live::date)
            .thenComparing(Live::source, Comparator.reverseOrder())
            .thenComparing(Live::url, Comparator.reverseOrder());

    public static DocNumbering of(IndexReader reader) throws IOException {
        List<Live> live = new ArrayList<>(reader.numDocs());
        for (LeafReaderContext leaf : reader.leaves()) {
            Bits alive = leaf.reader().getLiveDocs();
            SortedDocValues urlValues = leaf.reader().getSortedDocValues(SearchFields.URL);
            NumericDocValues dateValues = leaf.reader().getNumericDocValues(SearchFields.DATE_SORT);
            BinaryDocValues hashValues = leaf.reader().getBinaryDocValues(SearchFields.HASH);
            SortedDocValues sourceValues = leaf.reader().getSortedDocValues(SearchFields.SOURCE);
            String[] urlOfOrd = urlValues == null ? null : valuesByOrd(urlValues);
            String[] sourceOfOrd = sourceValues == null ? null : valuesByOrd(sourceValues);
            for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                if ((alive != null && !alive.get(d)) || urlValues == null || !urlValues.advanceExact(d)) {
                    continue;
                }
                long date = dateValues != null && dateValues.advanceExact(d) ? dateValues.longValue() : SearchFields.NO_DATE;
                String hash = hashValues != null && hashValues.advanceExact(d) ? hashValues.binaryValue().utf8ToString() : "";
                String url = urlOfOrd[urlValues.ordValue()];
                String source = sourceValues != null && sourceValues.advanceExact(d) ? sourceOfOrd[sourceValues.ordValue()] : url;
                live.add(new Live(leaf.docBase + d, date, source, url, hash));
            }
        }
        live.sort(OLDEST_FIRST);
        int n = live.size();
        int[] luceneOf = new int[n];
        int[] numberOf = new int[reader.maxDoc()];
        Arrays.fill(numberOf, -1);
        String[] urls = new String[n];
        long[] dates = new long[n];
        String[] hashes = new String[n];
        for (int i = 0; i < n; i++) {
            Live doc = live.get(i);
            luceneOf[i] = doc.doc();
            numberOf[doc.doc()] = i;
            urls[i] = doc.url();
            dates[i] = doc.date();
            hashes[i] = doc.hash();
        }
        return new DocNumbering(luceneOf, numberOf, urls, dates, hashes);
    }

    /**
     * Every value of a segment's sorted doc values (urls, sources), by ord, read in one pass of its
     * terms: the dictionary is compressed in blocks, and looking each document's url up by ord
     * decompressed a block per document (1.4 s at 100,000 articles, twice in every preview search
     * follow-up). Urls and sources are unique, so the array is no bigger than the values themselves.
     */
    static String[] valuesByOrd(SortedDocValues values) throws IOException {
        String[] byOrd = new String[values.getValueCount()];
        TermsEnum terms = values.termsEnum();
        int ord = 0;
        for (BytesRef term = terms.next(); term != null && ord < byOrd.length; term = terms.next()) {
            byOrd[ord++] = term.utf8ToString();
        }
        if (ord != byOrd.length) {
            throw new IOException("the sorted doc values of a segment hold " + ord + " of their " + byOrd.length + " values");
        }
        return byOrd;
    }

    /** How many documents: numbers are {@code 0..size()-1}. */
    public int size() {
        return luceneOf.length;
    }

    /** The Lucene document id (of the reader this was made from) of a number. */
    int luceneDoc(int number) {
        return luceneOf[number];
    }

    /** The number of a Lucene document id, or -1 for a deleted document. */
    int number(int luceneDoc) {
        return numberOf[luceneDoc];
    }

    /** The url of document {@code number}. */
    public String url(int number) {
        return urls[number];
    }

    /** {@link SearchFields#dateKey} of a document: epoch day, or {@link SearchFields#NO_DATE}. */
    long dateKey(int number) {
        return dates[number];
    }

    /** The document's content hash (it changes whenever anything indexed about it does). */
    String contentHash(int number) {
        return hashes[number];
    }

    /** Every document in number order: what a second exporter (result passages) keys its files by. */
    public void forEach(Visitor visitor) throws IOException {
        for (int i = 0; i < urls.length; i++) {
            visitor.visit(i, urls[i]);
        }
    }

    /** Receives documents in number order. */
    @FunctionalInterface
    public interface Visitor {
        void visit(int number, String url) throws IOException;
    }
}
