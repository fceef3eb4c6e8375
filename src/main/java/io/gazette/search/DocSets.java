package io.gazette.search;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Binary building blocks of the static index: unsigned LEB128 varints and sets of document numbers,
 * each written either as a gap list or as a bitmap, whichever is smaller (a syllable in most
 * documents costs one bit per document, not a byte). search.js decodes the same layout.
 */
final class DocSets {
    static final int LIST = 0;
    static final int BITMAP = 1;

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

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
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

    static void varint(ByteArrayOutputStream out, int value) {
        int v = value;
        while ((v & ~0x7F) != 0) {
            out.write((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write(v);
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

    static void write(ByteArrayOutputStream out, int[] docs, int count) {
        Sink sink = new Sink(count + 8);
        write(sink, docs, count);
        out.write(sink.bytes, 0, sink.size);
    }

    /** Writes {@code docs[0..count)} (strictly increasing). */
    static void write(Sink out, int[] docs, int count) {
        int listSize = varintSize(count) + varintSize(docs[0]);
        for (int i = 1; i < count; i++) {
            listSize += varintSize(docs[i] - docs[i - 1] - 1);
        }
        int start = docs[0];
        int bitmapBytes = (docs[count - 1] - start) / 8 + 1;
        int bitmapSize = varintSize(start) + varintSize(bitmapBytes) + bitmapBytes;
        if (listSize <= bitmapSize) {
            out.write(LIST);
            varint(out, count);
            varint(out, docs[0]);
            for (int i = 1; i < count; i++) {
                varint(out, docs[i] - docs[i - 1] - 1);
            }
        } else {
            out.write(BITMAP);
            varint(out, start);
            varint(out, bitmapBytes);
            byte[] bits = new byte[bitmapBytes];
            for (int i = 0; i < count; i++) {
                int offset = docs[i] - start;
                bits[offset >>> 3] |= (byte) (1 << (offset & 7));
            }
            out.write(bits, 0, bits.length);
        }
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
