package io.gazette.search;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.FieldsConsumer;
import org.apache.lucene.codecs.FieldsProducer;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.NormsProducer;
import org.apache.lucene.codecs.CompetitiveImpactAccumulator;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.codecs.PostingsWriterBase;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.StoredFieldsReader;
import org.apache.lucene.codecs.StoredFieldsWriter;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.codecs.compressing.Decompressor;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene90.blocktree.Lucene90BlockTreeTermsWriter;
import org.apache.lucene.codecs.lucene912.Lucene912PostingsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912PostingsWriter;
import org.apache.lucene.codecs.perfield.PerFieldPostingsFormat;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.Fields;
import org.apache.lucene.index.MergeState;
import org.apache.lucene.index.SegmentInfo;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.index.SegmentWriteState;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * The codec of the search index: Lucene 9.12's, with two changes that make a cold build's
 * writing cheaper and leave what readers get unchanged.
 *
 * <p><b>Stored fields are kept as they are, not compressed.</b> Lucene compresses them with LZ4;
 * at 10,000 real articles that was about half of Lucene's time writing the stored fields (most of
 * the text is the bodies, which snippets need whole; the passage records are deflated already,
 * so LZ4 gained nothing on them), and every reader of a document (the static export reads each
 * one's excerpt and passage record) decompressed the chunk around it again. The index lives in
 * the build cache, never in the output: it grows by about a third (59 → 78 MB at 10,000), which
 * costs less than the compression did. Same layout and chunks as Lucene's fast mode otherwise.
 *
 * <p><b>A merge of one unchanged segment writes its postings directly</b> (postings in Lucene's
 * own format and name), instead of through the merge's views that interleave the terms of
 * several segments and map their document ids. Every {@link SegmentBatch} reaches the index that
 * way ({@code addIndexes} of one batch is a merge of one reader), and at 10,000 real articles
 * those views were about a quarter of the time Lucene spent writing the batches' terms
 * (comparing each term with itself in {@code MultiTermsEnum}, mapping each posting through an
 * identity map). With one source, no deletions and no index sort, the merged view gives the same
 * terms, documents and frequencies in the same order.
 *
 * <p><b>Bodies are stored as UTF-8 bytes and read as text.</b> {@link SearchFields#toLucene}
 * encodes each body from the chars its scan reads anyway and stores the bytes as a binary value
 * ({@link SearchFields#STORED_AS_UTF8}); Lucene's writer, given the string, measured its UTF-8
 * length and then encoded it, both a char at a time through {@code String.charAt}. This codec's
 * reader hands those bytes to every reader as the string Lucene's own string field would have
 * given ({@link TextFromBytes}), so readers see text as before; merges copy the bytes as they are.
 *
 * <p><b>The postings writer keeps impacts for the one norm our fields have.</b> Lucene's writer
 * tracks, for each block of a term's postings, the highest frequency for each of 256 norms (its
 * "impacts", which let a search skip blocks that cannot score high enough) in arrays of 256 ints
 * that it clears at every term and merges twice more at the end of every term of several
 * documents: under C1 about 0.8 s of a cold 10,000-article build's CPU (1.8 million terms). Our
 * fields have no norms, so every posting has norm 1 and only two of those ints are ever set; a
 * segment with no norms gets accumulators of two ({@link #trimImpacts}), which write the same
 * impacts, so the files are byte for byte Lucene's.
 *
 * <p>Segments record the codec's name, {@value #NAME}; readers find the codec by it through
 * {@code META-INF/services/org.apache.lucene.codecs.Codec}, so Lucene must be able to make one
 * with the public constructor. A change to what this codec writes must change
 * {@link SearchFields#SCHEMA}, so that cached indexes are rebuilt rather than misread.
 */
public final class SearchCodec extends FilterCodec {
    /** The name segments record. */
    static final String NAME = "Gazette912";
    private static final PostingsFormat POSTINGS = new DirectFormat();
    private static final PostingsFormat PER_FIELD = new PerFieldPostingsFormat() {
        @Override
        public PostingsFormat getPostingsFormatForField(String field) {
            return POSTINGS;
        }
    };
    /** Lucene's fast stored fields' chunks (80 KB, at most 1,024 documents), without compression. */
    private static final StoredFieldsFormat AS_IS = new Lucene90CompressingStoredFieldsFormat(
            "GazetteStoredFieldsAsIs", StoredAsIs.MODE, 80 * 1024, 1024, 10);
    /** {@link #AS_IS}, whose readers give the fields stored as UTF-8 bytes back as text. */
    private static final StoredFieldsFormat STORED = new StoredFieldsFormat() {
        @Override
        public StoredFieldsReader fieldsReader(Directory directory, SegmentInfo segment, FieldInfos fields,
                IOContext context) throws IOException {
            java.util.BitSet text = new java.util.BitSet();
            for (String name : SearchFields.STORED_AS_UTF8) {
                FieldInfo info = fields.fieldInfo(name);
                if (info != null) {
                    text.set(info.number);
                }
            }
            return new TextFromBytes(AS_IS.fieldsReader(directory, segment, fields, context), text);
        }

        @Override
        public StoredFieldsWriter fieldsWriter(Directory directory, SegmentInfo segment, IOContext context)
                throws IOException {
            return AS_IS.fieldsWriter(directory, segment, context);
        }
    };
    private static final Codec CODEC = new SearchCodec();

    /** For Lucene's codec lookup by name; {@link #codec()} elsewhere. */
    public SearchCodec() {
        super(NAME, new Lucene912Codec());
    }

    /** The codec {@link SearchIndexer}'s writers use. */
    static Codec codec() {
        return CODEC;
    }

    @Override
    public PostingsFormat postingsFormat() {
        return PER_FIELD;
    }

    @Override
    public StoredFieldsFormat storedFieldsFormat() {
        return STORED;
    }

    /** Chunks of stored fields written as they are: each "compression" copies the bytes. */
    static final class StoredAsIs extends CompressionMode {
        /** One instance: Lucene copies a segment's chunks in a merge only when the modes are the same. */
        static final CompressionMode MODE = new StoredAsIs();

        private StoredAsIs() {
        }

        @Override
        public Compressor newCompressor() {
            return new Compressor() {
                @Override
                public void compress(ByteBuffersDataInput in, DataOutput out) throws IOException {
                    out.copyBytes(in, in.length() - in.position());
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public Decompressor newDecompressor() {
            return new Decompressor() {
                /**
                 * Reads {@code length} bytes at {@code offset} of the {@code originalLength} stored
                 * here, and passes over the rest, as Lucene's own decompressors consume their whole
                 * input (a long document's slices are read one after the other from one input).
                 */
                @Override
                public void decompress(DataInput in, int originalLength, int offset, int length, BytesRef bytes)
                        throws IOException {
                    in.skipBytes(offset);
                    bytes.bytes = ArrayUtil.growNoCopy(bytes.bytes, length);
                    in.readBytes(bytes.bytes, 0, length);
                    bytes.offset = 0;
                    bytes.length = length;
                    in.skipBytes(originalLength - offset - length);
                }

                @Override
                public Decompressor clone() {
                    return this;
                }
            };
        }

        @Override
        public String toString() {
            return "stored as is";
        }
    }

    /**
     * A segment's stored fields, the fields numbered in {@code text} (stored as UTF-8 bytes) given
     * to visitors as strings, decoded as Lucene decodes a stored string; merges read the stored
     * bytes as they are ({@link #getMergeInstance}), so a merged segment stores them the same way.
     */
    static final class TextFromBytes extends StoredFieldsReader {
        private final StoredFieldsReader in;
        private final java.util.BitSet text;

        TextFromBytes(StoredFieldsReader in, java.util.BitSet text) {
            this.in = in;
            this.text = text;
        }

        @Override
        public void document(int doc, StoredFieldVisitor visitor) throws IOException {
            in.document(doc, text.isEmpty() ? visitor : new StoredFieldVisitor() {
                @Override
                public Status needsField(FieldInfo field) throws IOException {
                    return visitor.needsField(field);
                }

                @Override
                public void binaryField(FieldInfo field, DataInput value, int length) throws IOException {
                    if (!text.get(field.number)) {
                        visitor.binaryField(field, value, length);
                        return;
                    }
                    byte[] bytes = new byte[length];
                    value.readBytes(bytes, 0, length);
                    visitor.stringField(field, new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
                }

                @Override
                public void binaryField(FieldInfo field, byte[] value) throws IOException {
                    if (text.get(field.number)) {
                        visitor.stringField(field, new String(value, java.nio.charset.StandardCharsets.UTF_8));
                    } else {
                        visitor.binaryField(field, value);
                    }
                }

                @Override
                public void stringField(FieldInfo field, String value) throws IOException {
                    visitor.stringField(field, value);
                }

                @Override
                public void intField(FieldInfo field, int value) throws IOException {
                    visitor.intField(field, value);
                }

                @Override
                public void longField(FieldInfo field, long value) throws IOException {
                    visitor.longField(field, value);
                }

                @Override
                public void floatField(FieldInfo field, float value) throws IOException {
                    visitor.floatField(field, value);
                }

                @Override
                public void doubleField(FieldInfo field, double value) throws IOException {
                    visitor.doubleField(field, value);
                }
            });
        }

        @Override
        public StoredFieldsReader clone() {
            return new TextFromBytes(in.clone(), text);
        }

        @Override
        public StoredFieldsReader getMergeInstance() {
            return in.getMergeInstance();
        }

        @Override
        public void checkIntegrity() throws IOException {
            in.checkIntegrity();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
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
            FieldsConsumer consumer = termsWriter(state);
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
     * What {@link Lucene912PostingsFormat#fieldsConsumer} makes (its terms dictionary with the
     * default block sizes over its postings writer), the writer's impacts trimmed when no field
     * of the segment has norms.
     */
    private static FieldsConsumer termsWriter(SegmentWriteState state) throws IOException {
        PostingsWriterBase postings = new Lucene912PostingsWriter(state);
        boolean made = false;
        try {
            if (!state.fieldInfos.hasNorms()) {
                trimImpacts(postings);
            }
            FieldsConsumer terms = new Lucene90BlockTreeTermsWriter(state, postings,
                    Lucene90BlockTreeTermsWriter.DEFAULT_MIN_BLOCK_SIZE, Lucene90BlockTreeTermsWriter.DEFAULT_MAX_BLOCK_SIZE);
            made = true;
            return terms;
        } finally {
            if (!made) {
                org.apache.lucene.util.IOUtils.closeWhileHandlingException(postings);
            }
        }
    }

    /**
     * Norms the impacts of a segment without norms are kept for: Lucene records norm 1 for each
     * posting of a field without norms, at index 1 of an accumulator's per-norm array.
     */
    private static final int NORMS_WITHOUT_NORMS = 2;
    /** The first Java that warns when a final field is set by reflection (JEP 500). */
    private static final int FINAL_MEANS_FINAL = 26;
    /**
     * The accumulators' per-norm array, or null when this Lucene has none by that name, or when
     * the JVM warns about setting a final field by reflection (JEP 500, from Java 26 on: the
     * warning would reach the user's terminal on every build, and a later Java refuses it); the
     * writer is then left as Lucene made it.
     */
    private static final Field MAX_FREQS = Runtime.version().feature() >= FINAL_MEANS_FINAL ? null
            : accessible(CompetitiveImpactAccumulator.class, "maxFreqs", int[].class);
    /** The postings writer's accumulators (empty when they cannot be reached). */
    private static final List<Field> ACCUMULATORS = accumulators();

    /** Whether this Lucene's postings writer has the accumulators {@link #trimImpacts} trims. */
    static boolean impactsTrimmable() {
        return MAX_FREQS != null && !ACCUMULATORS.isEmpty();
    }

    /**
     * Replaces the per-norm arrays of {@code writer}'s impact accumulators by arrays of
     * {@value #NORMS_WITHOUT_NORMS}: every loop over them (clear, merge, listing) runs over the
     * array's length, and a segment without norms only sets index 1, so the impacts written are
     * the same. Returns whether it did; with another Lucene whose fields differ it leaves the
     * writer as it is (slower, same files).
     */
    static boolean trimImpacts(PostingsWriterBase writer) {
        if (MAX_FREQS == null || ACCUMULATORS.isEmpty() || !(writer instanceof Lucene912PostingsWriter)) {
            return false;
        }
        try {
            for (Field field : ACCUMULATORS) {
                MAX_FREQS.set(field.get(writer), new int[NORMS_WITHOUT_NORMS]);
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static List<Field> accumulators() {
        List<Field> found = new ArrayList<>();
        for (Field field : Lucene912PostingsWriter.class.getDeclaredFields()) {
            if (field.getType() == CompetitiveImpactAccumulator.class) {
                Field reachable = accessible(Lucene912PostingsWriter.class, field.getName(), CompetitiveImpactAccumulator.class);
                if (reachable == null) {
                    return List.of();
                }
                found.add(reachable);
            }
        }
        return List.copyOf(found);
    }

    private static Field accessible(Class<?> owner, String name, Class<?> type) {
        try {
            Field field = owner.getDeclaredField(name);
            if (field.getType() != type || java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                return null;
            }
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
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
