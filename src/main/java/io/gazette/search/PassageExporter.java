package io.gazette.search;

import com.fasterxml.jackson.core.JsonGenerator;
import io.gazette.json.Json;
import io.gazette.text.Utf8Encoder;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.BytesRef;
import java.util.zip.Deflater;

/**
 * Writes what the browser client ({@code js/passages.js}) needs to show, for each result, the
 * passage of the article that best matches the query rather than its lead, and the result's row
 * (url, title, date, tags, excerpt) with it: each document's {@linkplain #record record}, deflated
 * on its own when the document is indexed and stored in the Lucene index, packed into a few
 * large files that the client reads with HTTP {@code Range} requests.
 *
 * <h2>Layout</h2>
 * <pre>
 * search/passages.json       {"format":2,"index":V,"docs":N,"per":P,"packs":K}
 * search/p/&lt;k&gt;.bin           documents k*P .. k*P+P-1: (P+1) offsets of 4 bytes (little-endian,
 *                            from the start of the file), then their records back to back, each a
 *                            raw deflate stream (RFC 1951); document d's text lies between
 *                            offsets d-kP and d-kP+1 (equal: no text)
 * </pre>
 * V is the static index's version ({@link StaticIndexExporter.Result#version}): documents are
 * numbered as there (the order of {@link DocNumbering}), and the client uses no passage when
 * the two files come from different builds. A pack holds a fixed range of document numbers, so
 * an edited article rewrites its own pack only and a new one the last pack; the client asks for
 * a pack with the index's version ({@code ?v=}), so packs can be cached for long. A document's
 * text is cut to fit {@link #STORED_BYTES} deflated (the head of a long article, ending in
 * {@code …}).
 *
 * <p>A query for a page of results costs one 8-byte range of a pack's offsets and one range of at
 * most {@link #STORED_BYTES} per result, and adds 1 + N / {@value #PER_PACK} files (Pagefind adds
 * one file per page). Packs are compressed and written one at a time, so only one pack's bytes are
 * held at once, never every body.
 */
public final class PassageExporter {
    public static final String MANIFEST = StaticIndexExporter.DIR + "/passages.json";
    static final int FORMAT = 2;
    /** Body characters looked at per document (far more than fit in {@link #STORED_BYTES}). */
    static final int MAX_CHARS = 12_000;
    /**
     * Deflated bytes kept per document (its row and about the first 3,000 characters of a
     * Vietnamese body): what one result costs a query at most. Half the articles are shorter and
     * kept whole.
     */
    static final int STORED_BYTES = 1_250;
    private static final String ELLIPSIS = "…";
    /**
     * Documents per pack: about 1 MB of texts, what an edit rewrites (static hosts limit single
     * files, Cloudflare Pages to 25 MiB: far above).
     */
    static final int PER_PACK = 1_024;
    private static final int LEVEL = 6;
    /**
     * Deflated bytes per byte of a typical record (the median of the cut records of 10,000 real
     * articles is 0.43; 99 % lie between 0.34 and 0.50): {@link #fit}'s first guess.
     */
    private static final double TYPICAL_RATIO = 0.43;
    /**
     * {@link #fit}'s first try aims at this share of {@link #STORED_BYTES}: most texts deflate
     * within ±15 % of {@link #TYPICAL_RATIO}, so a first try aimed lower mostly fits, and with
     * {@link #FULL} below it, mostly is kept. Aimed at the whole, half the first tries did not fit
     * and were deflated again, shorter.
     */
    private static final double FIRST_AIM = 0.90;
    /** The next tries aim at this share, along the sizes seen... */
    private static final double AIM = 0.985;
    /**
     * ...and a cut record that fills at least this share is kept: each try is a deflate of about
     * 3 KB, and the deflates were most of the records' cost (at 0.96, 1.5 deflates a record and 41
     * MB deflated at 10,000 real articles; at 0.85, 1.2 and 29 MB, for 5 % less text kept).
     */
    static final double FULL = 0.85;

    /** What was written: the site-relative paths, manifest first. */
    public record Result(List<String> paths, long bytes) {
        public Result {
            paths = List.copyOf(paths);
        }
    }

