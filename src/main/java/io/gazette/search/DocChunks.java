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
        StringWriter text = new StringWriter(CHUNK * 512);
        try (JsonGenerator json = Json.lineWriter(text)) {
            json.writeStartArray();
            for (int i = chunk * CHUNK; i < Math.min(numbering.size(), (chunk + 1) * CHUNK); i++) {
                Document d = stored.document(numbering.luceneDoc(i), READ);
                String date = d.get(SearchFields.DATE);
                String excerpt = d.get(SearchFields.EXCERPT);
                row(json, numbering.url(i), String.join(" ", d.getValues("title")), date,
                        java.util.Arrays.asList(d.getValues("tags")), excerpt);
            }
            json.writeEndArray();
            json.writeRaw('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
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
