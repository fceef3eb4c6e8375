package io.gazette.search;

import org.apache.lucene.codecs.FieldsProducer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MergeState;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.InfoStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The codec writes a merge of one unchanged segment directly, and every other merge (several
 * segments, deletions) as Lucene does: both give the index {@code addDocument} would. Its stored
 * fields, kept uncompressed, read back as written, and readers find the codec by its name.
 */
class SearchCodecTest {

    @Test
    void onlyASingleSourceWithoutDeletionsOrSortingIsWrittenDirectly() {
        FieldsProducer producer = new FieldsProducer() {
            @Override
            public void close() {
            }

            @Override
            public void checkIntegrity() {
            }

            @Override
            public java.util.Iterator<String> iterator() {
                return java.util.Collections.emptyIterator();
            }

            @Override
            public org.apache.lucene.index.Terms terms(String field) {
                return null;
            }

            @Override
            public int size() {
                return 0;
            }
        };
        MergeState.DocMap identity = doc -> doc;
        assertThat(SearchCodec.singleUnchanged(merge(new FieldsProducer[] {producer},
                new MergeState.DocMap[] {identity}, new Bits[] {null}, false))).isSameAs(producer);
        assertThat(SearchCodec.singleUnchanged(merge(new FieldsProducer[] {producer, producer},
                new MergeState.DocMap[] {identity, doc -> doc + 10}, new Bits[] {null, null}, false))).isNull();
        assertThat(SearchCodec.singleUnchanged(merge(new FieldsProducer[] {producer},
                new MergeState.DocMap[] {identity}, new Bits[] {new Bits.MatchAllBits(10)}, false))).isNull();
        assertThat(SearchCodec.singleUnchanged(merge(new FieldsProducer[] {producer},
                new MergeState.DocMap[] {identity}, new Bits[] {null}, true))).isNull();
        assertThat(SearchCodec.singleUnchanged(merge(new FieldsProducer[] {producer},
                new MergeState.DocMap[] {doc -> 9 - doc}, new Bits[] {null}, false))).isNull();
    }

    private static MergeState merge(FieldsProducer[] producers, MergeState.DocMap[] docMaps, Bits[] live,
            boolean sorted) {
        int[] maxDocs = new int[producers.length];
        java.util.Arrays.fill(maxDocs, 10);
        return new MergeState(docMaps, null, null, null, null, null, null, null, live, producers, null, null, maxDocs,
                InfoStream.NO_OUTPUT, null, sorted);
    }

    @Test
    void mergesOfSeveralSegmentsAndDeletionsStillGiveWhatAddDocumentGives(@TempDir Path dir) throws IOException {
        List<SearchDocument> docs = new ArrayList<>(SearchFixtures.archive());
        // Batches of a few documents: several segments, each written directly.
        SearchIndexer.rebuild(dir, docs, 100);
        SearchDocument gone = docs.remove(3);
        try (FSDirectory directory = FSDirectory.open(dir);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(SearchFields.analyzer())
                        .setCodec(SearchCodec.codec()).setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            writer.deleteDocuments(new Term(SearchFields.URL, gone.url()));
            writer.forceMerge(1); // several sources, one with a deletion: Lucene's own merge
        }
        String expected;
        try (DirectoryReader reader = SearchIndexer.inMemory(docs)) {
            expected = SegmentBatchTest.dump(reader);
        }
        try (FSDirectory directory = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(directory)) {
            assertThat(reader.leaves()).hasSize(1);
            assertThat(SegmentBatchTest.dump(reader)).isEqualTo(expected);
        }
    }

    @Test
    void storedFieldsReadBackAsWrittenAcrossChunksAndByTheCodecsName(@TempDir Path dir) throws IOException {
        List<SearchDocument> docs = new ArrayList<>(SearchFixtures.archive());
        // Longer than two 80 KB chunks: Lucene stores such a document in slices read one after the other.
        StringBuilder body = new StringBuilder();
        for (int i = 0; body.length() < 300_000; i++) {
            body.append("Đoạn ").append(i).append(": công tác thi đua, khen thưởng năm ").append(2000 + i % 25).append(". ");
        }
        docs.add(SearchFixtures.doc("2020/01/bai-rat-dai/", "Bài rất dài", body.toString(), "2020-01-05", "Dài"));
        SearchIndexer.rebuild(dir, docs, 100);
        // A document the writer adds itself (a flushed segment rather than a batch), as a preview does.
        SearchDocument later = SearchFixtures.doc("2021/02/bai-sau/", "Bài sau", "Nội dung thêm.", "2021-02-01");
        try (SearchIndexer indexer = SearchIndexer.open(dir)) {
            indexer.update(later);
        }
        docs.add(later);
        try (FSDirectory directory = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(directory)) {
            for (SegmentCommitInfo segment : SegmentInfos.readLatestCommit(directory)) {
                assertThat(segment.info.getCodec().getName()).isEqualTo(SearchCodec.NAME);
            }
            assertThat(reader.leaves()).hasSizeGreaterThan(1);
            java.util.Map<String, SearchDocument> read = new java.util.HashMap<>();
            for (var leaf : reader.leaves()) {
                StoredFields stored = leaf.reader().storedFields();
                for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                    SearchDocument doc = SearchFields.fromStored(stored.document(d));
                    read.put(doc.url(), doc);
                    // The field stored after the long body, and the binary passage record, come back too.
                    assertThat(stored.document(d).getBinaryValue(SearchFields.PASSAGE)).isNotNull();
                }
            }
            assertThat(read).hasSize(docs.size());
            for (SearchDocument doc : docs) {
                SearchDocument back = read.get(doc.url());
                assertThat(back.title()).isEqualTo(doc.title());
                assertThat(back.body()).isEqualTo(doc.body());
                assertThat(back.tags()).isEqualTo(doc.tags());
                assertThat(back.category()).isEqualTo(doc.category());
            }
        }
    }
}
