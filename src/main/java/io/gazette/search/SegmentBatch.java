package io.gazette.search;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.ByteVectorValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.Fields;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.ImpactsEnum;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.IndexableFieldType;
import org.apache.lucene.index.LeafMetaData;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SlowImpactsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermVectors;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.KnnCollector;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.Version;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Documents of a fresh index gathered in memory and given to Lucene as one segment
 * ({@link IndexWriter#addIndexes(org.apache.lucene.index.CodecReader...)} of this batch seen as a
 * reader): Lucene then writes the segment with its own codec, exactly as it writes a flushed one.
 *
 * <p>Why: a cold build indexes about a thousand (document, term) pairs an article (10.4 million at
 * 10,000 real articles), and {@code IndexWriter.addDocument} hashes every term's bytes into
 * per-segment tables and writes its postings into byte slices: 57 % of the search stage's CPU at
 * 10,000 articles. The terms here are already counted per document with small numbers naming them
 * ({@link SyllableTokens}), so a batch only files each (term, document, frequency) in arrays
 * and sorts them once, term by term, when the segment is written. The index holds the same
 * terms, postings, stored fields and doc values as {@code addDocument} would have written
 * ({@code SegmentBatchTest} compares the two); documents are inverted from the very
 * {@link org.apache.lucene.document.Document} {@link SearchFields#toLucene} makes, so the layout
 * stays defined in one place. Only for a fresh index: replacing documents by url needs the writer.
 */
final class SegmentBatch {
    /** The field infos {@code addDocument} gives the schema's fields (see {@link #schema}). */
    private static volatile FieldInfos schema;

    private final FieldInfos infos;
    private final Map<String, FieldPostings> postings = new HashMap<>();
    private final Map<String, DocValuesColumn> docValues = new HashMap<>();
    /** Per document, its stored values in the order the document gave them. */
    private final List<Object[]> stored = new ArrayList<>();
    private long entries;

    SegmentBatch() {
        this.infos = schema();
    }

    /**
     * An empty batch that reuses this one's arrays; this batch, written, must not be used again.
     * A batch's arrays grow to tens of megabytes while it fills, live for seconds and so end up in
     * the old generation: made anew for each batch (growing step by step, each step a copy), at
     * 10,000 real articles they were the largest part of the stage's allocation and the reason
     * for its full collections. Kept from batch to batch, they grow once per writing thread.
     */
    SegmentBatch recycled() {
        SegmentBatch next = new SegmentBatch();
        postings.forEach((name, field) -> next.postings.put(name, field.recycled()));
        return next;
    }

    /** How many documents the batch holds. */
    int size() {
        return stored.size();
    }

    /** How many (term, document) pairs the batch holds: what its memory grows with. */
    long entries() {
        return entries;
    }

    /** Files one document as {@code IndexWriter.addDocument} would index it. */
    void add(Iterable<? extends IndexableField> document) {
        int doc = stored.size();
        List<Object> values = new ArrayList<>();
        for (IndexableField field : document) {
            IndexableFieldType type = field.fieldType();
            FieldInfo info = infos.fieldInfo(field.name());
            if (info == null) {
                throw new IllegalStateException("field " + field.name() + " is not in the search schema");
            }
            if (type.stored()) {
                values.add(info);
                if (field.stringValue() != null) {
                    values.add(field.stringValue());
                } else if (field.binaryValue() != null) {
                    values.add(BytesRef.deepCopyOf(field.binaryValue()).bytes);
                } else {
                    throw new IllegalStateException("stored field " + field.name() + " is neither text nor bytes");
                }
            }
            if (type.docValuesType() != DocValuesType.NONE) {
                docValues.computeIfAbsent(field.name(), name -> new DocValuesColumn(type.docValuesType()))
                        .set(doc, type.docValuesType() == DocValuesType.NUMERIC
                                ? field.numericValue() : BytesRef.deepCopyOf(field.binaryValue()));
            }
            if (type.indexOptions() != IndexOptions.NONE) {
                FieldPostings field1 = postings.computeIfAbsent(field.name(), name -> new FieldPostings(info));
                long before = field1.entries;
                if (!type.tokenized()) {
                    BytesRef term = field.binaryValue() != null ? field.binaryValue() : new BytesRef(field.stringValue());
                    field1.add(doc, field1.ordOfBytes(term, null, null), 1);
                } else if (field instanceof org.apache.lucene.document.Field f && f.tokenStreamValue() instanceof SyllableTokens tokens) {
                    field1.addAll(doc, tokens);
                } else {
                    throw new IllegalStateException("field " + field.name() + " is not made of syllable tokens");
                }
                entries += field1.entries - before;
            }
        }
        stored.add(values.toArray());
    }

    /** The batch as a Lucene reader, for {@code IndexWriter.addIndexes}; the batch must not change afterwards. */
    LeafReader reader() {
        Map<String, SortedTerms> sorted = new TreeMap<>();
        postings.forEach((name, field) -> sorted.put(name, field.sorted()));
        return new BatchReader(sorted);
    }

    /**
     * The schema's field infos as {@code addDocument} makes them, taken from a one-document index
     * of a document that has every field: the segments written from batches must agree with those
     * the writer makes itself (a preview session updates documents one by one afterwards).
     */
    static FieldInfos schema() {
        FieldInfos known = schema;
        if (known != null) {
            return known;
        }
        SearchDocument every = new SearchDocument("schema/", "a b", "a b", "a b", List.of("a b"), "a b", "a b",
                LocalDate.of(2000, 1, 1));
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(SearchFields.analyzer()))) {
                writer.addDocument(SearchFields.toLucene(every));
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                FieldInfos infos = reader.leaves().get(0).reader().getFieldInfos();
                schema = infos;
                return infos;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One indexed field's postings: (term, document, frequency) entries in the order they came. */
    private static final class FieldPostings {
        /** Bits of a syllable's number in a pair's key; a pair of larger numbers is named by its bytes. */
        static final int PAIR_ID_BITS = 19;
        static final int PAIR_ID_LIMIT = 1 << PAIR_ID_BITS;
        /** Bits of an ordinal + 1 under a pair's key in a slot (2 × 19 + 26 = 64). */
        static final int ORD_BITS = 64 - 2 * PAIR_ID_BITS;
        static final long ORD_MASK = (1L << ORD_BITS) - 1;
        /** {@link #ordState}: ints an ordinal, and where each of its values lies. */
        static final int ORD_STATE = 3;
        static final int LAST_DOC = 0;
        static final int LAST_ENTRY = 1;
        static final int DOC_FREQ = 2;
        final FieldInfo info;
        final boolean withFreqs;
        /** Per syllable number ({@link VietnameseTokens.Forms}), its term's ordinal + 1 (0: none yet). */
        private int[] ordPlusOneOfId = new int[1024];
        /**
         * Pairs named by their two syllables' numbers → ordinal, in one open-addressing table of
         * longs, each slot the pair's key and its ordinal + 1 together ({@link #pairSlot}; 0: free):
         * at 10,000 real articles the table of a body's pairs is megabytes, so each probe misses the
         * cache, and key and ordinal in separate arrays cost two misses a pair instead of one.
         */
        private long[] pairSlots = new long[1024];
        private int pairCount;
        /** Terms named by their bytes (plain string fields, and syllables without a number). */
        private final Map<BytesRef, Integer> ordOfBytes = new HashMap<>();
        /** Per ordinal: its bytes, or for pairs its two syllables. */
        private BytesRef[] bytes = new BytesRef[256];
        private VietnameseTokens.Forms[] first = new VietnameseTokens.Forms[256];
        private VietnameseTokens.Forms[] second = new VietnameseTokens.Forms[256];
        /**
         * Per ordinal, side by side ({@link #ORD_STATE} ints an ordinal, one cache line where
         * three arrays were three): the last document filed for it, that document's entry, and
         * how many documents it has.
         */
        private int[] ordState = new int[256 * ORD_STATE];
        private int ords;
        private int[] entryOrd = new int[4096];
        private int[] entryDoc = new int[4096];
        private int[] entryFreq = new int[4096];
        private int entries;
        private boolean pairs;
        /** The postings grouped by term, made when the batch is written (kept for the next batch). */
        private int[] sortedDocs = new int[0];
        private int[] sortedFreqs = new int[0];

        FieldPostings(FieldInfo info) {
            this.info = info;
            this.withFreqs = info.getIndexOptions().compareTo(IndexOptions.DOCS_AND_FREQS) >= 0;
        }

        /**
         * Files a document's terms of this field, {@link #AHEAD} at a time: first the table slots
         * they will look at are read ahead ({@link #touchPairSlots}), then their ordinals are
         * found, then each one's state is read ahead ({@link #touchStates}), then they are filed.
         * The tables are megabytes, so most of those reads miss the caches; one term at a time,
         * each miss waited for the last (the work between them filled the processor's window),
         * where reads with nothing between them wait for memory together. The terms are filed
         * in the same order with the same ordinals as one at a time.
         */
        void addAll(int doc, SyllableTokens tokens) {
            int n = tokens.size();
            SyllableTokens.Form form = tokens.form();
            boolean pairForm = form == SyllableTokens.Form.PAIRS;
            pairs |= pairForm;
            if (pairForm) {
                // Grown now if at all, so that no slot read ahead moves before it is used.
                while ((pairCount + n) * 2 >= pairSlots.length) {
                    growPairs();
                }
            }
            int[] ordsAhead = this.ordsAhead;
            for (int from = 0; from < n; from += AHEAD) {
                int to = Math.min(n, from + AHEAD);
                if (pairForm) {
                    touchPairSlots(tokens, from, to);
                }
                for (int i = from; i < to; i++) {
                    ordsAhead[i - from] = ordOf(tokens, form, i);
                }
                touchStates(ordsAhead, to - from);
                for (int i = from; i < to; i++) {
                    add(doc, ordsAhead[i - from], tokens.count(i));
                }
            }
        }

        /** Terms filed together by {@link #addAll}: enough reads to wait for memory at once. */
        private static final int AHEAD = 16;
        private final int[] ordsAhead = new int[AHEAD];
        /** What the reads ahead read: kept, so that the compiler keeps the reads. */
        private long readAhead;

        /** The ordinal of term {@code i} of {@code tokens}, a new one when the batch has not seen it. */
        private int ordOf(SyllableTokens tokens, SyllableTokens.Form form, int i) {
            long key = tokens.key(i);
            VietnameseTokens.Forms a = tokens.first(i);
            VietnameseTokens.Forms b = tokens.second(i);
            if (key >= 0 && form != SyllableTokens.Form.PAIRS) {
                return ordOfId((int) key, form == SyllableTokens.Form.EXACT ? a.exactBytes : a.foldedBytes);
            } else if (key >= 0 && a.foldedId < PAIR_ID_LIMIT && b.foldedId < PAIR_ID_LIMIT) {
                return ordOfPair(((long) a.foldedId << PAIR_ID_BITS) | b.foldedId, a, b, tokens, i);
            }
            return ordOfBytes(tokens.bytes(i), form == SyllableTokens.Form.PAIRS ? a : null, b);
        }

        /** Reads the first slot {@link #ordOfPair} probes for each pair term from {@code from} to {@code to}. */
        private void touchPairSlots(SyllableTokens tokens, int from, int to) {
            int mask = pairSlots.length - 1;
            long[] slots = pairSlots;
            long sum = 0;
            for (int i = from; i < to; i++) {
                int a = tokens.first(i).foldedId;
                int b = tokens.second(i).foldedId;
                if (a >= 0 && b >= 0 && a < PAIR_ID_LIMIT && b < PAIR_ID_LIMIT) {
                    sum += slots[mix(((long) a << PAIR_ID_BITS) | b) & mask];
                }
            }
            readAhead += sum;
        }

        /** Reads the state {@link #add} reads of each of the first {@code count} ordinals in {@code ordinals}. */
        private void touchStates(int[] ordinals, int count) {
            int[] state = ordState;
            long sum = 0;
            for (int i = 0; i < count; i++) {
                sum += state[ordinals[i] * ORD_STATE];
            }
            readAhead += sum;
        }

        /**
         * The ordinal of a single syllable's term named by its number: syllable numbers are small
         * and dense (a vocabulary's worth), so an array indexed by them finds it without hashing.
         */
        private int ordOfId(int id, BytesRef term) {
            if (id >= ordPlusOneOfId.length) {
                ordPlusOneOfId = Arrays.copyOf(ordPlusOneOfId, Math.max(id + 1, ordPlusOneOfId.length * 2));
            }
            int known = ordPlusOneOfId[id];
            if (known != 0) {
                return known - 1;
            }
            int ord = newOrd(term, null, null);
            ordPlusOneOfId[id] = ord + 1;
            return ord;
        }

        /**
         * The ordinal of the pair of syllables numbered {@code pairKey} ({@link #PAIR_ID_BITS} bits
         * each); a new pair past what a slot can number is named by its bytes instead.
         */
        private int ordOfPair(long pairKey, VietnameseTokens.Forms a, VietnameseTokens.Forms b, SyllableTokens tokens,
                int i) {
            if (pairCount * 2 >= pairSlots.length) {
                growPairs();
            }
            int mask = pairSlots.length - 1;
            int slot = mix(pairKey) & mask;
            for (long value; (value = pairSlots[slot]) != 0; slot = (slot + 1) & mask) {
                if (value >>> ORD_BITS == pairKey) {
                    return (int) (value & ORD_MASK) - 1;
                }
            }
            if (ords + 1 >= ORD_MASK) {
                return ordOfBytes(tokens.bytes(i), a, b);
            }
            int ord = newOrd(null, a, b);
            pairSlots[slot] = pairSlot(pairKey, ord);
            pairCount++;
            return ord;
        }

        /** A slot of {@link #pairSlots}: the pair's key above the ordinal + 1 (never 0). */
        private static long pairSlot(long pairKey, int ord) {
            return (pairKey << ORD_BITS) | (ord + 1);
        }

        int ordOfBytes(BytesRef term, VietnameseTokens.Forms a, VietnameseTokens.Forms b) {
            Integer known = ordOfBytes.get(term);
            if (known != null) {
                return known;
            }
            BytesRef copy = BytesRef.deepCopyOf(term);
            int ord = newOrd(copy, a, b);
            ordOfBytes.put(copy, ord);
            return ord;
        }

        private int newOrd(BytesRef term, VietnameseTokens.Forms a, VietnameseTokens.Forms b) {
            if (ords == bytes.length) {
                int size = ords * 2;
                bytes = Arrays.copyOf(bytes, size);
                first = Arrays.copyOf(first, size);
                second = Arrays.copyOf(second, size);
            }
            if ((ords + 1) * ORD_STATE > ordState.length) {
                ordState = Arrays.copyOf(ordState, ordState.length * 2);
            }
            bytes[ords] = term;
            first[ords] = a;
            second[ords] = b;
            int at = ords * ORD_STATE;
            ordState[at + LAST_DOC] = -1;
            ordState[at + DOC_FREQ] = 0; // arrays of a recycled batch hold the last batch's counts
            return ords++;
        }

        void add(int doc, int ord, int freq) {
            int at = ord * ORD_STATE;
            int[] state = ordState;
            if (state[at + LAST_DOC] == doc) {
                entryFreq[state[at + LAST_ENTRY]] += freq;
                return;
            }
            if (entries == entryOrd.length) {
                int size = entries + (entries >> 1);
                entryOrd = Arrays.copyOf(entryOrd, size);
                entryDoc = Arrays.copyOf(entryDoc, size);
                entryFreq = Arrays.copyOf(entryFreq, size);
            }
            entryOrd[entries] = ord;
            entryDoc[entries] = doc;
            entryFreq[entries] = freq;
            state[at + LAST_DOC] = doc;
            state[at + LAST_ENTRY] = entries;
            state[at + DOC_FREQ]++;
            entries++;
        }

        private void growPairs() {
            long[] old = pairSlots;
            pairSlots = new long[old.length * 2];
            int mask = pairSlots.length - 1;
            for (long value : old) {
                if (value != 0) {
                    int slot = mix(value >>> ORD_BITS) & mask;
                    while (pairSlots[slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    pairSlots[slot] = value;
                }
            }
        }

        private static int mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }

        /**
         * The postings grouped by term (documents in order within each), terms in byte order, and
         * laid out in that order: Lucene's writer walks the terms in byte order, and with each
         * term's documents, frequencies and bytes where the previous term's end, that walk reads
         * memory in sequence. Laid out in the order terms were first seen, each of the batch's
         * terms (some 200,000 a field) cost the walk a few cache misses: at 10,000 real articles
         * that was about a tenth of Lucene's time writing the terms.
         */
        SortedTerms sorted() {
            TermOrder sortedOrder = sortedOrds();
            int[] order = sortedOrder.order();
            int[] start = new int[ords + 1];
            int[] next = new int[ords];
            BytesRef[] terms = new BytesRef[ords];
            for (int rank = 0; rank < ords; rank++) {
                int ord = order[rank];
                start[rank + 1] = start[rank] + ordState[ord * ORD_STATE + DOC_FREQ];
                next[ord] = start[rank];
                // Null for a pair named by its syllables: its bytes are made as the writer walks
                // to it (BatchTermsEnum), from the syllables' ranks.
                terms[rank] = bytes[ord];
            }
            if (sortedDocs.length < entries) {
                sortedDocs = new int[entries];
            }
            if (withFreqs && sortedFreqs.length < entries) {
                sortedFreqs = new int[entries];
            }
            int[] docs = sortedDocs;
            int[] freqs = withFreqs ? sortedFreqs : null;
            for (int e = 0; e < entries; e++) {
                int at = next[entryOrd[e]]++;
                docs[at] = entryDoc[e];
                if (freqs != null) {
                    freqs[at] = entryFreq[e];
                }
            }
            return new SortedTerms(info, terms, sortedOrder.firstRanks(), sortedOrder.secondRanks(),
                    sortedOrder.syllables(), start, docs, freqs, entries);
        }

        /**
         * This field's postings emptied for the next batch, its arrays kept (see
         * {@link SegmentBatch#recycled}); the batch they were filled for is written already.
         */
        FieldPostings recycled() {
            Arrays.fill(pairSlots, 0);
            Arrays.fill(ordPlusOneOfId, 0);
            pairCount = 0;
            ordOfBytes.clear();
            Arrays.fill(bytes, 0, ords, null);
            Arrays.fill(first, 0, ords, null);
            Arrays.fill(second, 0, ords, null);
            ords = 0;
            entries = 0;
            pairs = false;
            return this;
        }

        /**
         * Ordinals in the byte order of their terms. Pairs ({@code "thi dua"}) are ordered by the
         * ranks of their two syllables: a space sorts before every byte a syllable holds, so
         * comparing (first, second) ranks is comparing the pair's bytes, without comparing them.
         */
        private TermOrder sortedOrds() {
            if (pairs && ords < (1 << 21)) {
                RanksById byId = syllableRanksById();
                if (byId != null) {
                    int[] rankOfId = byId.rankOfId();
                    // Ranks in as few bits as they need: fewer passes of the radix sort.
                    int rankBits = bitsOf(rankOfId);
                    long[] packed = new long[ords];
                    for (int ord = 0; ord < ords; ord++) {
                        long r1 = rankOfId[first[ord].foldedId];
                        long r2 = rankOfId[second[ord].foldedId];
                        packed[ord] = (r1 << (21 + rankBits)) | (r2 << 21) | ord;
                    }
                    return orderOf(packed, rankBits, byId.syllables());
                }
                Map<BytesRef, Integer> rank = syllableRanks();
                if (rank != null && rank.size() < (1 << 21)) {
                    long[] packed = new long[ords];
                    for (int ord = 0; ord < ords; ord++) {
                        long r1 = rank.get(first[ord].foldedBytes);
                        long r2 = rank.get(second[ord].foldedBytes);
                        packed[ord] = (r1 << 42) | (r2 << 21) | ord;
                    }
                    BytesRef[] syllables = new BytesRef[rank.size()];
                    rank.forEach((syllable, r) -> syllables[r] = syllable);
                    return orderOf(packed, 21, syllables);
                }
            }
            Integer[] boxed = new Integer[ords];
            for (int i = 0; i < ords; i++) {
                boxed[i] = i;
                if (bytes[i] == null) {
                    bytes[i] = pairBytes(first[i], second[i]);
                }
            }
            BytesRef[] terms = bytes;
            Arrays.sort(boxed, (x, y) -> terms[x].compareTo(terms[y]));
            int[] order = new int[ords];
            for (int i = 0; i < ords; i++) {
                order[i] = boxed[i];
            }
            return new TermOrder(order, null, null, null);
        }

        /** Bits the largest of {@code ranks} needs (at most 21: fewer distinct syllables than that). */
        private static int bitsOf(int[] ranks) {
            int max = 0;
            for (int r : ranks) {
                max = Math.max(max, r);
            }
            return 32 - Integer.numberOfLeadingZeros(max);
        }

        /**
         * The ordinals packed in the low 21 bits of {@code packed}, in the order of the packed
         * values, and the two syllable ranks packed above them ({@code rankBits} bits the second,
         * the bits above it the first); {@code packed[ord]} holds {@code ord} (so the low bits
         * rise with the index).
         */
        private static TermOrder orderOf(long[] packed, int rankBits, BytesRef[] syllables) {
            long[] sorted = sortedByHighBits(packed, 21);
            int[] order = new int[sorted.length];
            int[] firstRanks = new int[sorted.length];
            int[] secondRanks = new int[sorted.length];
            long rankMask = (1L << rankBits) - 1;
            for (int i = 0; i < sorted.length; i++) {
                long value = sorted[i];
                order[i] = (int) (value & ((1 << 21) - 1));
                secondRanks[i] = (int) ((value >>> 21) & rankMask);
                firstRanks[i] = (int) (value >>> (21 + rankBits));
            }
            return new TermOrder(order, firstRanks, secondRanks, SyllableBytes.of(syllables));
        }

        /** The folded syllables of a batch's pairs in byte order, and each one's rank, by its number. */
        private record RanksById(int[] rankOfId, BytesRef[] syllables) {
        }

        /**
         * Rank of each folded syllable of the pairs in byte order, indexed by the syllable's number
         * ({@link VietnameseTokens.Forms#foldedId}: equal numbers, equal strings, so no bytes are
         * hashed); null when a pair lacks a syllable or a number, or there are too many syllables.
         */
        private RanksById syllableRanksById() {
            int maxId = -1;
            for (int ord = 0; ord < ords; ord++) {
                if (first[ord] == null || second[ord] == null || first[ord].foldedId < 0 || second[ord].foldedId < 0) {
                    return null;
                }
                maxId = Math.max(maxId, Math.max(first[ord].foldedId, second[ord].foldedId));
            }
            VietnameseTokens.Forms[] byId = new VietnameseTokens.Forms[maxId + 1];
            int distinct = 0;
            for (int ord = 0; ord < ords; ord++) {
                if (byId[first[ord].foldedId] == null) {
                    byId[first[ord].foldedId] = first[ord];
                    distinct++;
                }
                if (byId[second[ord].foldedId] == null) {
                    byId[second[ord].foldedId] = second[ord];
                    distinct++;
                }
            }
            if (distinct >= (1 << 21)) {
                return null;
            }
            VietnameseTokens.Forms[] syllables = new VietnameseTokens.Forms[distinct];
            int at = 0;
            for (VietnameseTokens.Forms s : byId) {
                if (s != null) {
                    syllables[at++] = s;
                }
            }
            Arrays.sort(syllables, (x, y) -> x.foldedBytes.compareTo(y.foldedBytes));
            int[] rank = new int[maxId + 1];
            BytesRef[] bytesByRank = new BytesRef[distinct];
            for (int i = 0; i < distinct; i++) {
                rank[syllables[i].foldedId] = i;
                bytesByRank[i] = syllables[i].foldedBytes;
            }
            return new RanksById(rank, bytesByRank);
        }

        /** Rank of each folded syllable of the pairs in byte order; null when a pair has no syllables. */
        private Map<BytesRef, Integer> syllableRanks() {
            Map<BytesRef, Integer> rank = new HashMap<>();
            for (int ord = 0; ord < ords; ord++) {
                if (first[ord] == null || second[ord] == null) {
                    return null;
                }
                rank.put(first[ord].foldedBytes, 0);
                rank.put(second[ord].foldedBytes, 0);
            }
            BytesRef[] syllables = rank.keySet().toArray(new BytesRef[0]);
            Arrays.sort(syllables);
            for (int i = 0; i < syllables.length; i++) {
                rank.put(syllables[i], i);
            }
            return rank;
        }

        private static BytesRef pairBytes(VietnameseTokens.Forms a, VietnameseTokens.Forms b) {
            BytesRef x = a.foldedBytes;
            BytesRef y = b.foldedBytes;
            byte[] pair = new byte[x.length + 1 + y.length];
            System.arraycopy(x.bytes, x.offset, pair, 0, x.length);
            pair[x.length] = ' ';
            System.arraycopy(y.bytes, y.offset, pair, x.length + 1, y.length);
            return new BytesRef(pair);
        }
    }

    /** Bits of a digit of {@link #sortedByHighBits}: 2,048 counters, 8 KB, in the L1 cache. */
    private static final int DIGIT_BITS = 11;

    /**
     * {@code values} (not changed) sorted as {@code Arrays.sort} sorts them, when their low
     * {@code lowBits} bits rise with their index (a batch's ordinals packed under their terms'
     * ranks): a stable radix sort on the bits above, a digit of {@link #DIGIT_BITS} a pass, as
     * many passes as the largest value has bits there. Equal high bits keep their order, which
     * is the order of their low bits. Two or three passes over the array, where the comparison
     * sort took about 20 compares an element: at 10,000 real articles it was a quarter of the
     * time spent making the batches' sorted terms (JFR, BENCHMARKS.md "search13").
     */
    static long[] sortedByHighBits(long[] values, int lowBits) {
        long max = 0;
        for (long v : values) {
            if (v < 0) {
                long[] copy = values.clone();
                Arrays.sort(copy); // a sign bit: not what this sort orders; never a batch's
                return copy;
            }
            max = Math.max(max, v >>> lowBits);
        }
        int bits = 64 - Long.numberOfLeadingZeros(max);
        long[] from = values.clone();
        long[] to = new long[values.length];
        int[] count = new int[1 << DIGIT_BITS];
        int mask = (1 << DIGIT_BITS) - 1;
        for (int shift = lowBits; shift < lowBits + bits; shift += DIGIT_BITS) {
            Arrays.fill(count, 0);
            for (long v : from) {
                count[(int) (v >>> shift) & mask]++;
            }
            int at = 0;
            for (int digit = 0; digit < count.length; digit++) {
                int n = count[digit];
                count[digit] = at;
                at += n;
            }
            for (long v : from) {
                to[count[(int) (v >>> shift) & mask]++] = v;
            }
            long[] swap = from;
            from = to;
            to = swap;
        }
        return from;
    }

    /**
     * A field's ordinals in the byte order of their terms; for a pair field whose terms were
     * ordered by their syllables' ranks, the i-th term's two ranks among {@code syllables} (else
     * the three are null, and every term has its bytes).
     */
    private record TermOrder(int[] order, int[] firstRanks, int[] secondRanks, SyllableBytes syllables) {
    }

    /**
     * The folded syllables of a batch's pairs, in byte order, back to back in one array: a pair
     * term's bytes are copied from two of them. Read from each syllable's own {@code BytesRef}
     * (two objects and an array a syllable, anywhere in the heap), the pairs' bytes cost the
     * segment writer's walk a few cache misses a term, about a quarter of its time writing the
     * terms at 10,000 real articles (JFR); these arrays are a few hundred kilobytes.
     */
    record SyllableBytes(byte[] bytes, int[] starts) {
        static SyllableBytes of(BytesRef[] syllables) {
            int[] starts = new int[syllables.length + 1];
            for (int i = 0; i < syllables.length; i++) {
                starts[i + 1] = starts[i] + syllables[i].length;
            }
            byte[] bytes = new byte[starts[syllables.length]];
            for (int i = 0; i < syllables.length; i++) {
                System.arraycopy(syllables[i].bytes, syllables[i].offset, bytes, starts[i], syllables[i].length);
            }
            return new SyllableBytes(bytes, starts);
        }

        /** Sets {@code into} to the pair term of syllables {@code first} and {@code second} ({@code "thi dua"}). */
        void pair(int first, int second, BytesRef into) {
            int firstLength = starts[first + 1] - starts[first];
            int secondLength = starts[second + 1] - starts[second];
            int length = firstLength + 1 + secondLength;
            if (into.bytes.length < length) {
                into.bytes = new byte[Math.max(length, 2 * into.bytes.length)];
            }
            System.arraycopy(bytes, starts[first], into.bytes, 0, firstLength);
            into.bytes[firstLength] = ' ';
            System.arraycopy(bytes, starts[second], into.bytes, firstLength + 1, secondLength);
            into.offset = 0;
            into.length = length;
        }
    }

    /**
     * One field's terms in byte order, the postings of the i-th from {@code start[i]} to
     * {@code start[i + 1]} in {@code docs} (and {@code freqs}), which may be longer than the
     * {@code entries} they hold. The i-th term is {@code terms[i]}, or when that is null the pair
     * of syllables ranked {@code pairFirst[i]}, {@code pairSecond[i]} in {@code syllables}, whose
     * bytes are made only as the writer walks to it: made beforehand, a batch's pairs were a
     * million small arrays and {@code BytesRef}s at 10,000 real articles, garbage as soon as the
     * segment was written.
     */
    private record SortedTerms(FieldInfo info, BytesRef[] terms, int[] pairFirst, int[] pairSecond,
            SyllableBytes syllables, int[] start, int[] docs, int[] freqs, int entries) {
        int size() {
            return terms.length;
        }

        long sumDocFreq() {
            return entries;
        }

        long sumTotalTermFreq() {
            if (freqs == null) {
                return entries;
            }
            long sum = 0;
            for (int i = 0; i < entries; i++) {
                sum += freqs[i];
            }
            return sum;
        }

        int docCount() {
            int max = -1;
            for (int i = 0; i < entries; i++) {
                max = Math.max(max, docs[i]);
            }
            boolean[] seen = new boolean[max + 1];
            int count = 0;
            for (int i = 0; i < entries; i++) {
                if (!seen[docs[i]]) {
                    seen[docs[i]] = true;
                    count++;
                }
            }
            return count;
        }
    }

    /** One doc-values field: a value for some documents. */
    private static final class DocValuesColumn {
        final DocValuesType type;
        final List<Object> values = new ArrayList<>();

        DocValuesColumn(DocValuesType type) {
            this.type = type;
        }

        void set(int doc, Object value) {
            while (values.size() <= doc) {
                values.add(null);
            }
            if (values.get(doc) != null) {
                throw new IllegalStateException("two doc values in one document for a single-valued field");
            }
            values.set(doc, value);
        }

        Object get(int doc) {
            return doc < values.size() ? values.get(doc) : null;
        }
    }

    /** Walks the documents of a column that have a value. */
    private static class ColumnIterator extends DocIdSetIterator {
        final DocValuesColumn column;
        final int maxDoc;
        int doc = -1;

        ColumnIterator(DocValuesColumn column, int maxDoc) {
            this.column = column;
            this.maxDoc = maxDoc;
        }

        public int docID() {
            return doc;
        }

        public int nextDoc() {
            return advance(doc + 1);
        }

        public int advance(int target) {
            for (doc = target; doc < maxDoc; doc++) {
                if (column.get(doc) != null) {
                    return doc;
                }
            }
            return doc = NO_MORE_DOCS;
        }

        boolean exact(int target) {
            doc = target;
            return column.get(target) != null;
        }

        public long cost() {
            return maxDoc;
        }
    }

    private final class BatchReader extends LeafReader {
        private final Map<String, SortedTerms> terms;

        BatchReader(Map<String, SortedTerms> terms) {
            this.terms = terms;
        }

        @Override
        public Terms terms(String field) {
            SortedTerms sorted = terms.get(field);
            return sorted == null || sorted.size() == 0 ? null : new BatchTerms(sorted);
        }

        private DocValuesColumn column(String field, DocValuesType type) {
            DocValuesColumn column = docValues.get(field);
            return column == null || column.type != type ? null : column;
        }

        @Override
        public NumericDocValues getNumericDocValues(String field) {
            DocValuesColumn column = column(field, DocValuesType.NUMERIC);
            if (column == null) {
                return null;
            }
            class Numeric extends NumericDocValues {
                final ColumnIterator it = new ColumnIterator(column, maxDoc());

                public long longValue() {
                    return ((Number) column.get(it.doc)).longValue();
                }

                public boolean advanceExact(int target) {
                    return it.exact(target);
                }

                public int docID() {
                    return it.docID();
                }

                public int nextDoc() {
                    return it.nextDoc();
                }

                public int advance(int target) {
                    return it.advance(target);
                }

                public long cost() {
                    return it.cost();
                }
            }
            return new Numeric();
        }

        @Override
        public BinaryDocValues getBinaryDocValues(String field) {
            DocValuesColumn column = column(field, DocValuesType.BINARY);
            if (column == null) {
                return null;
            }
            class Binary extends BinaryDocValues {
                final ColumnIterator it = new ColumnIterator(column, maxDoc());

                public BytesRef binaryValue() {
                    return (BytesRef) column.get(it.doc);
                }

                public boolean advanceExact(int target) {
                    return it.exact(target);
                }

                public int docID() {
                    return it.docID();
                }

                public int nextDoc() {
                    return it.nextDoc();
                }

                public int advance(int target) {
                    return it.advance(target);
                }

                public long cost() {
                    return it.cost();
                }
            }
            return new Binary();
        }

        @Override
        public SortedDocValues getSortedDocValues(String field) {
            DocValuesColumn column = column(field, DocValuesType.SORTED);
            if (column == null) {
                return null;
            }
            TreeMap<BytesRef, Integer> distinct = new TreeMap<>();
            for (Object value : column.values) {
                if (value != null) {
                    distinct.put((BytesRef) value, 0);
                }
            }
            BytesRef[] values = distinct.keySet().toArray(new BytesRef[0]);
            for (int i = 0; i < values.length; i++) {
                distinct.put(values[i], i);
            }
            class Sorted extends SortedDocValues {
                final ColumnIterator it = new ColumnIterator(column, maxDoc());

                public int ordValue() {
                    return distinct.get((BytesRef) column.get(it.doc));
                }

                public BytesRef lookupOrd(int ord) {
                    return values[ord];
                }

                public int getValueCount() {
                    return values.length;
                }

                public boolean advanceExact(int target) {
                    return it.exact(target);
                }

                public int docID() {
                    return it.docID();
                }

                public int nextDoc() {
                    return it.nextDoc();
                }

                public int advance(int target) {
                    return it.advance(target);
                }

                public long cost() {
                    return it.cost();
                }
            }
            return new Sorted();
        }

        @Override
        public SortedNumericDocValues getSortedNumericDocValues(String field) {
            return null;
        }

        @Override
        public SortedSetDocValues getSortedSetDocValues(String field) {
            return null;
        }

        @Override
        public NumericDocValues getNormValues(String field) {
            return null;
        }

        @Override
        public FloatVectorValues getFloatVectorValues(String field) {
            return null;
        }

        @Override
        public ByteVectorValues getByteVectorValues(String field) {
            return null;
        }

        @Override
        public void searchNearestVectors(String field, float[] target, KnnCollector collector, Bits acceptDocs) {
        }

        @Override
        public void searchNearestVectors(String field, byte[] target, KnnCollector collector, Bits acceptDocs) {
        }

        @Override
        public FieldInfos getFieldInfos() {
            return infos;
        }

        @Override
        public Bits getLiveDocs() {
            return null;
        }

        @Override
        public PointValues getPointValues(String field) {
            return null;
        }

        @Override
        public void checkIntegrity() {
        }

        @Override
        public LeafMetaData getMetaData() {
            return new LeafMetaData(Version.LATEST.major, Version.LATEST, null, false);
        }

        @Override
        public Fields getTermVectors(int docID) {
            return null;
        }

        @Override
        public TermVectors termVectors() {
            return new TermVectors() {
                @Override
                public Fields get(int doc) {
                    return null;
                }
            };
        }

        @Override
        public int numDocs() {
            return stored.size();
        }

        @Override
        public int maxDoc() {
            return stored.size();
        }

        @Override
        public void document(int docID, StoredFieldVisitor visitor) throws IOException {
            storedFields().document(docID, visitor);
        }

        @Override
        public StoredFields storedFields() {
            return new StoredFields() {
                @Override
                public void document(int docID, StoredFieldVisitor visitor) throws IOException {
                    Object[] values = stored.get(docID);
                    for (int i = 0; i < values.length; i += 2) {
                        FieldInfo info = (FieldInfo) values[i];
                        switch (visitor.needsField(info)) {
                            case YES -> {
                                if (values[i + 1] instanceof String text) {
                                    visitor.stringField(info, text);
                                } else {
                                    visitor.binaryField(info, (byte[]) values[i + 1]);
                                }
                            }
                            case NO -> {
                            }
                            case STOP -> {
                                return;
                            }
                        }
                    }
                }
            };
        }

        @Override
        protected void doClose() {
        }

        @Override
        public CacheHelper getCoreCacheHelper() {
            return null;
        }

        @Override
        public CacheHelper getReaderCacheHelper() {
            return null;
        }
    }

    private static final class BatchTerms extends Terms {
        private final SortedTerms sorted;

        BatchTerms(SortedTerms sorted) {
            this.sorted = sorted;
        }

        @Override
        public TermsEnum iterator() {
            return new BatchTermsEnum(sorted);
        }

        @Override
        public long size() {
            return sorted.size();
        }

        @Override
        public long getSumTotalTermFreq() {
            return sorted.sumTotalTermFreq();
        }

        @Override
        public long getSumDocFreq() {
            return sorted.sumDocFreq();
        }

        @Override
        public int getDocCount() {
            return sorted.docCount();
        }

        @Override
        public boolean hasFreqs() {
            return sorted.freqs() != null;
        }

        @Override
        public boolean hasOffsets() {
            return false;
        }

        @Override
        public boolean hasPositions() {
            return false;
        }

        @Override
        public boolean hasPayloads() {
            return false;
        }
    }

    /**
     * The terms in order; only {@code next} is needed to write a segment, seeking is not offered.
     * A pair's bytes are made in one buffer, valid until the next move (as Lucene's own enums do).
     */
    private static final class BatchTermsEnum extends TermsEnum {
        private final SortedTerms sorted;
        private final AttributeSource attributes = new AttributeSource();
        private final BytesRef pair = new BytesRef(new byte[32]);
        private int at = -1;
        private BytesRef current;

        BatchTermsEnum(SortedTerms sorted) {
            this.sorted = sorted;
        }

        @Override
        public BytesRef next() {
            if (++at >= sorted.size()) {
                at = sorted.size();
                return current = null;
            }
            BytesRef term = sorted.terms()[at];
            if (term == null) {
                sorted.syllables().pair(sorted.pairFirst()[at], sorted.pairSecond()[at], pair);
                term = pair;
            }
            return current = term;
        }

        @Override
        public BytesRef term() {
            return current;
        }

        @Override
        public int docFreq() {
            return sorted.start()[at + 1] - sorted.start()[at];
        }

        @Override
        public long totalTermFreq() {
            if (sorted.freqs() == null) {
                return docFreq();
            }
            long sum = 0;
            for (int i = sorted.start()[at]; i < sorted.start()[at + 1]; i++) {
                sum += sorted.freqs()[i];
            }
            return sum;
        }

        @Override
        public PostingsEnum postings(PostingsEnum reuse, int flags) {
            BatchPostings postings = reuse instanceof BatchPostings mine && mine.sorted == sorted
                    ? mine : new BatchPostings(sorted);
            postings.reset(sorted.start()[at], sorted.start()[at + 1]);
            return postings;
        }

        @Override
        public ImpactsEnum impacts(int flags) {
            return new SlowImpactsEnum(postings(null, flags));
        }

        @Override
        public AttributeSource attributes() {
            return attributes;
        }

        @Override
        public boolean seekExact(BytesRef text) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SeekStatus seekCeil(BytesRef text) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void seekExact(long ord) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void seekExact(BytesRef term, TermState state) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long ord() {
            throw new UnsupportedOperationException();
        }

        @Override
        public TermState termState() {
            throw new UnsupportedOperationException();
        }
    }

    private static final class BatchPostings extends PostingsEnum {
        final SortedTerms sorted;
        private int at;
        private int end;
        private int doc = -1;

        BatchPostings(SortedTerms sorted) {
            this.sorted = sorted;
        }

        void reset(int from, int to) {
            at = from - 1;
            end = to;
            doc = -1;
        }

        @Override
        public int freq() {
            return sorted.freqs() == null ? 1 : sorted.freqs()[at];
        }

        @Override
        public int nextPosition() {
            return -1;
        }

        @Override
        public int startOffset() {
            return -1;
        }

        @Override
        public int endOffset() {
            return -1;
        }

        @Override
        public BytesRef getPayload() {
            return null;
        }

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public int nextDoc() {
            return doc = ++at < end ? sorted.docs()[at] : NO_MORE_DOCS;
        }

        @Override
        public int advance(int target) {
            int next;
            do {
                next = nextDoc();
            } while (next < target);
            return next;
        }

        @Override
        public long cost() {
            return end - at;
        }
    }
}
