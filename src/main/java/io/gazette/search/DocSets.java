package io.gazette.search;

import java.util.Arrays;

/**
 * Binary building blocks of the static index: unsigned LEB128 varints and sets of document numbers,
 * each written as a gap list, a bitmap or the gap list of the missing documents, whichever is
 * smallest, each a function of the set alone. search.js decodes the same layout.
 */
final class DocSets {
    static final int LIST = 0;
    static final int BITMAP = 1;
    static final int COMPLEMENT = 2;

    private DocSets() {
    }

    /** A growable byte buffer, unsynchronized (ByteArrayOutputStream locks on every byte). */
    static final class Sink {
        byte[] bytes;
        int size;

        Sink(int capacity) {
            bytes = new byte[Math.max(16, capacity)];
        }

        void write(int b) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, size * 2);
            }
            bytes[size++] = (byte) b;
        }

        void write(byte[] b, int from, int length) {
            if (size + length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + length));
            }
            System.arraycopy(b, from, bytes, size, length);
            size += length;
        }

        /** Makes room for {@code length} zero bytes at the end and counts them as written. */
        void reserve(int length) {
            if (size + length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + length));
            }
            Arrays.fill(bytes, size, size + length, (byte) 0);
            size += length;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }

        /**
         * The bytes written, without a copy when the sink was made for exactly that many (a
         * shard's size is known before it is written: the copy doubled what a deletion's
         * renumbering of ~8,500 shards allocated for them).
         */
        byte[] exactBytes() {
            return size == bytes.length ? bytes : toByteArray();
        }
    }

    static void varint(Sink out, int value) {
        int v = value;
        while ((v & ~0x7F) != 0) {
            out.write((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    /** Reads the varint {@link #varint} wrote at {@code at[0]} and moves {@code at[0]} past it. */
    static int readVarint(byte[] bytes, int[] at) {
        int value = 0;
        int shift = 0;
        int b;
        do {
            b = bytes[at[0]++] & 0xff;
            value |= (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return value;
    }

    static int varintSize(int value) {
        int size = 1;
        int v = value >>> 7;
        while (v != 0) {
            size++;
            v >>>= 7;
        }
        return size;
    }

    /**
     * Writes {@code docs[from..from+count)} (strictly increasing) in the smallest of three forms: a
     * gap list, a bitmap from the first document to the last, or the gap list of the documents NOT
     * in the set between its first and its last (a syllable in nearly every document costs a few
     * bytes, not one bit a document). The bytes depend on the set alone, not on how many documents
     * the archive has: a new article, numbered last, changes only the sets of the keys it holds.
     * (A complement over all the documents, as written before, changed every key held by half of
     * them whenever the count moved: at 100,000 articles an added article re-encoded ~30 of the
     * longest entries besides its own, and their shards.)
     */
    static void write(Sink out, int[] docs, int from, int count) {
        int end = from + count;
        int first = docs[from];
        int last = docs[end - 1];
        int listSize = varintSize(count) + varintSize(first);
        for (int i = from + 1; i < end; i++) {
            listSize += varintSize(docs[i] - docs[i - 1] - 1);
        }
        int bitmapBytes = (last - first) / 8 + 1;
        int bitmapSize = varintSize(first) + varintSize(bitmapBytes) + bitmapBytes;
        int span = last - first + 1;
        int absent = span - count;
        int complementSize = absent > span / 2 ? Integer.MAX_VALUE : complementSize(docs, from, end);
        if (listSize <= bitmapSize && listSize <= complementSize) {
            out.write(LIST);
            varint(out, count);
            varint(out, first);
            for (int i = from + 1; i < end; i++) {
                varint(out, docs[i] - docs[i - 1] - 1);
            }
        } else if (bitmapSize <= complementSize) {
            out.write(BITMAP);
            varint(out, first);
            varint(out, bitmapBytes);
            int at = out.size;
            out.reserve(bitmapBytes);
            byte[] bits = out.bytes;
            for (int i = from; i < end; i++) {
                int offset = docs[i] - first;
                bits[at + (offset >>> 3)] |= (byte) (1 << (offset & 7));
            }
        } else {
            out.write(COMPLEMENT);
            varint(out, first);
            varint(out, last - first);
            varint(out, absent);
            int previous = first; // the gaps count from the set's first document, which is in it
            for (int i = from + 1; i < end; i++) {
                for (int d = docs[i - 1] + 1; d < docs[i]; d++) {
                    varint(out, d - previous - 1);
                    previous = d;
                }
            }
        }
    }

    /** Reads a set {@link #write} wrote at {@code at[0]} (moving it past the set): its documents, increasing. */
    static int[] read(byte[] bytes, int[] at) {
        int[] docs = new int[size(bytes, at[0])];
        readInto(bytes, at, docs);
        return docs;
    }

    /** How many documents the set {@link #write} wrote at {@code at} holds, without reading past its header and bits. */
    static int size(byte[] bytes, int at) {
        switch (bytes[at] & 0xff) {
            case LIST -> {
                return varintAt(bytes, at + 1);
            }
            case BITMAP -> {
                int lengthAt = afterVarint(bytes, at + 1); // past the first document
                return bitCount(bytes, afterVarint(bytes, lengthAt), varintAt(bytes, lengthAt));
            }
            case COMPLEMENT -> {
                int spanAt = afterVarint(bytes, at + 1); // past the first document
                return varintAt(bytes, spanAt) + 1 - varintAt(bytes, afterVarint(bytes, spanAt));
            }
            default -> throw new IllegalArgumentException("not a document set: form " + (bytes[at] & 0xff));
        }
    }

    /** Where the varint at {@code at} ends. */
    private static int afterVarint(byte[] bytes, int at) {
        int end = at;
        while ((bytes[end] & 0x80) != 0) {
            end++;
        }
        return end + 1;
    }

    /** The varint at {@code at}, read without a cursor to move (see {@link #readVarint}). */
    private static int varintAt(byte[] bytes, int at) {
        int value = 0;
        int shift = 0;
        int b;
        do {
            b = bytes[at++] & 0xff;
            value |= (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return value;
    }

    /**
     * Reads the set at {@code at[0]} as {@link #read} does, into {@code docs} from index 0 (room for
     * {@link #size} numbers), moving {@code at[0]} past it; returns how many it read. No array is
     * made: a deletion's renumbering reads ~100,000 sets, a bitmap's bits found by their trailing
     * zeros rather than tried one by one (a key in most of 10,000 documents is a bitmap of 1,250
     * bytes, or its complement).
     */
    static int readInto(byte[] bytes, int[] at, int[] docs) {
        int form = bytes[at[0]++] & 0xff;
        switch (form) {
            case LIST -> {
                int count = readVarint(bytes, at);
                int doc = readVarint(bytes, at);
                docs[0] = doc;
                for (int i = 1; i < count; i++) {
                    doc += readVarint(bytes, at) + 1;
                    docs[i] = doc;
                }
                return count;
            }
            case BITMAP -> {
                int first = readVarint(bytes, at);
                int length = readVarint(bytes, at);
                int n = 0;
                for (int i = 0, from = at[0]; i < length; i++) {
                    int b = bytes[from + i] & 0xff;
                    while (b != 0) {
                        docs[n++] = first + 8 * i + Integer.numberOfTrailingZeros(b);
                        b &= b - 1;
                    }
                }
                at[0] += length;
                return n;
            }
            case COMPLEMENT -> {
                int first = readVarint(bytes, at);
                int last = first + readVarint(bytes, at);
                int absent = readVarint(bytes, at);
                int n = 0;
                int next = first;
                int previous = first;
                for (int i = 0; i < absent; i++) {
                    int missing = previous + 1 + readVarint(bytes, at);
                    while (next < missing) {
                        docs[n++] = next++;
                    }
                    next = missing + 1;
                    previous = missing;
                }
                while (next <= last) {
                    docs[n++] = next++;
                }
                return n;
            }
            default -> throw new IllegalArgumentException("not a document set: form " + form);
        }
    }

    /** The set bits of {@code bytes[from..from+length)}. */
    static int bitCount(byte[] bytes, int from, int length) {
        int count = 0;
        for (int i = 0; i < length; i++) {
            count += Integer.bitCount(bytes[from + i] & 0xff);
        }
        return count;
    }

    /**
     * Size of the COMPLEMENT form: the documents absent between the set's first and last come in
     * runs between present ones, each run's first gap counted from the document before it (the
     * previous absent one, or the set's first), the others 0.
     */
    private static int complementSize(int[] docs, int from, int end) {
        int first = docs[from];
        int last = docs[end - 1];
        int size = varintSize(first) + varintSize(last - first) + varintSize(last - first + 1 - (end - from));
        int previous = first;
        for (int i = from + 1; i < end; i++) {
            int runStart = docs[i - 1] + 1;
            int runEnd = docs[i];
            if (runStart < runEnd) {
                size += varintSize(runStart - previous - 1) + (runEnd - runStart - 1);
                previous = runEnd - 1;
            }
        }
        return size;
    }

    /** A growable, strictly increasing list of document numbers. */
    static final class Builder {
        int[] docs = new int[4];
        int size;

        void add(int doc) {
            if (size > 0 && docs[size - 1] == doc) {
                return;
            }
            if (size == docs.length) {
                docs = Arrays.copyOf(docs, size * 2);
            }
            docs[size++] = doc;
        }
    }
}
