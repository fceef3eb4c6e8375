package io.gazette.search;

import io.gazette.files.ChecksummingInput;
import io.gazette.files.UnlockedBufferedOutput;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StandardDirectoryReader;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * Related articles of one version of the index, with what it takes to bring them up to date
 * after an edit ({@link RelatedUpdate}): every document's strongest features (raw weights,
 * strongest first) and its related list with the scores kept. Documents are numbered as
 * {@link DocNumbering} numbers the index's live documents.
 *
 * <p>Scores: document d's features, strongest first, each divided by d's norm (the length of its
 * kept features), times the other document's weight for that feature divided by its norm, summed
 * in d's order. The whole-archive computation and an update add the same numbers in the same
 * order, so they give the same doubles, and the same lists.
 */
final class RelatedState {
    static final int F = RelatedArticles.FEATURES_PER_DOC;
    private static final int MAGIC = 0x475a524c; // "GZRL"
    /**
     * Changes whenever the definition of the features, weights or scores, or the layout, does (2:
     * frequencies kept; 3: the inverted feature lists kept; 4: the index commit's id kept, and a
     * document's features before their weights, its list before its scores).
     */
    private static final int FORMAT = 4;
    /** Entries of the inverted lists written or read through one buffer. */
    private static final int ENTRIES_A_BUFFER = 8192;

    final int count;
    final int log2N;
    final String[] urls;
    final String[] hashes;
    final StrongestFeatures tops;
    final double[] norms;
    final int[] lists;
    final double[] scores;
    final int[] listSizes;
    /** The version of the index commit these lists are of (-1: an index in memory). */
    final long indexVersion;
    /**
     * The document frequencies of the features of that index version, what an update makes
     * features again from ({@link FeatureFrequencies}); null once dropped by a build that is done
     * with them ({@link RelatedKeeper.Kept#forProcessEnd}), after they were written.
     */
    FeatureFrequencies frequencies;
    /**
     * The inverted lists of {@link #tops}, so that the next update patches them rather than sorting
     * every feature again (at 100,000 articles ~0.44 s of each added article's build): a preview
     * session keeps them in memory, {@link #write} in the file (4 million entries, 32 MB, read back
     * in ~0.05 s). Null once dropped ({@link RelatedKeeper.Kept#forProcessEnd}), or when a state
     * without them was written (then the next update sorts them).
     */
    FeatureLists inverted;
    /**
     * The unique id Lucene gives the index commit these lists are of ({@link #commitId(IndexReader)};
     * null: unknown, or an index in memory). When the commit an update starts from has this id,
     * the lists are known to be of its documents, numbered as it numbers them: the update neither
     * numbers that commit again nor compares every url and hash with it (at 100,000 articles
     * 0.15-0.25 s of each added article's build).
     */
    byte[] commitId;

    RelatedState(int count, int log2N, String[] urls, String[] hashes, StrongestFeatures tops, double[] norms,
            int[] lists, double[] scores, int[] listSizes, FeatureFrequencies frequencies, long indexVersion) {
        this.count = count;
        this.log2N = log2N;
        this.urls = urls;
        this.hashes = hashes;
        this.tops = tops;
        this.norms = norms;
        this.lists = lists;
        this.scores = scores;
        this.listSizes = listSizes;
        this.frequencies = frequencies;
        this.indexVersion = indexVersion;
    }

    int size() {
        return urls.length;
    }

    RelatedState withIndexVersion(long version) {
        RelatedState same = new RelatedState(count, log2N, urls, hashes, tops, norms, lists, scores, listSizes,
                frequencies, version);
        same.inverted = inverted;
        same.commitId = commitId;
        return same;
    }

    static double norm(StrongestFeatures tops, int d) {
        double sum = 0;
        int base = d * F;
        for (int k = 0; k < tops.size[d]; k++) {
            sum += tops.weight[base + k] * tops.weight[base + k];
        }
        return StrictMath.sqrt(sum);
    }

    /** url → related urls, newest article first; unmodifiable (see {@link RelatedLists}). */
    RelatedLists toMap() {
        return RelatedLists.of(this);
    }

    /**
     * Scores documents against others through the feature lists, every document sharing a feature
     * (an update's few; the whole archive's lists are {@link WholeArchiveScoring}'s): one per
     * thread (its arrays are as long as the archive).
     */
    static final class Scorer {
        private final StrongestFeatures tops;
        private final double[] norms;
        private final FeatureLists featureLists;
        final double[] score;
        final int[] touched;
        int touchedCount;

