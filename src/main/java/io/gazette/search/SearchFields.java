package io.gazette.search;

import io.gazette.text.VietnameseText;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
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
 * The index schema shared by the indexer, the searcher, related articles and the static exporter
 * (the Lucene index is the one index of record: the other two read it). Each text field is
 * indexed folded ({@code <name>_f}, presence only) and as adjacent folded pairs ({@code <name>_p},
 * with frequencies: phrases, related articles); the exact spellings of all fields go to one {@code exact} field (presence
 * only); title, tags, summary, body and category are stored (original NFC text, for snippets and
 * the static index's document files).
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
    /** {@link SearchDocument#source}: the order of one day's documents. */
    static final String SOURCE = "source";
    /** {@link VietnameseTokens#tagKey} of the category: the static index's category filter. */
    static final String CATEGORY_KEY = "cat";
    /** The category as written (NFC): the static index's filter names it. */
    static final String CATEGORY = "category";
    /** What the static index shows under a result's title ({@link DocChunks#excerpt}). */
    static final String EXCERPT = "excerpt";
    /** The document's passage record, deflated ({@link PassageExporter#record}): exported as is. */
    static final String PASSAGE = "passage";
    /** Every exact spelling of a document, whatever the field: ranking counts presence only. */
    static final String EXACT = "exact";
    /** Fields whose text search shows (title, tags, snippets); the others are searched only. */
    static final List<String> STORED_FIELDS = List.of("title", "tags", "summary", "body");
    /**
     * Stored fields whose text is written as its UTF-8 bytes (a binary stored value) and read back
     * as text ({@link SearchCodec}'s reader turns the bytes into the string Lucene would have
     * read): the bodies, most of the stored text, encoded here from the chars the scan reads
     * anyway, rather than by Lucene's writer, which measured each string's UTF-8 length and
     * then encoded it, both through {@code String.charAt} (~0.5 s of a cold 10,000-article build).
     */
    static final java.util.Set<String> STORED_AS_UTF8 = java.util.Set.of("body");
    /**
     * The author, stored although nothing shows it: with it every analyzed value of a document
     * is stored, so the terms of a document about to be replaced can be made again from the
     * index ({@link #fromStored}), which an export in proportion to the edit needs.
     */
    static final String AUTHOR = "author";
    /**
     * Version of the index layout, kept in the commit: an index of another layout is rebuilt by a
     * sync and not opened by {@link SearchService}.
     */
    static final String SCHEMA = "11";
    // The passage record is part of each document: a change to PassageExporter.record's output
    // (its format, STORED_BYTES) must change SCHEMA too, or old records would stay in the index;
    // so must a change to what SearchCodec writes (8: stored fields not compressed; 9: bodies
    // stored as UTF-8 bytes, STORED_AS_UTF8; 11: the source, SOURCE).
    static final String SCHEMA_KEY = "gazette.search.schema";
    /** Sorts undated documents after every dated one. */
    static final long NO_DATE = Long.MIN_VALUE;

    /**
     * The one document order everything uses: newest first, then by source (then url, for two
     * documents of one source). Ranking ties fall back to it, and the static index numbers
     * documents in it. The source, not the url: a title edit (a new slug) leaves its article
     * where it was among those of its day, and so every other article's number.
     */
    public static final Comparator<SearchDocument> ORDER = Comparator
            .comparingLong((SearchDocument d) -> dateKey(d.date())).reversed()
            .thenComparing(SearchDocument::source)
            .thenComparing(SearchDocument::url);

    /**
     * Presence only: ranking asks which fields hold a syllable, and phrases are the pair fields'
     * terms (as in the browser), so positions would be written and never read.
     */
    private static final FieldType FOLDED = textType(IndexOptions.DOCS);
    private static final FieldType EXACT_TYPE = textType(IndexOptions.DOCS);
    private static final FieldType PAIRS = textType(IndexOptions.DOCS_AND_FREQS);

    private SearchFields() {
    }

    /** One thread's term counters, reused from document to document. */
    private static final class Counters {
        final SyllableTokens.Counter folded = new SyllableTokens.Counter(SyllableTokens.Form.FOLDED);
        final SyllableTokens.Counter pairs = new SyllableTokens.Counter(SyllableTokens.Form.PAIRS);
        final SyllableTokens.Counter exact = new SyllableTokens.Counter(SyllableTokens.Form.EXACT);
    }

    private static final ThreadLocal<Counters> COUNTERS = ThreadLocal.withInitial(Counters::new);

    static String folded(String field) {
        return field + "_f";
    }

    /** The field of adjacent folded syllable pairs ({@code "thi dua"}) of a text field. */
    static String pairs(String field) {
        return field + "_p";
    }

    /** Field weight in ranking: title highest, body lowest. */
    static int weight(int fieldIndex) {
        return TEXT_FIELDS.size() - 1 - fieldIndex;
    }

    public static Analyzer analyzer() {
        Map<String, Analyzer> perField = new TreeMap<>();
        VietnameseAnalyzer foldedAnalyzer = new VietnameseAnalyzer(SyllableTokens.Form.FOLDED);
        VietnameseAnalyzer pairAnalyzer = new VietnameseAnalyzer(SyllableTokens.Form.PAIRS);
        for (String field : TEXT_FIELDS) {
            perField.put(folded(field), foldedAnalyzer);
            perField.put(pairs(field), pairAnalyzer);
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

    /**
     * One text value, NFC, with its chars: indexing reads each value's chars three times (NFC
     * check, content hash, syllable scan), from one array rather than through
     * {@code String.charAt}, whose checks a char cost more than the reading.
     */
    record Text(String value, char[] chars, boolean nfcStable) {
    }

    /** The values of one text field of a document as {@link Text}s, NFC, never null. */
    static List<Text> texts(SearchDocument doc, String field) {
        List<String> raw = rawValues(doc, field);
        List<Text> out = new ArrayList<>(raw.size());
        for (String value : raw) {
            if (value != null && !value.isBlank()) {
                out.add(text(value));
            }
        }
        return out;
    }

    /** {@code value} in NFC, with its chars (see {@link #nfc}). */
    private static Text text(String value) {
        char[] chars = value.toCharArray();
        for (char c : chars) {
            if (!nfcStable(c)) {
                String nfc = VietnameseText.nfc(value);
                return new Text(nfc, nfc.toCharArray(), false);
            }
        }
        return new Text(value, chars, true);
    }

    /**
     * The UTF-8 bytes of a text, as Lucene's writer would have written the string: from its chars
     * when they are all {@link #nfcStable} (no surrogates: the same bytes whoever encodes them),
     * else by Lucene's encoder, which writes a lone surrogate as U+FFFD.
     */
    static BytesRef utf8(Text text) {
        if (!text.nfcStable()) {
            return new BytesRef(text.value());
        }
        char[] chars = text.chars();
        byte[][] buffer = UTF8_BUFFER.get();
        if (buffer[0].length < io.gazette.text.Utf8Encoder.maxBytes(chars.length)) {
            buffer[0] = new byte[Math.max(io.gazette.text.Utf8Encoder.maxBytes(chars.length), 2 * buffer[0].length)];
        }
        int length = io.gazette.text.Utf8Encoder.encode(chars, 0, chars.length, buffer[0], 0);
        return new BytesRef(java.util.Arrays.copyOf(buffer[0], length));
    }

    private static final ThreadLocal<byte[][]> UTF8_BUFFER = ThreadLocal.withInitial(() -> new byte[][] {new byte[1 << 16]});

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
     * The Lucene document of one article, analyzed here: each value is scanned once into
     * syllables ({@link VietnameseTokens#scan}, the chain {@link VietnameseAnalyzer} runs), and the
     * same syllables feed {@code <name>_f} (folded, presence), {@code <name>_p}
     * (adjacent folded pairs, with frequencies: the static index's phrases and related articles)
     * and one {@code exact} field (each distinct spelling once: ranking asks presence only).
     * Only what search and the static index read back is stored.
     */
    static Document toLucene(SearchDocument doc) {
        Document out = new Document();
        out.add(new StringField(URL, doc.url(), Field.Store.YES));
        out.add(new SortedDocValuesField(URL, new BytesRef(doc.url())));
        out.add(new NumericDocValuesField(DATE_SORT, dateKey(doc.date())));
        out.add(new SortedDocValuesField(SOURCE, new BytesRef(doc.source())));
        if (doc.date() != null) {
            out.add(new StoredField(DATE, doc.date().toString()));
            out.add(new StringField(YEAR, Integer.toString(doc.date().getYear()), Field.Store.NO));
        }
        Map<String, List<Text>> texts = new java.util.HashMap<>();
        Map<String, List<String>> values = new java.util.HashMap<>();
        for (String field : TEXT_FIELDS) {
            List<Text> fieldTexts = texts(doc, field);
            texts.put(field, fieldTexts);
            List<String> fieldValues = new ArrayList<>(fieldTexts.size());
            for (Text text : fieldTexts) {
                fieldValues.add(text.value());
            }
            values.put(field, fieldValues);
        }
        for (String field : STORED_FIELDS) {
            if (STORED_AS_UTF8.contains(field)) {
                for (Text text : texts.get(field)) {
                    out.add(new StoredField(field, utf8(text)));
                }
                continue;
            }
            for (String value : values.get(field)) {
                out.add(new StoredField(field, value));
            }
        }
        for (String value : values.get(AUTHOR)) {
            out.add(new StoredField(AUTHOR, value));
        }
        String excerpt = DocChunks.excerpt(doc);
        out.add(new StoredField(EXCERPT, excerpt));
        List<Text> body = texts.get("body");
        out.add(new StoredField(PASSAGE, PassageExporter.record(doc.url(), String.join(" ", values.get("title")),
                doc.date() == null ? null : doc.date().toString(), values.get("tags"), excerpt,
                PassageExporter.text(doc.body(), body.isEmpty() ? null : body.get(0)))));
        Counters counters = COUNTERS.get();
        for (String field : TEXT_FIELDS) {
            for (Text text : texts.get(field)) {
                counters.folded.startValue();
                counters.pairs.startValue();
                VietnameseTokens.scan(text.chars(), (start, end, forms) -> {
                    counters.folded.add(forms);
                    counters.pairs.add(forms);
                    counters.exact.add(forms);
                });
            }
            if (!counters.folded.isEmpty()) {
                out.add(new Field(folded(field), counters.folded.drain(), FOLDED));
                // A value of one syllable has no pair: the field is still added, as it was
                // when its tokens were streamed, so the documents' fields stay the same.
                out.add(new Field(pairs(field), counters.pairs.drain(), PAIRS));
            }
        }
        out.add(new Field(EXACT, counters.exact.drain(), EXACT_TYPE));
        for (String tag : values.get("tags")) {
            String key = VietnameseTokens.tagKey(tag);
            if (!key.isEmpty()) {
                out.add(new StringField(TAG_KEY, key, Field.Store.NO));
            }
        }
        String category = doc.category() == null ? "" : VietnameseTokens.tagKey(doc.category());
        if (!category.isEmpty()) {
            out.add(new StringField(CATEGORY_KEY, category, Field.Store.NO));
            out.add(new StoredField(CATEGORY, nfc(doc.category())));
        }
        out.add(new BinaryDocValuesField(HASH, new BytesRef(contentHash(texts::get, doc.date()))));
        return out;
    }

    /**
     * The document as the index holds it, made from its stored fields (url, date, every text
     * value as analyzed): {@link #toLucene} of it indexes the same terms as the original did.
     */
    static SearchDocument fromStored(org.apache.lucene.document.Document stored) {
        String date = stored.get(DATE);
        String category = stored.get(CATEGORY);
        return new SearchDocument(stored.get(URL), joined(stored, "title"), joined(stored, "summary"),
                joined(stored, "body"), List.of(stored.getValues("tags")), category, joined(stored, AUTHOR),
                date == null ? null : LocalDate.parse(date));
    }

    /** A single-valued field's stored value, or null (values() drops null, as blank was dropped). */
    private static String joined(org.apache.lucene.document.Document stored, String field) {
        String[] values = stored.getValues(field);
        if (values.length > 1) {
            throw new IllegalStateException("field " + field + " holds " + values.length + " values");
        }
        return values.length == 0 ? null : values[0];
    }

    /**
     * Identifies a document's content, so that a sync rewrites only what changed: two independent
     * 64-bit hashes over every field value (not cryptographic: nobody gains by a collision, and
     * this runs over every article on every build).
     */
    static String contentHash(SearchDocument doc) {
        return contentHash(field -> texts(doc, field), doc.date());
    }

    /**
     * What a sync compares to know that the index holds a document as it is now: its content hash
     * and its source, which orders it ({@link #ORDER}): an article whose file moved is written
     * again, so the index orders it as a clean build would. The source is not in the content hash:
     * the static index's version ({@link StaticIndexExporter#version}) names the documents by
     * their urls, in number order, and content hashes, which say everything it is made of.
     */
    static String syncKey(SearchDocument doc) {
        return syncKey(contentHash(doc), doc.source());
    }

    /** {@link #syncKey} of a document in the index, from its {@link #HASH} and {@link #SOURCE}. */
    static String syncKey(String contentHash, String source) {
        return contentHash + "\n" + source;
    }

    private static String contentHash(java.util.function.Function<String, List<Text>> texts, LocalDate day) {
        long a = 0x243F6A8885A308D3L;
        long b = 0x13198A2E03707344L;
        for (String field : TEXT_FIELDS) {
            for (Text text : texts.apply(field)) {
                for (char c : text.chars()) {
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
