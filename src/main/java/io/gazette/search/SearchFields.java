package io.gazette.search;

import io.gazette.text.VietnameseText;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.BytesTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The index schema shared by the indexer, the searcher and the static exporter. Each text field is
 * indexed folded with positions ({@code <name>_f}, phrases); the exact spellings of all fields go
 * to one {@code exact} field (presence only); title, tags, summary and body are stored (original
 * NFC text, for snippets).
 */
public final class SearchFields {
    /** Searchable fields, strongest first: a match in an earlier field ranks higher. */
    public static final List<String> TEXT_FIELDS = List.of("title", "tags", "summary", "category", "author", "body");

    static final String URL = "url";
    static final String DATE = "date";
    static final String DATE_SORT = "date_sort";
    static final String YEAR = "year";
    static final String TAG_KEY = "tag";
    static final String HASH = "hash";
    /** Every exact spelling of a document, whatever the field: ranking counts presence only. */
    static final String EXACT = "exact";
    /** Fields whose text search shows (title, tags, snippets); the others are searched only. */
    static final List<String> STORED_FIELDS = List.of("title", "tags", "summary", "body");
    /**
     * Version of the index layout, kept in the commit: an index of another layout is rebuilt by a
     * sync and not opened by {@link SearchService}.
     */
    static final String SCHEMA = "2";
    static final String SCHEMA_KEY = "gazette.search.schema";
    /** Sorts undated documents after every dated one. */
    static final long NO_DATE = Long.MIN_VALUE;

    /**
     * The one document order everything uses: newest first, then by url. Ranking ties fall back to
     * it, and the static index numbers documents in it.
     */
    public static final Comparator<SearchDocument> ORDER = Comparator
            .comparingLong((SearchDocument d) -> dateKey(d.date())).reversed()
            .thenComparing(SearchDocument::url);