        Scorer(StrongestFeatures tops, double[] norms, FeatureLists featureLists) {
            this.tops = tops;
            this.norms = norms;
            this.featureLists = featureLists;
            this.score = new double[norms.length];
            this.touched = new int[norms.length];
        }

        /** Scores every document sharing a feature with d into {@link #score}, listed in {@link #touched}. */
        void query(int d) {
            clear();
            double norm = norms[d];
            for (int i = 0; i < tops.size[d]; i++) {
                int slot = d * F + i;
                double w = tops.weight[slot] / norm;
                long run = featureLists.run(tops.feature[slot]);
                for (int j = (int) (run >>> 32); j < (int) run; j++) {
                    int otherSlot = featureLists.slotAt(j);
                    int other = otherSlot / F;
                    if (other == d) {
                        continue;
                    }
                    if (score[other] == 0) {
                        touched[touchedCount++] = other;
                    }
                    score[other] += w * (tops.weight[otherSlot] / norms[other]);
                }
            }
        }

        void clear() {
            for (int i = 0; i < touchedCount; i++) {
                score[touched[i]] = 0;
            }
            touchedCount = 0;
        }
    }

    /**
     * Scores of one document x for the lists of others: its features in a small table by id, so
     * that each other document's 40 features are looked up once each rather than compared with
     * all 40 of x's (an update offers each article whose features changed to every article
     * sharing one: hundreds of thousands of pairs after a deletion at 10,000 articles).
     */
    static final class PairScores {
        /** Twice {@code F} rounded up to a power of two: probes stay short. */
        private static final int SLOTS = Integer.highestOneBit(2 * F - 1) << 1;
        private final StrongestFeatures tops;
        private final double[] norms;
        private final long[] ids = new long[SLOTS];
        private final double[] values = new double[SLOTS];
        private final boolean[] used = new boolean[SLOTS];

        PairScores(StrongestFeatures tops, double[] norms) {
            this.tops = tops;
            this.norms = norms;
        }

        /** Makes x the document scored by {@link #score}. */
        void of(int x) {
            java.util.Arrays.fill(used, false);
            double normX = norms[x];
            for (int k = 0; k < tops.size[x]; k++) {
                long f = tops.feature[x * F + k];
                int i = slot(f);
                while (used[i]) {
                    i = (i + 1) & (SLOTS - 1);
                }
                used[i] = true;
                ids[i] = f;
                values[i] = tops.weight[x * F + k] / normX;
            }
        }

        /**
         * The score of x for d's list, added in d's order as {@link Scorer#query} adds it (the
         * same products: the same double); 0 when they share no feature.
         */
        double score(int d) {
            double sum = 0;
            double normD = norms[d];
            for (int i = 0; i < tops.size[d]; i++) {
                long f = tops.feature[d * F + i];
                for (int j = slot(f); used[j]; j = (j + 1) & (SLOTS - 1)) {
                    if (ids[j] == f) {
                        sum += (tops.weight[d * F + i] / normD) * values[j];
                        break;
                    }
                }
            }
            return sum;
        }

        /** Feature ids are hashes already (RelatedWeights): their low bits will do. */
        private static int slot(long id) {
            return (int) id & (SLOTS - 1);
        }
    }

    /** Whether (score a, document a) ranks before (score b, document b): higher score, then newer. */
    static boolean better(double sa, int a, double sb, int b) {
        return sa > sb || (sa == sb && a > b);
    }

    /** The {@code count} best of the scorer's touched documents into d's list. */
    static void best(Scorer scorer, int d, int count, int[] lists, double[] scores, int[] listSizes) {
        int base = d * count;
        int size = 0;
        for (int t = 0; t < scorer.touchedCount; t++) {
            int doc = scorer.touched[t];
            size = offer(lists, scores, base, size, count, doc, scorer.score[doc]);
        }
        listSizes[d] = size;
    }

    /** Inserts (doc, score) into the sorted list at {@code base} of {@code size} entries; the new size. */
    static int offer(int[] lists, double[] scores, int base, int size, int count, int doc, double score) {
        int at = size;
        while (at > 0 && better(score, doc, scores[base + at - 1], lists[base + at - 1])) {
            at--;
        }
        if (at >= count) {
            return size;
        }
        int end = Math.min(size, count - 1);
        System.arraycopy(lists, base + at, lists, base + at + 1, end - at);
        System.arraycopy(scores, base + at, scores, base + at + 1, end - at);
        lists[base + at] = doc;
        scores[base + at] = score;
        return Math.min(size + 1, count);
    }