    private PassageExporter() {
    }

    /**
     * Writes the passages of the live documents of {@code reader}, in {@code numbering}'s order,
     * through {@code sink}: the records stored in the index at indexing ({@link SearchFields#PASSAGE}),
     * copied, so no body is read or compressed again. Deletes nothing. Byte-identical output for
     * the same documents and index version.
     *
     * @param indexVersion the version of the static index written from the same index
     */
    public static Result export(IndexReader reader, DocNumbering numbering, String indexVersion, IndexFiles sink)
            throws IOException {
        return export(reader, numbering, indexVersion, null, 0, null, sink);
    }

    /**
     * Same, writing only the packs holding a number of {@code changed} (and the last one when
     * the count of documents moved from {@code previousDocuments}) and keeping the others
     * ({@link IndexFiles#keep}); every pack when {@code changed} is null.
     */
    static Result export(IndexReader reader, DocNumbering numbering, String indexVersion, java.util.BitSet changed,
            int previousDocuments, IndexFiles sink) throws IOException {
        return export(reader, numbering, indexVersion, changed, previousDocuments, null, sink);
    }

    /**
     * Same; with {@code previous} (the last export's files, or null), a pack written again takes
     * the records of its documents not in {@code changed} from its last version (every document
     * not in {@code changed} kept its number and content) and reads only the changed ones from the
     * index: after a burst of saves over the archive, reading every pack's 1,024 stored documents
     * took a second at 100,000 articles.
     */
    static Result export(IndexReader reader, DocNumbering numbering, String indexVersion, java.util.BitSet changed,
            int previousDocuments, IndexFiles.Previous previous, IndexFiles sink) throws IOException {
        return export(reader, numbering, indexVersion, changed, previousDocuments, null, previous, sink);
    }

    /**
     * Same; {@code sourceOf} (null: as above) gives, by document number now, the number under
     * which the last export holds the same record, or -1 for a record to read from the index. A
     * deletion or an older-dated article moves every newer document by one: their records are the
     * last export's, one place along (reading them from the index took a quarter of a second for
     * half of the 10,000 articles).
     */
    static Result export(IndexReader reader, DocNumbering numbering, String indexVersion, java.util.BitSet changed,
            int previousDocuments, int[] sourceOf, IndexFiles.Previous previous, IndexFiles sink) throws IOException {
        int n = numbering.size();
        OldPacks old = changed == null || previous == null ? null : new OldPacks(previous, previousDocuments);
        java.util.BitSet wanted = changed == null ? null : changedPacks(changed, n, previousDocuments);
        int packs = packCount(n);
        List<String> paths = new ArrayList<>();
        long bytes = 0;
        StoredFields stored = reader.storedFields();
        Set<String> fields = Set.of(SearchFields.PASSAGE);
        for (int k = 0; k < packs; k++) {
            int from = k * PER_PACK;
            int to = Math.min(n, from + PER_PACK);
            if (wanted != null && !wanted.get(k)) {
                sink.keep(packPath(k));
                paths.add(packPath(k));
                continue;
            }
            byte[][] batch = new byte[to - from][];
            for (int d = from; d < to; d++) {
                int source = old == null ? -1
                        : sourceOf != null ? sourceOf[d] : d < previousDocuments && !changed.get(d) ? d : -1;
                byte[] kept = source < 0 ? null : old.record(source);
                if (kept != null) {
                    batch[d - from] = kept;
                    continue;
                }
                BytesRef record = stored.document(numbering.luceneDoc(d), fields).getBinaryValue(SearchFields.PASSAGE);
                batch[d - from] = record == null ? new byte[0]
                        : Arrays.copyOfRange(record.bytes, record.offset, record.offset + record.length);
            }
            byte[] pack = pack(batch);
            String path = packPath(k);
            sink.write(path, pack);
            paths.add(path);
            bytes += pack.length;
        }
        byte[] manifest = manifest(indexVersion, n, packs);
        sink.write(MANIFEST, manifest);
        paths.add(0, MANIFEST);
        return new Result(paths, bytes + manifest.length);
    }

