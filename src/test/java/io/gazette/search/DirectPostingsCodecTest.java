package io.gazette.search;

import org.apache.lucene.codecs.FieldsProducer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MergeState;
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
 * segments, deletions) as Lucene does: both give the index {@code addDocument} would.
 */
class DirectPostingsCodecTest {

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
        assertThat(DirectPostingsCodec.singleUnchanged(merge(new FieldsProducer[] {producer},
                new MergeState.DocMap[] {identity}, new Bits[] {null}, false))).isSameAs(producer);
        assertThat(DirectPostingsCodec.singleUnchanged(merge(new FieldsProducer[] {producer, producer},
                new MergeState.DocMap[] {identity, doc -> doc + 10}, new Bits[] {null, null}, false))).isNull();
        assertThat(DirectPostingsCodec.singleUnchanged(merge(new FieldsProducer[] {producer},
                new MergeState.DocMap[] {identity}, new Bits[] {new Bits.MatchAllBits(10)}, false))).isNull();
        assertThat(DirectPostingsCodec.singleUnchanged(merge(new FieldsProducer[] {producer},
                new MergeState.DocMap[] {identity}, new Bits[] {null}, true))).isNull();
        assertThat(DirectPostingsCodec.singleUnchanged(merge(new FieldsProducer[] {producer},
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
                        .setCodec(DirectPostingsCodec.codec()).setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
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
}
