package io.gazette.search;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh index is written from {@link SegmentBatch}es, not with {@code addDocument}: it must hold
 * exactly what {@code addDocument} writes — every field's terms with their documents and
 * frequencies, the stored fields in order, the doc values and the fields' index options — whether
 * the documents make one segment or many, and the writer must go on updating it afterwards.
 */
class SegmentBatchTest {

    private static List<SearchDocument> documents() {
        List<SearchDocument> docs = new ArrayList<>(SearchFixtures.archive());
        docs.add(new SearchDocument("khong-ngay/", "Hà", null, "Nội", List.of(), null, null, null));
        docs.add(new SearchDocument("trong/", "Tiêu đề", "", "", List.of("Thi đua", "thi  ĐUA", "Thi"), "", "", LocalDate.of(2001, 2, 3)));
        docs.add(new SearchDocument("lap/", "Thi đua thi đua thi đua", "Thi đua, thi dua; THI ĐUA!",
                "Thi đua khen thưởng. THI ĐUA yêu nước, thi dua; thi đua! Đường đua xe đạp, đua thuyền 2014 x2 ".repeat(20),
                List.of("Thi đua khen thưởng"), "Hoạt động", "Quỳnh Anh", LocalDate.of(2014, 8, 18)));
        for (int i = 0; i < 40; i++) {
            docs.add(new SearchDocument("bai-" + i + "/", "Bài số " + i + " về hội nghị", "Tóm tắt " + i,
                    "Nội dung bài " + i + ": hội nghị tổng kết công tác thi đua năm " + (2000 + i % 7)
                            + ", các đơn vị " + "đổi mới ".repeat(i % 5) + "phong trào.",
                    List.of("Hội nghị", "Năm " + (2000 + i % 7)), i % 3 == 0 ? "Tin tức" : "Sự kiện", "Tác giả " + i % 4,
                    LocalDate.of(2000 + i % 7, 1 + i % 12, 1 + i % 28)));
        }
        return docs;
    }

    @Test
    void theRadixSortOrdersPackedOrdinalsAsArraysSortDoes() {
        java.util.Random random = new java.util.Random(42);
        for (int round = 0; round < 40; round++) {
            int n = round == 0 ? 0 : random.nextInt(round < 20 ? 50 : 200_000);
            // Few distinct high values in some rounds (many ties, kept in the order of the low bits),
            // up to 42 bits of them in others (four passes).
            int highBits = 1 + random.nextInt(round % 2 == 0 ? 6 : 42);
            long[] values = new long[n];
            for (int i = 0; i < n; i++) {
                long high = random.nextLong() >>> (64 - highBits);
                values[i] = (high << 21) | i;
            }
            long[] expected = values.clone();
            java.util.Arrays.sort(expected);
            long[] before = values.clone();
            assertThat(SegmentBatch.sortedByHighBits(values, 21)).as("round %d", round).containsExactly(expected);
            assertThat(values).as("left as given").containsExactly(before);
        }
    }

    @Test
    void batchesWriteWhatAddDocumentWrites(@TempDir Path dir) throws IOException {
        List<SearchDocument> docs = documents();
        String expected;
        try (DirectoryReader reader = SearchIndexer.inMemory(docs)) {
            expected = dump(reader);
        }
        SearchIndexer.rebuild(dir.resolve("one"), docs);
        assertThat(dump(dir.resolve("one"))).isEqualTo(expected);
        // Batches of a few documents: many segments, and two threads' last batches added together.
        SearchIndexer.rebuild(dir.resolve("many"), docs, 200);
        assertThat(segments(dir.resolve("many"))).isGreaterThan(3);
        assertThat(dump(dir.resolve("many"))).isEqualTo(expected);
    }

