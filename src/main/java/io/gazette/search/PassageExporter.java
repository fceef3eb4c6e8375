package io.gazette.search;

import com.fasterxml.jackson.core.JsonGenerator;
import io.gazette.hash.Hashes;
import io.gazette.json.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.Deflater;

/**
 * Writes what the browser client ({@code js/passages.js}) needs to show, for each result, the
 * passage of the article that best matches the query rather than its lead: each document's body
 * text, deflated on its own, packed into a few large files that the client reads with HTTP
 * {@code Range} requests.
 *
 * <h2>Layout</h2>
 * <pre>
 * search/passages.json       {"format":1,"index":V,"docs":N,"offsets":"p/&lt;h&gt;.idx",
 *                             "packs":["p/&lt;h&gt;.bin",...]}
 * search/p/&lt;h&gt;.idx            N entries of 8 bytes, one per document number:
 *                            byte pack, 3 bytes length (little-endian), 4 bytes offset (little-endian)
 * search/p/&lt;h&gt;.bin            raw deflate streams (RFC 1951), one per document, back to back
 * </pre>
 * V is the static index's version ({@link StaticIndexExporter.Result#version}): documents are
 * numbered as there (the order of {@link DocNumbering}), and the client uses no passage when
 * the two files come from different builds. Each file is named after a hash of its content, so
 * {@code search/p/} can be cached for a year. A document's text is cut to fit
 * {@link #STORED_BYTES} deflated (the head of a long article, ending in {@code …}).
 *
 * <p>A query for a page of results costs one 8-byte range of the offsets and one range of at
 * most {@link #STORED_BYTES} per result, and adds 2 + about N / 7,000 files (Pagefind adds one
 * file per page).
 * Documents are compressed a batch at a time and a pack is written as soon as it is full, so
 * only one pack's bytes are held at once, never every body.
 */
public final class PassageExporter {
    public static final String MANIFEST = StaticIndexExporter.DIR + "/passages.json";
    static final int FORMAT = 1;
    /** Body characters looked at per document (far more than fit in {@link #STORED_BYTES}). */
    static final int MAX_CHARS = 12_000;
    /**
     * Deflated bytes kept per document, about the first 3,000 characters of a Vietnamese body;
     * what one result costs a query at most. Half the articles are shorter and kept whole.
     */
    static final int STORED_BYTES = 1_200;
    private static final String ELLIPSIS = "…";
    /** A pack is closed past this size; static hosts limit single files (Cloudflare Pages: 25 MiB). */
    static final int PACK_BYTES = 8 << 20;
    private static final int BATCH = 512;
    private static final int LEVEL = 6;

    /** What was written: the site-relative paths, manifest first. */
    public record Result(List<String> paths, long bytes) {
        public Result {
            paths = List.copyOf(paths);
        }
    }

    private PassageExporter() {
    }

    /**
     * Writes the passages of the documents, in {@code numbering}'s order, through {@code sink}. Deletes nothing.
     * Byte-identical output for the same documents and index version.
     *
     * @param indexVersion the version of the static index written from the same index
     */
    public static Result export(DocNumbering numbering, java.util.function.IntFunction<String> bodies,
            String indexVersion, IndexFiles sink) throws IOException {
        int n = numbering.size();
        byte[] offsets = new byte[8 * n];
        List<String> packs = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        long bytes = 0;
        ByteArrayOutputStream pack = new ByteArrayOutputStream(PACK_BYTES + (1 << 16));
        for (int from = 0; from < n; from += BATCH) {
            int to = Math.min(n, from + BATCH);
            byte[][] batch = new byte[to - from][];
            int base = from;
            IntStream.range(from, to).parallel().forEach(d -> batch[d - base] = stored(bodies.apply(d)));
            for (int d = from; d < to; d++) {
                byte[] data = batch[d - from];
                if (pack.size() > 0 && pack.size() + data.length > PACK_BYTES) {
                    bytes += writePack(pack, packs, paths, sink);
                }
                int at = 8 * d;
                offsets[at] = (byte) packs.size();
                offsets[at + 1] = (byte) data.length;
                offsets[at + 2] = (byte) (data.length >>> 8);
                offsets[at + 3] = (byte) (data.length >>> 16);
                int offset = pack.size();
                for (int b = 0; b < 4; b++) {
                    offsets[at + 4 + b] = (byte) (offset >>> (8 * b));
                }
                pack.write(data, 0, data.length);
            }
        }
        if (pack.size() > 0) {
            bytes += writePack(pack, packs, paths, sink);
        }
        if (packs.size() > 255) {
            throw new IllegalStateException("more than 255 passage packs");
        }
        String offsetsPath = "p/" + name(offsets) + ".idx";
        sink.write(StaticIndexExporter.DIR + "/" + offsetsPath, offsets);
        paths.add(0, StaticIndexExporter.DIR + "/" + offsetsPath);
        byte[] manifest = manifest(indexVersion, n, offsetsPath, packs);
        sink.write(MANIFEST, manifest);
        paths.add(0, MANIFEST);
        return new Result(paths, bytes + offsets.length + manifest.length);
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
     * The deflated text of a document, at most {@link #STORED_BYTES}: a longer text is cut between
     * words, marked with a final {@code …}, until it fits.
     */
    static byte[] stored(String body) {
        String text = text(body);
        byte[] data = deflate(text);
        while (data.length > STORED_BYTES) {
            // Text compresses about evenly: aim just under the limit, then shrink by steps.
            int chars = (int) Math.min(text.length() - 1L, (long) text.length() * STORED_BYTES / data.length * 97 / 100);
            text = cut(text, Math.max(1, chars));
            data = deflate(text);
        }
        return data;
    }

    /** The first {@code max} characters at most, cut before a space when there is one, plus {@code …}. */
    private static String cut(String text, int max) {
        int end = text.lastIndexOf(' ', max);
        if (end <= 0) {
            end = max;
        }
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        String kept = text.substring(0, end);
        // Drop an ellipsis from an earlier cut before adding one.
        if (kept.endsWith(ELLIPSIS)) {
            kept = kept.substring(0, kept.length() - 1);
        }
        return kept + ELLIPSIS;
    }

    /** Raw deflate (no zlib header), what {@code DecompressionStream("deflate-raw")} reads. */
    static byte[] deflate(String text) {
        byte[] input = text.getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(LEVEL, true);
        try {
            deflater.setInput(input);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(input.length / 2 + 64);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                int len = deflater.deflate(buffer);
                out.write(buffer, 0, len);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static long writePack(ByteArrayOutputStream pack, List<String> packs, List<String> paths, IndexFiles sink)
            throws IOException {
        byte[] content = pack.toByteArray();
        pack.reset();
        String path = "p/" + name(content) + ".bin";
        sink.write(StaticIndexExporter.DIR + "/" + path, content);
        packs.add(path);
        paths.add(StaticIndexExporter.DIR + "/" + path);
        return content.length;
    }

    private static String name(byte[] content) {
        return Hashes.sha256Hex(content).substring(0, 16);
    }

    private static byte[] manifest(String indexVersion, int docs, String offsets, List<String> packs) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = Json.writer(text)) {
            json.writeStartObject();
            json.writeNumberField("format", FORMAT);
            json.writeStringField("index", indexVersion);
            json.writeNumberField("docs", docs);
            json.writeStringField("offsets", offsets);
            json.writeArrayFieldStart("packs");
            for (String p : packs) {
                json.writeString(p);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
