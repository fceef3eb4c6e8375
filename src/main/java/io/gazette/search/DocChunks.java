package io.gazette.search;

import com.fasterxml.jackson.core.JsonGenerator;
import io.gazette.json.Json;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The static index's document files: {@code d/<n>.json} holds documents {@code n*CHUNK ..
 * n*CHUNK+CHUNK-1} as {@code [[url,title,date,[tags],excerpt],...]}, one document a line. Read from
 * the stored fields of the Lucene index, one chunk at a time (the body is not read: the excerpt is
 * stored when the document is indexed).
 */
final class DocChunks {
    /**
     * Documents per metadata file. The page reads a result's row from its passage record (one
     * Range read, {@link PassageExporter#record}); these files serve where that fails (a host
     * without Range, a browser without DecompressionStream), so they are few and larger: a page
     * of 10 scattered results then fetches about 10 × 8 × 450 B.
     */
    static final int CHUNK = 8;
    static final int EXCERPT_LENGTH = 140;
    private static final Set<String> READ = Set.of("title", "tags", SearchFields.DATE, SearchFields.EXCERPT);

    private DocChunks() {
    }

    /** The site-relative path of chunk {@code chunk}. */
    static String path(int chunk) {
        return StaticIndexExporter.DIR + "/d/" + chunk + ".json";
    }

    static int count(DocNumbering numbering) {
        return (numbering.size() + CHUNK - 1) / CHUNK;
    }

    /** Chunk {@code chunk}, read with {@code stored} (one per thread: stored fields are not shared). */
    static byte[] chunk(StoredFields stored, DocNumbering numbering, int chunk) throws IOException {
        return chunk(stored, numbering, chunk, null, null);
    }

    /**
     * Chunk {@code chunk} when the last export's chunks hold some of its rows: {@code sourceOf}
     * gives, by document number now, the number under which {@code previous} holds the same row
     * (-1: read it with {@code stored}; null: every row is read). A deletion moves every newer
     * document by one: their rows are the last export's, one place along, where reading them
     * again from the index cost a third of a second for half of 10,000 articles. The same bytes
     * either way: an old row goes through the same writer, verbatim.
     */
    static byte[] chunk(StoredFields stored, DocNumbering numbering, int chunk, int[] sourceOf, OldRows previous)
            throws IOException {
        StringWriter text = new StringWriter(CHUNK * 512);
        try (JsonGenerator json = Json.lineWriter(text)) {
            json.writeStartArray();
            for (int i = chunk * CHUNK; i < Math.min(numbering.size(), (chunk + 1) * CHUNK); i++) {
                String row = sourceOf == null || sourceOf[i] < 0 ? null : previous.row(sourceOf[i]);
                if (row != null) {
                    json.writeRawValue(row);
                    continue;
                }
                Document d = stored.document(numbering.luceneDoc(i), READ);
                row(json, numbering.url(i), String.join(" ", d.getValues("title")), d.get(SearchFields.DATE),
                        java.util.Arrays.asList(d.getValues("tags")), d.get(SearchFields.EXCERPT));
            }
            json.writeEndArray();
            json.writeRaw('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The rows of the last export's chunks, read as they are asked for, the last chunk read kept. */
    static final class OldRows {
        private final IndexFiles.Previous previous;
        private final int documents;
        private int chunk = -1;
        private String[] rows;

        OldRows(IndexFiles.Previous previous, int documents) {
            this.previous = previous;
            this.documents = documents;
        }

        /** The row of the last export's document {@code number}, or null when its chunk cannot be read. */
        String row(int number) throws IOException {
            if (number >= documents) {
                return null;
            }
            int c = number / CHUNK;
            if (c != chunk) {
                chunk = c;
                rows = split(previous.read(path(c)), Math.min(documents, (c + 1) * CHUNK) - c * CHUNK);
            }
            return rows == null ? null : rows[number - c * CHUNK];
        }

        /**
         * A chunk's rows: {@code [row,\nrow,\n...row]\n}, where a row, JSON on one line, holds no
         * line break; null when the file is not that with {@code count} rows.
         */
        private static String[] split(byte[] file, int count) {
            if (file == null) {
                return null;
            }
            String text = new String(file, StandardCharsets.UTF_8);
            if (!text.startsWith("[") || !text.endsWith("]\n")) {
                return null;
            }
            String[] rows = text.substring(1, text.length() - 2).split(",\n", -1);
            return rows.length == count ? rows : null;
        }
    }

    /**
     * One document's row, {@code [url,title,date,[tags],excerpt]}: in a chunk, and at the head of
     * the document's passage record ({@link PassageExporter#record}).
     */
    static void row(JsonGenerator json, String url, String title, String date, java.util.List<String> tags,
            String excerpt) throws IOException {
        json.writeStartArray();
        json.writeString(url);
        json.writeString(Snippets.collapse(title));
        json.writeString(date == null ? "" : date);
        json.writeStartArray();
        for (String tag : tags) {
            json.writeString(Snippets.collapse(tag));
        }
        json.writeEndArray();
        json.writeString(excerpt == null ? "" : excerpt);
        json.writeEndArray();
    }

    static StoredFields storedFields(IndexReader reader) {
        try {
            return reader.storedFields();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a result shows under its title: the summary, else the lead of the body. */
    static String excerpt(SearchDocument d) {
        String summary = Snippets.collapse(String.join(" ", SearchFields.values(d, "summary")));
        if (!summary.isEmpty()) {
            return Snippets.lead(summary, EXCERPT_LENGTH);
        }
        return Snippets.lead(bodyHead(d.body() == null ? "" : d.body(), EXCERPT_LENGTH + 2), EXCERPT_LENGTH);
    }

    /**
     * {@code Snippets.collapsedHead(nfc(body), length)} without normalizing and copying the whole
     * body: the prefix up to a space (where NFC cannot join across) normalizes the same.
     */
    private static String bodyHead(String body, int length) {
        int cut = body.indexOf(' ', 3 * length);
        if (cut > 0) {
            String head = Snippets.collapsedHead(SearchFields.nfc(body.substring(0, cut)), length);
            if (head.length() >= length) {
                return head;
            }
        }
        return body.isBlank() ? "" : Snippets.collapsedHead(SearchFields.nfc(body), length);
    }
}
