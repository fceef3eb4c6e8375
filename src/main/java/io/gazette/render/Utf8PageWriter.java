package io.gazette.render;

import io.gazette.text.Utf8Encoder;

import io.pebbletemplates.pebble.extension.writer.SpecializedWriter;
import java.io.Writer;
import java.util.Arrays;

/**
 * Where Pebble writes one page: a plain growing {@code char[]}, encoded to UTF-8 once at the end.
 * A {@link java.io.StringWriter} locks its {@code StringBuffer} for each of the hundreds of small
 * writes of a page, and its text then costs two more copies (the {@code String}, then its bytes);
 * a build writes 200 MB of pages at 10,000 articles. Not thread-safe: one page, one thread.
 *
 * <p>The bytes are those of {@code toString().getBytes(UTF_8)}: a surrogate without its pair is
 * written as {@code ?}, as the JDK's encoder does. Numbers are written as {@link StringBuilder}
 * appends them, as Pebble does for a {@code StringWriter} (it is a {@link SpecializedWriter} for
 * that reason: Pebble hands it numbers without making strings of them first).
 *
 * <p>A build keeps one per thread ({@link #reset} between pages), so a page costs no buffer of its
 * own but the bytes it returns.
 */
final class Utf8PageWriter extends Writer implements SpecializedWriter {
    private char[] chars;
    private int length;
    private byte[] bytes = new byte[0];
    /** Set while a page is written into it (see {@link TemplateRenderer#renderUtf8}). */
    boolean inUse;
    /** Buffers larger than this (a page of a very long article) are not kept for the next page. */
    private static final int KEPT_CHARS = 1 << 18;

    Utf8PageWriter(int expectedChars) {
        chars = new char[Math.max(16, expectedChars)];
    }

    private void ensure(int more) {
        int needed = length + more;
        if (needed > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(needed, chars.length * 2));
        }
    }

    @Override
    public void write(char[] source, int offset, int count) {
        ensure(count);
        System.arraycopy(source, offset, chars, length, count);
        length += count;
    }

    @Override
    public void write(String text, int offset, int count) {
        ensure(count);
        text.getChars(offset, offset + count, chars, length);
        length += count;
    }

    @Override
    public void write(String text) {
        write(text, 0, text.length());
    }

    @Override
    public void write(int c) {
        ensure(1);
        chars[length++] = (char) c;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    @Override
    public void writeSpecialized(int i) {
        write(String.valueOf(i));
    }

    @Override
    public void writeSpecialized(long l) {
        write(String.valueOf(l));
    }

    @Override
    public void writeSpecialized(double d) {
        write(String.valueOf(d));
    }

    @Override
    public void writeSpecialized(float f) {
        write(String.valueOf(f));
    }

    @Override
    public void writeSpecialized(short s) {
        write(String.valueOf(s));
    }

    @Override
    public void writeSpecialized(byte b) {
        write(String.valueOf(b));
    }

    @Override
    public void writeSpecialized(char c) {
        write(c);
    }

    @Override
    public void writeSpecialized(String s) {
        write(s);
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }

    /** Empties the writer, keeping its buffers for the next page. */
    void reset() {
        length = 0;
        if (chars.length > KEPT_CHARS || bytes.length > 3 * KEPT_CHARS) {
            chars = new char[16 * 1024];
            bytes = new byte[0];
        }
    }

    /** The text written so far in UTF-8, exactly as {@code toString().getBytes(UTF_8)}. */
    byte[] toUtf8() {
        int n = encode(); // first: it may replace the buffer
        return Arrays.copyOf(bytes, n);
    }

    /**
     * Encodes the text written so far to UTF-8 into {@link #encoded()} and returns how many of
     * its bytes it took; they stay there until the next {@link #reset}.
     */
    int encode() {
        char[] in = chars;
        int n = length;
        // One pass into a buffer kept for the next page.
        if (bytes.length < Utf8Encoder.maxBytes(n)) {
            bytes = new byte[Math.max(Utf8Encoder.maxBytes(n), 2 * bytes.length)];
        }
        return Utf8Encoder.encode(in, 0, n, bytes, 0);
    }

    /** The buffer {@link #encode} wrote into. */
    byte[] encoded() {
        return bytes;
    }
}