    /** Packs of {@code docs} documents. */
    static int packCount(int docs) {
        return (docs + PER_PACK - 1) / PER_PACK;
    }

    /**
     * The packs an export must write again when the documents numbered in {@code changed} changed
     * and the count went from {@code previousDocuments} to {@code docs}: theirs, and the last.
     */
    static java.util.BitSet changedPacks(java.util.BitSet changed, int docs, int previousDocuments) {
        java.util.BitSet wanted = new java.util.BitSet();
        for (int d = changed.nextSetBit(0); d >= 0; d = changed.nextSetBit(d + 1)) {
            wanted.set(d / PER_PACK);
        }
        if (docs != previousDocuments && docs > 0) {
            wanted.set((docs - 1) / PER_PACK);
        }
        return wanted;
    }

    /**
     * A document's passage record, what the client reads for a result with one Range request: its
     * row as in a document chunk ({@code [url,title,date,[tags],excerpt]}, JSON), a line break,
     * then the text passages are cut from ({@code text}, made by {@link #text}), deflated together
     * (raw deflate) to at most {@link #STORED_BYTES}: a longer text is cut between words, marked
     * with a final {@code …}, to fit ({@link #fit}). The excerpt usually repeats the text's first
     * words, which costs deflate a few bytes.
     */
    static byte[] record(String url, String title, String date, List<String> tags, String excerpt, String text) {
        StringWriter row = new StringWriter(512);
        try (JsonGenerator json = Json.writer(row)) {
            DocChunks.row(json, url, title, date, tags, excerpt);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The row's bytes once: the text is cut and deflated again behind them a few times.
        byte[] head = (row + "\n").getBytes(StandardCharsets.UTF_8);
        return fit(head, text).data();
    }

    /** A record and how many deflates {@link #fit} took to find it. */
    record Fitted(byte[] data, int deflates) {
    }

    /**
     * {@code head} then the whole {@code text}, deflated, when that fits {@link #STORED_BYTES};
     * otherwise {@code head} then a head of {@code text} cut between words and marked {@code …}, as
     * long as fits, give or take {@link #FULL}: a cut record fills at least that share of the
     * limit (or is the longest that fits when no cut between words does).
     *
     * <p>Deflated sizes are not known without deflating, so the cut is searched for, each step
     * guessing from the sizes seen so far: the first from a typical ratio (a head of about
     * {@code STORED_BYTES / TYPICAL_RATIO} bytes, never the whole of a long text), the next ones
     * along the line through the last two sizes (deflated size grows nearly linearly with the
     * text kept), within what is known to fit and known not to. About 1.2 deflates of about 3 KB
     * per record at 10,000 real articles; deflating the whole text first and then shrinking by
     * steps took 2.2 deflates and 2.6 times the bytes (75 MB against 29 MB; 1.5 s of zlib in a cold build).
     */
    static Fitted fit(byte[] head, String text) {
        int length = text.length();
        double bytesPerChar = bytesPerChar(text);
        double goal = STORED_BYTES * AIM;
        Input input = Input.of(head, text);
        int fitEnd = -1; // the longest kept text known to fit, and its record
        byte[] fitData = null;
        int overEnd = length + 1; // the shortest kept text known not to fit
        int lastEnd = -1;
        int lastSize = 0;
        int deflates = 0;
        // The first guess: as much text as a typical ratio fills FIRST_AIM of the record with (all of a short one).
        int guess = (int) Math.min(length,
                Math.max(0, (STORED_BYTES * FIRST_AIM / TYPICAL_RATIO - head.length) / bytesPerChar));
        while (true) {
            int end = cutEnd(text, guess);
            if (end <= fitEnd || end >= overEnd) {
                // The guess cuts where a try already did: halve what is left, or stop when nothing is.
                end = cutEnd(text, fitEnd + (overEnd - fitEnd) / 2);
                if (end <= fitEnd || end >= overEnd) {
                    return new Fitted(fitData, deflates);
                }
            }
            byte[] data = input.deflateKept(end);
            deflates++;
            if (data.length <= STORED_BYTES) {
                fitEnd = end;
                fitData = data;
                if (end == length || data.length >= STORED_BYTES * FULL) {
                    return new Fitted(data, deflates);
                }
            } else if (end == 0) {
                return new Fitted(data, deflates); // not even the row alone fits: nothing shorter to try
            } else {
                overEnd = end;
            }
            if (lastEnd < 0 || lastSize == data.length || lastEnd == end) {
                // One size seen: deflated size in proportion to the bytes deflated.
                double bytes = head.length + end * bytesPerChar;
                guess = (int) ((bytes * goal / data.length - head.length) / bytesPerChar);
            } else {
                // Two: along the line through them.
                guess = (int) (end + (goal - data.length) * (end - lastEnd) / (data.length - lastSize));
            }
            guess = Math.max(0, Math.min(guess, length));
            lastEnd = end;
            lastSize = data.length;
        }
    }

    /**
     * A record's head and text as UTF-8 in one thread's buffer, the text encoded as far as a try
     * of {@link #fit} has needed: each try deflates the head and a head of the text
     * ({@link #kept}) from it, where each used to copy that head of the text, append the
     * {@code …}, and encode the whole again.
     */
    static final class Input {
        private static final byte[] ELLIPSIS_UTF8 = ELLIPSIS.getBytes(StandardCharsets.UTF_8);
        private final byte[] bytes;
        private final int textStart;
        private final char[] chars;
        private final int length;
        /** The chars of the text encoded so far (a cut's end), and where their bytes end. */
        private int encodedChars;
        private int encodedBytes;

        private Input(byte[] bytes, int textStart, char[] chars, int length) {
            this.bytes = bytes;
            this.textStart = textStart;
            this.chars = chars;
            this.length = length;
            this.encodedBytes = textStart;
        }

        static Input of(byte[] head, String text) {
            byte[][] buffer = INPUT.get();
            int most = head.length + Utf8Encoder.maxBytes(text.length()) + ELLIPSIS_UTF8.length;
            if (buffer[0].length < most) {
                buffer[0] = new byte[Math.max(most, buffer[0].length * 2)];
            }
            System.arraycopy(head, 0, buffer[0], 0, head.length);
            char[][] chars = CHARS.get();
            if (chars[0].length < text.length()) {
                chars[0] = new char[Math.max(text.length(), 2 * chars[0].length)];
            }
            text.getChars(0, text.length(), chars[0], 0);
            return new Input(buffer[0], head.length, chars[0], text.length());
        }

        /**
         * The raw deflate of the head then {@code kept(text, end)}: the head and the text's first
         * {@code end} chars as encoded, then {@code …} when the text is cut (written over the
         * bytes that follow for the deflate, and put back).
         */
        byte[] deflateKept(int end) {
            int prefixEnd = byteEnd(end);
            boolean marked = end > 0 && end < length;
            if (!marked) {
                return deflate(bytes, prefixEnd);
            }
            byte[] under = Arrays.copyOfRange(bytes, prefixEnd, prefixEnd + ELLIPSIS_UTF8.length);
            System.arraycopy(ELLIPSIS_UTF8, 0, bytes, prefixEnd, ELLIPSIS_UTF8.length);
            try {
                return deflate(bytes, prefixEnd + ELLIPSIS_UTF8.length);
            } finally {
                System.arraycopy(under, 0, bytes, prefixEnd, under.length);
            }
        }

        /**
         * Where the bytes of the text's first {@code end} chars end in {@link #bytes}: the text
         * encoded up to there when it was not yet, else the bytes {@link Utf8Encoder} gives those
         * chars counted (a cut never falls inside a surrogate pair, so encoding up to one and on
         * from it gives the bytes of encoding the whole).
         */
        private int byteEnd(int end) {
            if (end >= encodedChars) {
                encodedBytes = Utf8Encoder.encode(chars, encodedChars, end, bytes, encodedBytes);
                encodedChars = end;
                return encodedBytes;
            }
            int at = textStart;
            for (int i = 0; i < end; i++) {
                char c = chars[i];
                if (c < 0x80) {
                    at++;
                } else if (c < 0x800) {
                    at += 2;
                } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(chars[i + 1])) {
                    at += 4;
                    i++;
                } else if (Character.isSurrogate(c)) {
                    at++;
                } else {
                    at += 3;
                }
            }
            return at;
        }
    }