    private static final FieldType FOLDED = textType(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    private static final FieldType EXACT_TYPE = textType(IndexOptions.DOCS);

    private SearchFields() {
    }

    static String folded(String field) {
        return field + "_f";
    }

    /** Field weight in ranking: title highest, body lowest. */
    static int weight(int fieldIndex) {
        return TEXT_FIELDS.size() - 1 - fieldIndex;
    }

    public static Analyzer analyzer() {
        Map<String, Analyzer> perField = new TreeMap<>();
        VietnameseAnalyzer foldedAnalyzer = new VietnameseAnalyzer(true);
        for (String field : TEXT_FIELDS) {
            perField.put(folded(field), foldedAnalyzer);
        }
        return new PerFieldAnalyzerWrapper(new VietnameseAnalyzer(false), perField);
    }

    private static FieldType textType(IndexOptions options) {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setStored(false);
        type.setOmitNorms(true);
        type.setIndexOptions(options);
        type.freeze();
        return type;
    }

    /** The values of one text field of a document, NFC, never null. */
    static List<String> values(SearchDocument doc, String field) {
        List<String> raw = rawValues(doc, field);
        List<String> out = new ArrayList<>(raw.size());
        for (String value : raw) {
            if (value != null && !value.isBlank()) {
                out.add(nfc(value));
            }
        }
        return out;
    }

    /** The values of one text field as given: not normalized, may be null or blank. */
    static List<String> rawValues(SearchDocument doc, String field) {
        return switch (field) {
            case "title" -> single(doc.title());
            case "tags" -> doc.tags() == null ? List.of() : doc.tags();
            case "summary" -> single(doc.summary());
            case "category" -> single(doc.category());
            case "author" -> single(doc.author());
            case "body" -> single(doc.body());
            default -> throw new IllegalArgumentException(field);
        };
    }

    /**
     * NFC, with a fast path for text made only of chars that NFC never changes whatever follows
     * them (ASCII and Latin up to U+02FF, Vietnamese precomposed letters, common punctuation):
     * the general check costs a trie lookup a char, and this runs over every article.
     */
    static String nfc(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!nfcStable(value.charAt(i))) {
                return VietnameseText.nfc(value);
            }
        }
        return value;
    }

    /** Whether NFC leaves {@code c} as it is, whatever surrounds it (see {@link #nfc}). */
    static boolean nfcStable(char c) {
        return c < 0x300 || (c >= 0x1EA0 && c <= 0x1EF9) || (c >= 0x2010 && c <= 0x2027);
    }

    private static List<String> single(String value) {
        return value == null ? List.of() : List.of(value);
    }

    static long dateKey(LocalDate date) {
        return date == null ? NO_DATE : date.toEpochDay();
    }

    /**
     * The Lucene document of corpus document {@code d}. Text fields come pre-analyzed from the
     * corpus (one tokenizing pass for every index and both forms): {@code <name>_f} folded with
     * positions, and one {@code exact} field with each distinct spelling of the document once
     * (presence is all ranking asks of spellings). Only what search reads back is stored.
     */
    static Document toLucene(SearchCorpus corpus, int d, IndexTerms terms) {
        SearchDocument doc = corpus.docs.get(d);
        Document out = new Document();
        out.add(new StringField(URL, doc.url(), Field.Store.YES));
        out.add(new SortedDocValuesField(URL, new BytesRef(doc.url())));
        out.add(new NumericDocValuesField(DATE_SORT, dateKey(doc.date())));
        if (doc.date() != null) {
            out.add(new StoredField(DATE, doc.date().toString()));
            out.add(new StringField(YEAR, Integer.toString(doc.date().getYear()), Field.Store.NO));
        }
        Map<String, List<String>> values = new java.util.HashMap<>();
        for (String field : TEXT_FIELDS) {
            values.put(field, values(doc, field));
        }
        for (String field : STORED_FIELDS) {
            for (String value : values.get(field)) {
                out.add(new StoredField(field, value));
            }
        }
        for (int f = 0; f < TEXT_FIELDS.size(); f++) {
            int[] tokens = corpus.tokens[d][f];
            if (tokens.length > 0) {
                out.add(new Field(folded(TEXT_FIELDS.get(f)), new IdTokens(tokens, terms.folded(), true), FOLDED));
            }
        }
        out.add(new Field(EXACT, new IdTokens(terms.distinctExacts(corpus.tokens[d]), terms.exact(), false), EXACT_TYPE));
        for (String key : corpus.tagKeys[d]) {
            if (!key.isEmpty()) {
                out.add(new StringField(TAG_KEY, key, Field.Store.NO));
            }
        }
        out.add(new BinaryDocValuesField(HASH, new BytesRef(contentHash(values::get, doc.date()))));
        return out;
    }

    /** The UTF-8 bytes of each folded and exact id of one corpus, shared by the indexing threads. */
    static final class IndexTerms {
        private final BytesRef[] folded;
        private final BytesRef[] exact;

        IndexTerms(SearchCorpus corpus) {
            exact = new BytesRef[corpus.exacts.size()];
            folded = new BytesRef[corpus.exacts.size()];
            BytesRef[] foldedById = new BytesRef[corpus.foldeds.size()];
            for (int i = 0; i < foldedById.length; i++) {
                foldedById[i] = new BytesRef(corpus.foldeds.get(i));
            }
            for (int i = 0; i < exact.length; i++) {
                exact[i] = new BytesRef(corpus.exacts.get(i));
                folded[i] = foldedById[corpus.foldedOf[i]];
            }
        }

        /** exact id → folded bytes. */
        BytesRef[] folded() {
            return folded;
        }

        BytesRef[] exact() {
            return exact;
        }

        /** The distinct exact ids of all fields, in order of first occurrence. */
        int[] distinctExacts(int[][] fields) {
            java.util.BitSet seen = new java.util.BitSet();
            int n = 0;
            for (int[] field : fields) {
                n += field.length;
            }
            int[] out = new int[n];
            n = 0;
            for (int[] field : fields) {
                for (int id : field) {
                    if (id != SearchCorpus.VALUE_BREAK && !seen.get(id)) {
                        seen.set(id);
                        out[n++] = id;
                    }
                }
            }
            return java.util.Arrays.copyOf(out, n);
        }
    }

    /**
     * Replays token ids as Lucene tokens. A {@link SearchCorpus#VALUE_BREAK} puts the next token
     * {@link VietnameseAnalyzer#VALUE_GAP} positions further, as the analyzer does between values.
     */
    private static final class IdTokens extends TokenStream {
        // Bytes, not chars: the terms are UTF-8 already, so indexing skips a conversion a token.
        private final BytesTermAttribute term = addAttribute(BytesTermAttribute.class);
        private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
        private final int[] ids;
        private final BytesRef[] bytes;
        private final boolean gaps;
        private int next;

        IdTokens(int[] ids, BytesRef[] bytes, boolean gaps) {
            this.ids = ids;
            this.bytes = bytes;
            this.gaps = gaps;
        }

        @Override
        public boolean incrementToken() {
            int increment = 1;
            while (next < ids.length && ids[next] == SearchCorpus.VALUE_BREAK) {
                next++;
                increment = gaps ? VietnameseAnalyzer.VALUE_GAP + 1 : 1;
            }
            if (next >= ids.length) {
                return false;
            }
            clearAttributes();
            term.setBytesRef(bytes[ids[next++]]);
            position.setPositionIncrement(increment);
            return true;
        }

        @Override
        public void reset() throws java.io.IOException {
            super.reset();
            next = 0;
        }
    }

    /**
     * Identifies a document's content, so that a sync rewrites only what changed: two independent
     * 64-bit hashes over every field value (not cryptographic: nobody gains by a collision, and
     * this runs over every article on every build).
     */
    static String contentHash(SearchDocument doc) {
        return contentHash(field -> values(doc, field), doc.date());
    }

    private static String contentHash(java.util.function.Function<String, List<String>> values, LocalDate day) {
        long a = 0x243F6A8885A308D3L;
        long b = 0x13198A2E03707344L;
        for (String field : TEXT_FIELDS) {
            for (String value : values.apply(field)) {
                for (int i = 0; i < value.length(); i++) {
                    char c = value.charAt(i);
                    a = (a ^ c) * 0x100000001B3L;
                    b = (b + c) * 0x9E3779B97F4A7C15L;
                    b ^= b >>> 29;
                }
                // Field and value boundaries, so that moving text between fields changes the hash.
                a = (a ^ (0x10000 + field.length())) * 0x100000001B3L;
                b = (b + 0x10001) * 0x9E3779B97F4A7C15L;
            }
            a = (a ^ 0x20000) * 0x100000001B3L;
            b = (b + 0x20001) * 0x9E3779B97F4A7C15L;
        }
        long date = dateKey(day);
        a = (a ^ date) * 0x100000001B3L;
        b = (b + date) * 0x9E3779B97F4A7C15L;
        return HexFormat.of().toHexDigits(a) + HexFormat.of().toHexDigits(b ^ (b >>> 31));
    }
}
