package io.gazette.search;

import io.gazette.text.VietnameseText;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The index schema shared by the indexer, the searcher and the static exporter. Each text field is
 * stored once (original NFC text, for snippets) and indexed twice: {@code <name>_f} folded with
 * positions (phrases), {@code <name>_e} exact, doc presence only.
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
    private static final FieldType EXACT = textType(IndexOptions.DOCS);

    private SearchFields() {
    }

    static String folded(String field) {
        return field + "_f";
    }

    static String exact(String field) {
        return field + "_e";
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

    static Document toLucene(SearchDocument doc) {
        Document d = new Document();
        d.add(new StringField(URL, doc.url(), Field.Store.YES));
        d.add(new SortedDocValuesField(URL, new BytesRef(doc.url())));
        d.add(new NumericDocValuesField(DATE_SORT, dateKey(doc.date())));
        if (doc.date() != null) {
            d.add(new StoredField(DATE, doc.date().toString()));
            d.add(new StringField(YEAR, Integer.toString(doc.date().getYear()), Field.Store.NO));
        }
        for (String field : TEXT_FIELDS) {
            for (String value : values(doc, field)) {
                d.add(new StoredField(field, value));
                d.add(new Field(folded(field), value, FOLDED));
                d.add(new Field(exact(field), value, EXACT));
            }
        }
        for (String tag : values(doc, "tags")) {
            String key = VietnameseTokens.tagKey(tag);
            if (!key.isEmpty()) {
                d.add(new StringField(TAG_KEY, key, Field.Store.NO));
            }
        }
        d.add(new StoredField(HASH, contentHash(doc)));
        return d;
    }

    /** Identifies a document's content, so that a sync rewrites only what changed. */
    static String contentHash(SearchDocument doc) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String field : TEXT_FIELDS) {
                for (String value : values(doc, field)) {
                    sha.update(field.getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                    sha.update(value.getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                }
            }
            sha.update(String.valueOf(doc.date()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