    /**
     * UTF-8 bytes per char of the head of {@code text} (what {@link #fit} keeps), at least 1, from
     * every 8th char: only a guess needs it, and reading each char of each head (under C1) cost
     * as much as a tenth of the records' deflating.
     */
    private static double bytesPerChar(String text) {
        int chars = Math.min(text.length(), 4_096);
        long bytes = 0;
        int seen = 0;
        for (int i = 0; i < chars; i += 8) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            seen++;
        }
        return seen == 0 ? 1 : Math.max(1, (double) bytes / seen);
    }

    static String packPath(int k) {
        return StaticIndexExporter.DIR + "/p/" + k + ".bin";
    }

    /** The last export's packs, read as their records are asked for, the two last read kept. */
    private static final class OldPacks {
        private final IndexFiles.Previous previous;
        private final int documents;
        private final java.util.Map<Integer, byte[][]> read = new java.util.LinkedHashMap<>();

        OldPacks(IndexFiles.Previous previous, int documents) {
            this.previous = previous;
            this.documents = documents;
        }

        /** The record of the last export's document {@code number}, or null when its pack cannot be read. */
        byte[] record(int number) throws IOException {
            if (number >= documents) {
                return null;
            }
            int k = number / PER_PACK;
            byte[][] records = read.get(k);
            if (records == null && !read.containsKey(k)) {
                records = unpack(previous.read(packPath(k)), Math.min(documents, (k + 1) * PER_PACK) - k * PER_PACK);
                if (read.size() == 2) {
                    read.remove(read.keySet().iterator().next());
                }
                read.put(k, records);
            }
            return records == null ? null : records[number - k * PER_PACK];
        }
    }

    /**
     * The records of a pack written by {@link #pack}, or null when it is not one of at least
     * {@code records} records (then every record is read from the index).
     */
    static byte[][] unpack(byte[] pack, int records) {
        if (pack == null || pack.length < 4 || records <= 0) {
            return null;
        }
        int header = offset(pack, 0);
        int count = header / 4 - 1;
        if (header % 4 != 0 || count < records || header > pack.length) {
            return null;
        }
        byte[][] texts = new byte[count][];
        for (int i = 0; i < count; i++) {
            int from = offset(pack, i);
            int to = offset(pack, i + 1);
            if (from < header || to < from || to > pack.length) {
                return null;
            }
            texts[i] = Arrays.copyOfRange(pack, from, to);
        }
        return texts;
    }

    private static int offset(byte[] pack, int i) {
        int at = 4 * i;
        return (pack[at] & 0xff) | (pack[at + 1] & 0xff) << 8 | (pack[at + 2] & 0xff) << 16 | (pack[at + 3] & 0xff) << 24;
    }

    /** A pack as search/p/ lays it out: little-endian offsets from the file's start, then the texts. */
    static byte[] pack(byte[][] texts) {
        int header = 4 * (texts.length + 1);
        int size = header;
        for (byte[] t : texts) {
            size += t.length;
        }
        byte[] out = new byte[size];
        int at = header;
        for (int i = 0; i <= texts.length; i++) {
            for (int b = 0; b < 4; b++) {
                out[4 * i + b] = (byte) (at >>> (8 * b));
            }
            if (i < texts.length) {
                System.arraycopy(texts[i], 0, out, at, texts[i].length);
                at += texts[i].length;
            }
        }
        return out;
    }

    /**
     * The text passages are cut from: the body as one line (whitespace collapsed, NFC), at most
     * {@link #MAX_CHARS} characters, cut between words. The summary is not included: when only the
     * summary matches, the result keeps the excerpt, which is the summary.
     */
    static String text(String bodyText) {
        String body = bodyText == null ? "" : bodyText;
        String head = Snippets.collapsedHead(body.length() > 3 * MAX_CHARS ? body.substring(0, 3 * MAX_CHARS) : body,
                MAX_CHARS + 1);
        String text = SearchFields.nfc(head);
        return text.length() > MAX_CHARS ? cut(text, MAX_CHARS) : text;
    }

    /**
     * {@link #text(String)} of {@code body}, from the chars of {@code analyzed} (the indexer's
     * {@link SearchFields.Text} of that body, or null) when they are the body's own: NFC leaves
     * each of them as it is, so they are the body's chars, the collapsed head is made of them and
     * spaces, and NFC leaves it as it is too.
     */
    static String text(String body, SearchFields.Text analyzed) {
        if (analyzed == null || !analyzed.nfcStable() || !analyzed.value().equals(body)) {
            return text(body);
        }
        char[] chars = analyzed.chars();
        String text = Snippets.collapsedHead(chars, Math.min(chars.length, 3 * MAX_CHARS), MAX_CHARS + 1);
        return text.length() > MAX_CHARS ? cut(text, MAX_CHARS) : text;
    }

    /** The first {@code max} characters at most, cut before a space when there is one, plus {@code …}. */
    private static String cut(String text, int max) {
        return kept(text, cutEnd(text, max));
    }

    /**
     * How many chars of {@code text} a cut at {@code max} keeps (before its {@code …}): all of them
     * when {@code max} reaches the end, none when it is 1 or less, else up to the last space before
     * {@code max} when there is one (never half of a surrogate pair, nor an ellipsis of an earlier cut).
     */
    private static int cutEnd(String text, int max) {
        if (max >= text.length()) {
            return text.length();
        }
        if (max <= 1) {
            return 0;
        }
        int end = text.lastIndexOf(' ', max);
        if (end <= 0) {
            end = max;
        }
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        // Drop an ellipsis from an earlier cut before adding one.
        if (end > 0 && text.startsWith(ELLIPSIS, end - ELLIPSIS.length())) {
            end -= ELLIPSIS.length();
        }
        return end;
    }

    /** The first {@code end} chars of {@code text} as a record keeps them: marked {@code …} when cut. */
    static String kept(String text, int end) {
        return end >= text.length() ? text : end == 0 ? "" : text.substring(0, end) + ELLIPSIS;
    }

    /** Raw deflate (no zlib header), what {@code DecompressionStream("deflate-raw")} reads. */
    static byte[] deflate(String text) {
        return Input.of(new byte[0], text).deflateKept(text.length());
    }

    /** Raw deflate of {@code input[0, length)}. */
    private static byte[] deflate(byte[] input, int length) {
        // One deflater a thread, reset between uses (the same bytes as a new one): a new one
        // allocates and frees zlib's 256 KB of tables each time, and a long article is deflated
        // a few times while its text is cut to fit: at 10,000 articles that was 4 s of a cold
        // build's analysis, much of it the kernel mapping and clearing that memory again.
        Deflater deflater = DEFLATERS.get();
        // Reset before each use only (after a failed one too): each reset clears zlib's 64 KB hash table.
        deflater.reset();
        deflater.setInput(input, 0, length);
        deflater.finish();
        byte[] out = new byte[length / 2 + 64];
        int size = 0;
        while (!deflater.finished()) {
            if (size == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            size += deflater.deflate(out, size, out.length - size);
        }
        return size == out.length ? out : Arrays.copyOf(out, size);
    }

    private static final ThreadLocal<Deflater> DEFLATERS = ThreadLocal.withInitial(() -> new Deflater(LEVEL, true));
    private static final ThreadLocal<byte[][]> INPUT = ThreadLocal.withInitial(() -> new byte[][] {new byte[1 << 15]});

    private static final ThreadLocal<char[][]> CHARS = ThreadLocal.withInitial(() -> new char[][] {new char[1 << 14]});

    private static byte[] manifest(String indexVersion, int docs, int packs) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = Json.writer(text)) {
            json.writeStartObject();
            json.writeNumberField("format", FORMAT);
            json.writeStringField("index", indexVersion);
            json.writeNumberField("docs", docs);
            json.writeNumberField("per", PER_PACK);
            json.writeNumberField("packs", packs);
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