    @Test
    void aBadDocumentFailsTheFreshIndexWhicheverWritingThreadMeetsIt(@TempDir Path dir) {
        List<SearchDocument> docs = documents();
        docs.add(docs.get(7));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SearchIndexer.sync(dir, docs.parallelStream()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two search documents have the url " + docs.get(7).url());
    }

    @Test
    void theWriterUpdatesAnIndexWrittenFromBatches(@TempDir Path dir) throws IOException {
        List<SearchDocument> docs = documents();
        SearchIndexer.rebuild(dir, docs, 200);
        List<SearchDocument> edited = new ArrayList<>(docs);
        edited.set(0, new SearchDocument(docs.get(0).url(), "Tiêu đề mới", "Tóm tắt mới", "Nội dung mới hoàn toàn",
                List.of("Mới"), "Chuyên mục mới", "Người viết", LocalDate.of(2022, 2, 2)));
        edited.remove(5);
        assertThat(SearchIndexer.sync(dir, edited)).isEqualTo(2);
        try (DirectoryReader reader = SearchIndexer.inMemory(edited)) {
            assertThat(dump(dir)).isEqualTo(dump(reader));
        }
    }

    @Test
    void aPairTermIsMadeFromItsTwoSyllablesBytesByRankGrowingItsBuffer() {
        SegmentBatch.SyllableBytes syllables = SegmentBatch.SyllableBytes.of(new BytesRef[] {
                new BytesRef("a"), new BytesRef("dua"), new BytesRef("xxthixx".getBytes(java.nio.charset.StandardCharsets.UTF_8), 2, 3)});
        BytesRef term = new BytesRef(new byte[2]);
        syllables.pair(2, 1, term);
        assertThat(term.utf8ToString()).isEqualTo("thi dua");
        syllables.pair(0, 0, term);
        assertThat(term.utf8ToString()).isEqualTo("a a");
        syllables.pair(1, 2, term);
        assertThat(term.utf8ToString()).isEqualTo("dua thi");
    }

    private static int segments(Path dir) throws IOException {
        try (FSDirectory fs = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(fs)) {
            return reader.leaves().size();
        }
    }

    private static String dump(Path dir) throws IOException {
        try (FSDirectory fs = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(fs)) {
            return dump(reader);
        }
    }

    /** Everything the index holds, by url: independent of document order and segments. */
    static String dump(DirectoryReader reader) throws IOException {
        Map<String, String> fields = new TreeMap<>();
        Map<String, TreeSet<String>> postings = new TreeMap<>();
        Map<String, String> documents = new TreeMap<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            LeafReader r = leaf.reader();
            StoredFields stored = r.storedFields();
            String[] urls = new String[r.maxDoc()];
            for (int doc = 0; doc < r.maxDoc(); doc++) {
                if (r.getLiveDocs() != null && !r.getLiveDocs().get(doc)) {
                    continue;
                }
                StringBuilder text = new StringBuilder();
                for (IndexableField field : stored.document(doc)) {
                    text.append(field.name()).append('=').append(field.stringValue() != null ? field.stringValue()
                            : new BytesRef(field.binaryValue().bytes, field.binaryValue().offset, field.binaryValue().length)
                                    .toString()).append('\n');
                }
                urls[doc] = stored.document(doc).get(SearchFields.URL);
                documents.put(urls[doc], text.toString());
            }
            NumericDocValues dates = r.getNumericDocValues(SearchFields.DATE_SORT);
            SortedDocValues urlValues = r.getSortedDocValues(SearchFields.URL);
            BinaryDocValues hashes = r.getBinaryDocValues(SearchFields.HASH);
            for (int doc = 0; doc < r.maxDoc(); doc++) {
                if (urls[doc] == null) {
                    continue;
                }
                assertThat(dates.advanceExact(doc) && urlValues.advanceExact(doc) && hashes.advanceExact(doc)).isTrue();
                documents.merge(urls[doc], "dv " + dates.longValue() + " " + urlValues.lookupOrd(urlValues.ordValue())
                        .utf8ToString() + " " + hashes.binaryValue().utf8ToString() + "\n", String::concat);
            }
            for (FieldInfo info : r.getFieldInfos()) {
                String options = info.getIndexOptions() + " " + info.getDocValuesType() + " norms " + !info.omitsNorms()
                        + " vectors " + info.hasVectors() + " payloads " + info.hasPayloads();
                String known = fields.putIfAbsent(info.name, options);
                assertThat(known == null || known.equals(options)).as(info.name).isTrue();
                Terms terms = r.terms(info.name);
                if (terms == null) {
                    continue;
                }
                TermsEnum it = terms.iterator();
                BytesRef previous = null;
                for (BytesRef term = it.next(); term != null; term = it.next()) {
                    assertThat(previous == null || previous.compareTo(term) < 0).as("terms in order").isTrue();
                    previous = BytesRef.deepCopyOf(term);
                    PostingsEnum docs = it.postings(null, PostingsEnum.FREQS);
                    for (int doc = docs.nextDoc(); doc != PostingsEnum.NO_MORE_DOCS; doc = docs.nextDoc()) {
                        if (urls[doc] != null) {
                            postings.computeIfAbsent(info.name + ":" + term.utf8ToString(), k -> new TreeSet<>())
                                    .add(urls[doc] + "×" + docs.freq());
                        }
                    }
                }
            }
        }
        // Fields no live document has anymore may linger in a segment's infos: only compare used ones.
        return "fields " + fields + "\npostings " + postings + "\ndocuments " + documents;
    }
}
