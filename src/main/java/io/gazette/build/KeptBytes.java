package io.gazette.build;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A content cache entry's bytes read where they lie: numbers as {@link java.io.DataOutput} wrote
 * them (big-endian), texts decoded straight from the entry. Every build reads back the front
 * matter of every unchanged article (100,000 at 100,000 articles); through a
 * {@code DataInputStream} each text was first copied into an array of its own, then decoded, and
 * those copies, the streams and their buffers were a fifth of what the content stage allocated.
 * Reading past the end throws {@link EOFException}, as the stream did.
 */
final class KeptBytes {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final byte[] bytes;
    private int at;
    private final int end;

    /** The {@code length} bytes of {@code bytes} from {@code from}. */
    KeptBytes(byte[] bytes, int from, int length) {
        if (from < 0 || length < 0 || from + length > bytes.length) {
            throw new IndexOutOfBoundsException(from + "+" + length + " of " + bytes.length);
        }
        this.bytes = bytes;
        this.at = from;
        this.end = from + length;
    }

    /** Reads it all: for tests and other whole arrays. */
    KeptBytes(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    private int take(int count) throws EOFException {
        if (count < 0 || count > end - at) {
            throw new EOFException("a kept entry ends before its " + count + " bytes");
        }
        int from = at;
        at += count;
        return from;
    }

    byte readByte() throws EOFException {
        return bytes[take(1)];
    }

    boolean readBoolean() throws EOFException {
        return readByte() != 0;
    }

    int readInt() throws EOFException {
        return (int) INT.get(bytes, take(4));
    }

    long readLong() throws EOFException {
        return (long) LONG.get(bytes, take(8));
    }

    double readDouble() throws EOFException {
        return Double.longBitsToDouble(readLong());
    }

    /** The next {@code length} bytes, copied. */
    byte[] bytes(int length) throws EOFException {
        int from = take(length);
        return java.util.Arrays.copyOfRange(bytes, from, from + length);
    }

    /** The next {@code length} bytes as UTF-8 text. */
    String text(int length) throws EOFException {
        return new String(bytes, take(length), length, StandardCharsets.UTF_8);
    }

    /**
     * The next {@code length} bytes as UTF-8 text, the one {@code shared} already holds for the
     * same bytes when there is one: repeated names are neither copied nor decoded again.
     */
    String sharedText(int length, FrontMatterCodec.Shared shared) throws EOFException {
        int from = take(length);
        return shared.text(bytes, from, length);
    }

    /**
     * A text as {@link java.io.DataOutput#writeUTF} wrote it: an unsigned 16-bit length, then
     * "modified UTF-8". That is UTF-8 but for a NUL (two bytes, {@code C0 80}) and characters
     * beyond the 16-bit range (each half of the pair on its own, led by {@code ED}); bytes without
     * either are decoded as UTF-8 in place, the others as {@code DataInputStream} reads them. The
     * cache's indexes name 10,000 paths at 10,000 articles: a data stream copied each into an
     * array of chars of its own, then into the string, a call per byte.
     */
    String readUTF() throws IOException {
        int length = ((bytes[take(1)] & 0xff) << 8) | (bytes[take(1)] & 0xff);
        int from = take(length);
        for (int i = from; i < from + length; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0xc0 || b == 0xed) {
                return DataInputStream.readUTF(new DataInputStream(new ByteArrayInputStream(bytes, from - 2, length + 2)));
            }
        }
        return new String(bytes, from, length, StandardCharsets.UTF_8);
    }

    /** How many bytes are left to read. */
    int remaining() {
        return end - at;
    }

    /** Where the next byte is read, in the array given. */
    int position() {
        return at;
    }

    /** Passes over the next {@code length} bytes. */
    void skip(int length) throws EOFException {
        take(length);
    }

    /** Whether every byte was read. */
    boolean atEnd() {
        return at == end;
    }
}
