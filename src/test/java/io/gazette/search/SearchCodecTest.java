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

    /**
     * Postings with trimmed impacts are Lucene's own, byte for byte: the same documents (terms in
     * thousands of documents with many frequencies, so full blocks and both levels of skip data
     * with their impacts) written by the codec and by one with Lucene's postings format (same name,
     * same files) differ only in the segment ids and checksums of their headers and footers.
     */
    @Test
    void trimmedImpactsWriteLucenesOwnPostings(@TempDir Path dir) throws IOException {
        assertThat(SearchCodec.impactsTrimmable()).isEqualTo(Runtime.version().feature() < 26);
        org.apache.lucene.codecs.Codec lucenePostings = new org.apache.lucene.codecs.FilterCodec(SearchCodec.NAME,
                SearchCodec.codec()) {
            @Override
            public org.apache.lucene.codecs.PostingsFormat postingsFormat() {
                return new org.apache.lucene.codecs.lucene912.Lucene912Codec().postingsFormat();
            }
        };
        Path ours = dir.resolve("ours");
        Path lucene = dir.resolve("lucene");
        writeImpactDocuments(ours, SearchCodec.codec());
        writeImpactDocuments(lucene, lucenePostings);
        List<String> compared = new ArrayList<>();
        try (var files = java.nio.file.Files.list(ours)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.matches(".*\\.(doc|tim|tip|tmd|psm)")) {
                    continue;
                }
                byte[] a = withoutIds(java.nio.file.Files.readAllBytes(file));
                byte[] b = withoutIds(java.nio.file.Files.readAllBytes(lucene.resolve(name)));
                assertThat(a).as(name).isEqualTo(b);
                compared.add(name);
            }
        }
        assertThat(compared).anyMatch(n -> n.endsWith(".doc")).anyMatch(n -> n.endsWith(".tim"));
    }

    /**
     * A segment file with its segment id (after the first header's codec name and version, and
     * again in every header after it) and its footer's checksum zeroed: what differs between two
     * writes of the same segment.
     */
    private static byte[] withoutIds(byte[] file) {
        int nameLength = file[4] & 0xff;
        int at = org.apache.lucene.codecs.CodecUtil.headerLength(new String(file, 5, nameLength,
                java.nio.charset.StandardCharsets.UTF_8));
        byte[] id = java.util.Arrays.copyOfRange(file, at, at + 16);
        byte[] out = file.clone();
        for (int i = 0; i + 16 <= out.length; i++) {
            if (java.util.Arrays.equals(out, i, i + 16, id, 0, 16)) {
                java.util.Arrays.fill(out, i, i + 16, (byte) 0);
            }
        }
        java.util.Arrays.fill(out, out.length - 8, out.length, (byte) 0);
        return out;
    }

    /** 6,000 documents in one segment: frequent terms with varied frequencies, a field with positions. */
    private static void writeImpactDocuments(Path dir, org.apache.lucene.codecs.Codec codec) throws IOException {
        org.apache.lucene.document.FieldType freqs = new org.apache.lucene.document.FieldType();
        freqs.setTokenized(true);
        freqs.setOmitNorms(true);
        freqs.setIndexOptions(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS);
        freqs.freeze();
        org.apache.lucene.document.FieldType positions = new org.apache.lucene.document.FieldType(freqs);
        positions.setIndexOptions(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        positions.freeze();
        IndexWriterConfig config = new IndexWriterConfig(new org.apache.lucene.analysis.core.WhitespaceAnalyzer())
                .setCodec(codec).setMaxBufferedDocs(100_000).setRAMBufferSizeMB(256).setUseCompoundFile(false)
                .setMergePolicy(org.apache.lucene.index.NoMergePolicy.INSTANCE);
        try (FSDirectory directory = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(directory, config)) {
            java.util.Random random = new java.util.Random(42);
            for (int d = 0; d < 6_000; d++) {
                StringBuilder text = new StringBuilder();
                for (int t = 0; t < 40; t++) {
                    int term = (int) Math.abs(random.nextGaussian() * 30);
                    text.append("t").append(term).append(' ');
                }
                text.append("d").append(d);
                org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
                doc.add(new org.apache.lucene.document.Field("pairs", text.toString(), freqs));
                doc.add(new org.apache.lucene.document.Field("words", text.toString(), positions));
                doc.add(new org.apache.lucene.document.StringField("id", Integer.toString(d),
                        org.apache.lucene.document.Field.Store.NO));
                writer.addDocument(doc);
            }
        }
    }

    /** A segment whose field has norms keeps Lucene's whole accumulators: impacts of many norms read back. */
    @Test
    void aSegmentWithNormsIsWrittenAsLuceneWritesIt(@TempDir Path dir) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(new org.apache.lucene.analysis.core.WhitespaceAnalyzer())
                .setCodec(SearchCodec.codec());
        try (FSDirectory directory = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(directory, config)) {
            for (int d = 0; d < 1_000; d++) {
                org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
                doc.add(new org.apache.lucene.document.TextField("text", "common " + "filler ".repeat(d % 300),
                        org.apache.lucene.document.Field.Store.NO));
                writer.addDocument(doc);
            }
        }
        try (FSDirectory directory = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(directory)) {
            var terms = reader.leaves().get(0).reader().terms("text").iterator();
            assertThat(terms.seekExact(new org.apache.lucene.util.BytesRef("filler"))).isTrue();
            var impacts = terms.impacts(org.apache.lucene.index.PostingsEnum.FREQS);
            impacts.advanceShallow(0);
            assertThat(impacts.getImpacts().getImpacts(0).size()).isGreaterThan(1);
        }
    }

    /**
     * Bodies lie in the segment as UTF-8 bytes (a binary value, which merges copy as it is) and
     * every reader gets them as the text Lucene's own string field would have given, a lone
     * surrogate as U+FFFD included; other binary values (the passage record) stay binary.
     */
    @Test
    void bodiesAreStoredAsUtf8BytesAndReadAsText(@TempDir Path dir) throws IOException {
        List<SearchDocument> docs = new ArrayList<>(SearchFixtures.archive());
        docs.add(SearchFixtures.doc("2020/01/ky-tu-le/", "Ký tự lẻ", "Trước \uD800 sau, và 𝄞 nhạc.", "2020-01-06"));
        SearchIndexer.rebuild(dir, docs, 100);
        java.util.Map<String, String> bodies = new java.util.HashMap<>();
        try (FSDirectory directory = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(directory)) {
            for (var leaf : reader.leaves()) {
                var codecReader = (org.apache.lucene.index.CodecReader) leaf.reader();
                for (int d = 0; d < leaf.reader().maxDoc(); d++) {
                    org.apache.lucene.document.Document doc = leaf.reader().storedFields().document(d);
                    assertThat(doc.getField("body").binaryValue()).isNull();
                    assertThat(doc.getBinaryValue(SearchFields.PASSAGE)).isNotNull();
                    bodies.put(doc.get(SearchFields.URL), doc.get("body"));
                    java.util.Map<String, String> kinds = new java.util.HashMap<>();
                    codecReader.getFieldsReader().getMergeInstance().document(d,
                            new org.apache.lucene.index.StoredFieldVisitor() {
                                @Override
                                public Status needsField(org.apache.lucene.index.FieldInfo field) {
                                    return Status.YES;
                                }

                                @Override
                                public void binaryField(org.apache.lucene.index.FieldInfo field, byte[] value) {
                                    kinds.put(field.name, "bytes");
                                }

                                @Override
                                public void stringField(org.apache.lucene.index.FieldInfo field, String value) {
                                    kinds.put(field.name, "text");
                                }
                            });
                    assertThat(kinds).containsEntry("body", "bytes").containsEntry("title", "text")
                            .containsEntry(SearchFields.PASSAGE, "bytes");
                }
            }
        }
        for (SearchDocument doc : docs) {
            String expected = new org.apache.lucene.util.BytesRef(SearchFields.nfc(doc.body())).utf8ToString();
            assertThat(bodies.get(doc.url())).as(doc.url()).isEqualTo(expected);
        }
        assertThat(bodies.get("2020/01/ky-tu-le/")).isEqualTo("Trước \uFFFD sau, và 𝄞 nhạc.");
    }
}
