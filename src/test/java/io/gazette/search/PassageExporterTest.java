package io.gazette.search;

import io.gazette.output.MemorySink;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Inflater;

import static org.assertj.core.api.Assertions.assertThat;

class PassageExporterTest {
    private static final String KHEN = "Hội đồng Thi đua, Khen thưởng trao giấy khen cho các tập thể xuất sắc.";

    /** Every document's text comes back from its 8-byte entry and its pack, in the index's numbering. */
    @Test
    void eachDocumentsTextIsReadBackFromItsRangeInDocumentOrder() throws Exception {
        List<SearchDocument> docs = new ArrayList<>(RelatedArticlesTest.bigArchive());
        docs.add(SearchFixtures.doc("dai/", "Bài dài", longBody(), "2013-01-02"));
        docs.add(SearchFixtures.doc("rong/", "Bài không có thân", "", "2012-01-02"));
        MemorySink sink = new MemorySink();
        List<SearchDocument> numbered = new ArrayList<>();
        PassageExporter.Result result = export(docs, "v1", sink, numbered);
        Map<String, byte[]> files = sink.contents();
        assertThat(result.paths()).first().isEqualTo("search/passages.json");
        assertThat(files.keySet()).containsExactlyInAnyOrderElementsOf(result.paths());
        assertThat(result.bytes()).isEqualTo(files.values().stream().mapToLong(b -> b.length).sum());

        String json = new String(files.get("search/passages.json"), StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\"format\":1,\"index\":\"v1\",\"docs\":" + docs.size() + ",");
        Matcher m = Pattern.compile("\"offsets\":\"(p/[0-9a-f]{16}\\.idx)\",\"packs\":\\[\"(p/[0-9a-f]{16}\\.bin)\"]}\n")
                .matcher(json);
        assertThat(m.find()).as(json).isTrue();
        List<String> manifest = List.of(m.group(2));
        byte[] offsets = files.get("search/" + m.group(1));
        assertThat(offsets).hasSize(8 * docs.size());
        // Few files: the offsets and one pack (each pack holds megabytes), whatever the count of documents.
        assertThat(files).hasSize(3);

        for (int d = 0; d < docs.size(); d++) {
            SearchDocument doc = numbered.get(d);
            int at = 8 * d;
            int length = (offsets[at + 1] & 0xff) | (offsets[at + 2] & 0xff) << 8 | (offsets[at + 3] & 0xff) << 16;
            int offset = (offsets[at + 4] & 0xff) | (offsets[at + 5] & 0xff) << 8 | (offsets[at + 6] & 0xff) << 16
                    | (offsets[at + 7] & 0xff) << 24;
            byte[] pack = files.get("search/" + manifest.get(offsets[at] & 0xff));
            assertThat(length).isLessThanOrEqualTo(PassageExporter.STORED_BYTES);
            String text = inflate(Arrays.copyOfRange(pack, offset, offset + length));
            String body = Snippets.collapse(doc.body());
            if (text.endsWith("…")) {
                // Cut between words, and only when the whole would not fit.
                assertThat(PassageExporter.deflate(body).length).isGreaterThan(PassageExporter.STORED_BYTES);
                String kept = text.substring(0, text.length() - 1);
                assertThat(body).startsWith(kept);
                assertThat(body.charAt(kept.length())).isEqualTo(' ');
                assertThat(kept.length()).isGreaterThan(1_500);
            } else {
                assertThat(text).as(doc.url()).isEqualTo(body);
            }
        }
        int longDoc = numbered.stream().map(SearchDocument::url).toList().indexOf("dai/");
        String longText = inflate(range(files, manifest, offsets, longDoc));
        assertThat(longText).endsWith("…").doesNotContain(KHEN);
    }

    @Test
    void exportIsByteIdenticalAcrossRunsAndInputOrders() throws Exception {
        List<SearchDocument> docs = new ArrayList<>(RelatedArticlesTest.bigArchive());
        MemorySink a = new MemorySink();
        export(docs, "v", a, new ArrayList<>());
        java.util.Collections.reverse(docs);
        MemorySink b = new MemorySink();
        export(docs, "v", b, new ArrayList<>());
        assertThat(b.contents().keySet()).isEqualTo(a.contents().keySet());
        for (String path : a.contents().keySet()) {
            assertThat(b.contents().get(path)).as(path).isEqualTo(a.contents().get(path));
        }
        // Files below search/p/ are named after their content: a change renames them.
        MemorySink c = new MemorySink();
        docs.set(0, SearchFixtures.doc("moi/", "Bài mới", "Nội dung mới", "2020-01-01"));
        export(docs, "v", c, new ArrayList<>());
        assertThat(c.contents().keySet()).doesNotContainAnyElementsOf(
                a.contents().keySet().stream().filter(p -> p.startsWith("search/p/")).toList());
    }

    /**
     * The passages of {@code docs} as a build writes them: numbered by the Lucene index of the same
     * documents; {@code numbered} receives the documents in that order.
     */
    private static PassageExporter.Result export(List<SearchDocument> docs, String version, MemorySink sink,
            List<SearchDocument> numbered) throws Exception {
        Map<String, SearchDocument> byUrl = new java.util.HashMap<>();
        docs.forEach(doc -> byUrl.put(doc.url(), doc));
        try (var reader = SearchIndexer.inMemory(docs)) {
            DocNumbering numbering = DocNumbering.of(reader);
            for (int d = 0; d < numbering.size(); d++) {
                numbered.add(byUrl.get(numbering.url(d)));
            }
            return PassageExporter.export(numbering, d -> byUrl.get(numbering.url(d)).body(), version, sink::write);
        }
    }

    private static byte[] range(Map<String, byte[]> files, List<String> manifest, byte[] offsets, int d) {
        int at = 8 * d;
        int length = (offsets[at + 1] & 0xff) | (offsets[at + 2] & 0xff) << 8 | (offsets[at + 3] & 0xff) << 16;
        int offset = (offsets[at + 4] & 0xff) | (offsets[at + 5] & 0xff) << 8 | (offsets[at + 6] & 0xff) << 16
                | (offsets[at + 7] & 0xff) << 24;
        byte[] pack = files.get("search/" + manifest.get(offsets[at] & 0xff));
        return Arrays.copyOfRange(pack, offset, offset + length);
    }

    /** A body of distinct sentences, far longer than what is kept, with KHEN only at its end. */
    static String longBody() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            b.append("Câu thứ ").append(i * 7919 % 10007).append(" nói về công tác số ").append(i * 104729 % 9973)
                    .append(" của đơn vị ").append(Integer.toString(i * 31337, 36)).append(".\n");
        }
        return b.append(KHEN).toString();
    }

    static String inflate(byte[] raw) throws Exception {
        Inflater inflater = new Inflater(true);
        inflater.setInput(raw);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            if (n == 0 && !inflater.finished() && inflater.needsInput()) {
                throw new AssertionError("truncated stream");
            }
            out.write(buffer, 0, n);
        }
        assertThat(inflater.getRemaining()).isZero();
        inflater.end();
        return out.toString(StandardCharsets.UTF_8);
    }
}