    /** Every document's list, scored against all (the whole-archive computation's last step). */
    static void scoreAll(StrongestFeatures tops, double[] norms, int n, int count, int[] lists, double[] scores,
            int[] listSizes, FeatureLists featureLists) {
        new WholeArchiveScoring(tops, norms, featureLists, n).scoreAll(count, lists, scores, listSizes);
    }

    /**
     * The unique id of the index commit {@code reader} shows (Lucene writes a random one with each
     * commit), or null for a reader of another kind.
     */
    static byte[] commitId(IndexReader reader) {
        return reader instanceof StandardDirectoryReader standard ? standard.getSegmentInfos().getId() : null;
    }

    /** Writes the state to {@code file} (through a temporary file, replaced at once). */
    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        CRC32 crc = new CRC32();
        try (OutputStream raw = Files.newOutputStream(temp);
                DataOutputStream out = new DataOutputStream(new UnlockedBufferedOutput(new CheckedOutputStream(raw, crc)))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(F);
            out.writeInt(count);
            out.writeInt(log2N);
            out.writeLong(indexVersion);
            out.writeByte(commitId == null ? 0 : commitId.length);
            if (commitId != null) {
                out.write(commitId);
            }
            out.writeInt(size());
            // A document's numbers go through one buffer, copied from the arrays in runs (its
            // features, then their weights, its list, then the scores): written one call a
            // number they were ~0.2 s of each build at 100,000 articles, read back ~0.25 s.
            ByteBuffer numbers = ByteBuffer.allocate(documentBytes(count));
            for (int d = 0; d < size(); d++) {
                out.writeUTF(urls[d]);
                out.writeUTF(hashes[d]);
                int size = tops.size[d];
                int listSize = listSizes[d];
                numbers.clear();
                numbers.put((byte) size);
                numbers.asLongBuffer().put(tops.feature, d * F, size);
                numbers.position(numbers.position() + size * Long.BYTES);
                numbers.asDoubleBuffer().put(tops.weight, d * F, size);
                numbers.position(numbers.position() + size * Double.BYTES);
                numbers.putShort((short) listSize);
                numbers.asIntBuffer().put(lists, d * count, listSize);
                numbers.position(numbers.position() + listSize * Integer.BYTES);
                numbers.asDoubleBuffer().put(scores, d * count, listSize);
                numbers.position(numbers.position() + listSize * Double.BYTES);
                out.write(numbers.array(), 0, numbers.position());
            }
            frequencies.write(out);
            writeEntries(out, inverted == null ? null : inverted.entries());
            out.flush();
            long sum = crc.getValue();
            out.writeLong(sum);
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A state file that cannot be used: damaged, or written by another version of Gazette. */
    static final class Unusable extends Exception {
        Unusable(String message) {
            super(message);
        }
    }

    /** Reads a state written by {@link #write}; {@link Unusable} says why it cannot be used. */
    static RelatedState read(Path file) throws IOException, Unusable {
        try (InputStream raw = Files.newInputStream(file);
                ChecksummingInput checked = new ChecksummingInput(raw);
                DataInputStream in = new DataInputStream(checked)) {
            if (in.readInt() != MAGIC) {
                throw new Unusable("not a related-articles state");
            }
            int format = in.readInt();
            int features = in.readInt();
            if (format != FORMAT || features != F) {
                throw new Unusable("written by another version of Gazette (format " + format + ")");
            }
            int count = in.readInt();
            int log2N = in.readInt();
            long version = in.readLong();
            byte[] commitId = new byte[in.readUnsignedByte()];
            in.readFully(commitId);
            int n = in.readInt();
            if (count < 0 || count > 1000 || n < 0 || log2N < 0 || log2N > 32) {
                throw new Unusable("damaged header");
            }
            String[] urls = new String[n];
            String[] hashes = new String[n];
            StrongestFeatures tops = new StrongestFeatures(n);
            double[] norms = new double[n];
            int[] lists = new int[n * count];
            double[] scores = new double[n * count];
            int[] listSizes = new int[n];
            byte[] bytes = new byte[documentBytes(count)];
            for (int d = 0; d < n; d++) {
                urls[d] = in.readUTF();
                hashes[d] = in.readUTF();
                int size = in.readUnsignedByte();
                if (size > F) {
                    throw new Unusable("damaged features");
                }
                tops.size[d] = size;
                in.readFully(bytes, 0, size * (Long.BYTES + Double.BYTES) + Short.BYTES);
                ByteBuffer numbers = ByteBuffer.wrap(bytes);
                numbers.asLongBuffer().get(tops.feature, d * F, size);
                numbers.position(size * Long.BYTES);
                numbers.asDoubleBuffer().get(tops.weight, d * F, size);
                numbers.position(size * (Long.BYTES + Double.BYTES));
                int listSize = numbers.getShort() & 0xffff;
                norms[d] = norm(tops, d);
                if (listSize > count) {
                    throw new Unusable("damaged list");
                }
                listSizes[d] = listSize;
                in.readFully(bytes, 0, listSize * (Integer.BYTES + Double.BYTES));
                numbers = ByteBuffer.wrap(bytes);
                numbers.asIntBuffer().get(lists, d * count, listSize);
                numbers.position(listSize * Integer.BYTES);
                numbers.asDoubleBuffer().get(scores, d * count, listSize);
                for (int k = 0; k < listSize; k++) {
                    if (lists[d * count + k] < 0 || lists[d * count + k] >= n) {
                        throw new Unusable("damaged list");
                    }
                }
            }
            // 12 bytes an entry: never more entries than the file has bytes for.
            FeatureFrequencies frequencies = FeatureFrequencies.read(in, Files.size(file) / 12);
            if (frequencies == null) {
                throw new Unusable("damaged frequencies");
            }
            long[] entries = readEntries(in, Files.size(file) / 8);
            long expected = checked.checksum();
            if (in.readLong() != expected) {
                throw new Unusable("checksum mismatch");
            }
            if (in.read() != -1) {
                throw new Unusable("trailing bytes");
            }
            RelatedState state = new RelatedState(count, log2N, urls, hashes, tops, norms, lists, scores, listSizes,
                    frequencies.indexed(), version);
            state.commitId = commitId.length == 0 ? null : commitId;
            if (entries != null) {
                // Summed with the rest, but taken only when they are exactly the lists of these features.
                state.inverted = FeatureLists.of(tops, n, entries);
                if (state.inverted == null) {
                    throw new Unusable("damaged feature lists");
                }
            }
            return state;
        } catch (EOFException e) {
            throw new Unusable("truncated");
        }
    }

    /** The most bytes of one document's numbers: its features and their weights, its list and its scores, each with its size. */
    private static int documentBytes(int count) {
        return 1 + F * (Long.BYTES + Double.BYTES) + Short.BYTES + count * (Integer.BYTES + Double.BYTES);
    }

    /**
     * The inverted lists' entries: their count (-1: none), then each as 8 bytes, big-endian like
     * {@link DataOutputStream#writeLong}, a buffer of them at a time (a call per number cost more
     * than the bytes).
     */
    private static void writeEntries(DataOutputStream out, long[] entries) throws IOException {
        out.writeInt(entries == null ? -1 : entries.length);
        if (entries == null) {
            return;
        }
        ByteBuffer buffer = ByteBuffer.allocate(ENTRIES_A_BUFFER * Long.BYTES);
        for (int from = 0; from < entries.length; from += ENTRIES_A_BUFFER) {
            int length = Math.min(ENTRIES_A_BUFFER, entries.length - from);
            buffer.clear();
            buffer.asLongBuffer().put(entries, from, length);
            out.write(buffer.array(), 0, length * Long.BYTES);
        }
    }

    /** Entries written by {@link #writeEntries}, or null when none were; {@code atMost}: the file's room. */
    private static long[] readEntries(DataInputStream in, long atMost) throws IOException, Unusable {
        int count = in.readInt();
        if (count == -1) {
            return null;
        }
        if (count < 0 || count > atMost) {
            throw new Unusable("damaged feature lists");
        }
        long[] entries = new long[count];
        byte[] bytes = new byte[ENTRIES_A_BUFFER * Long.BYTES];
        for (int from = 0; from < count; from += ENTRIES_A_BUFFER) {
            int length = Math.min(ENTRIES_A_BUFFER, count - from);
            in.readFully(bytes, 0, length * Long.BYTES);
            ByteBuffer.wrap(bytes, 0, length * Long.BYTES).asLongBuffer().get(entries, from, length);
        }
        return entries;
    }

    /** For tests: d's kept features as (id, weight) pairs. */
    List<String> describe(int d) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < tops.size[d]; k++) {
            out.add(Long.toHexString(tops.feature[d * F + k]) + ":" + tops.weight[d * F + k]);
        }
        return out;
    }

    @Override
    public String toString() {
        return "RelatedState[n=" + size() + ", log2N=" + log2N + ", version=" + indexVersion + ", lists="
                + Arrays.toString(Arrays.copyOf(listSizes, Math.min(8, size()))) + "…]";
    }
}
