package io.gazette.search;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.FieldsConsumer;
import org.apache.lucene.codecs.FieldsProducer;
import org.apache.lucene.codecs.NormsProducer;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene912.Lucene912PostingsFormat;
import org.apache.lucene.index.Fields;
import org.apache.lucene.index.MergeState;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.index.SegmentWriteState;

import java.io.IOException;

/**
 * Lucene's default codec, writing the very same files, with one shortcut when a "merge" has a
 * single source segment without deletions: its terms and postings are written as they are, instead
 * of through the merge's views that interleave the terms of several segments and map their
 * document ids. Every {@link SegmentBatch} reaches the index that way ({@code addIndexes} of one
 * batch is a merge of one reader), and at 10,000 real articles those views were about a quarter of
 * the time Lucene spent writing the batches' terms (comparing each term with itself in
 * {@code MultiTermsEnum}, mapping each posting through an identity map).
 *
 * <p>Nothing is written differently: with one source, no deletions and no index sort, the merged
 * view gives the same terms, documents and frequencies in the same order, and the postings format
 * keeps Lucene's name ({@code Lucene912}), so any reader opens the index with Lucene's own codec.
 */
final class DirectPostingsCodec {
    private static final PostingsFormat POSTINGS = new DirectFormat();
    private static final Codec CODEC = new Lucene912Codec() {
        @Override
        public PostingsFormat getPostingsFormatForField(String field) {
            return POSTINGS;
        }
    };

    private DirectPostingsCodec() {
    }

    /** The codec {@link SearchIndexer}'s writers use. */
    static Codec codec() {
        return CODEC;
    }

    /** Lucene's postings format under its own name, with the single-source merge written directly. */
    private static final class DirectFormat extends PostingsFormat {
        private static final PostingsFormat LUCENE = new Lucene912PostingsFormat();

        DirectFormat() {
            // The name files and field attributes record: readers load Lucene's own format by it.
            super(LUCENE.getName());
        }

        @Override
        public FieldsConsumer fieldsConsumer(SegmentWriteState state) throws IOException {
            FieldsConsumer consumer = LUCENE.fieldsConsumer(state);
            return new FieldsConsumer() {
                @Override
                public void write(Fields fields, NormsProducer norms) throws IOException {
                    consumer.write(fields, norms);
                }

                @Override
                public void merge(MergeState merge, NormsProducer norms) throws IOException {
                    FieldsProducer only = singleUnchanged(merge);
                    if (only == null) {
                        consumer.merge(merge, norms);
                        return;
                    }
                    only.checkIntegrity();
                    consumer.write(only, norms);
                }

                @Override
                public void close() throws IOException {
                    consumer.close();
                }
            };
        }

        @Override
        public FieldsProducer fieldsProducer(SegmentReadState state) throws IOException {
            return LUCENE.fieldsProducer(state);
        }
    }

    /**
     * The postings of a merge's only source when the merged segment holds exactly its documents
     * under the same ids (no deletions, no sorting); null otherwise.
     */
    static FieldsProducer singleUnchanged(MergeState merge) {
        if (merge.fieldsProducers.length != 1 || merge.fieldsProducers[0] == null || merge.needsIndexSort
                || merge.liveDocs[0] != null) {
            return null;
        }
        int maxDoc = merge.maxDocs[0];
        if (maxDoc > 0 && (merge.docMaps[0].get(0) != 0 || merge.docMaps[0].get(maxDoc - 1) != maxDoc - 1)) {
            return null;
        }
        return merge.fieldsProducers[0];
    }
}
