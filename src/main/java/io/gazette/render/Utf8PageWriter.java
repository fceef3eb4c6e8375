package io.gazette.render;

import io.gazette.text.HtmlEscape;
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
 * <p>Text already in UTF-8 (a card of the theme's {@code {% cache %}}, rendered once for six or
 * seven list pages, see {@link CacheTag}; an article's body, see {@link SafeUtf8}) is
 * {@link #splice spliced} in as its bytes, not copied in as characters to be encoded again.
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
    /** Where in the characters each spliced text goes, and its UTF-8, in order. */
    private int[] spliceAt = new int[4];
    private byte[][] spliced = new byte[4][];
    private int splices;

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

    /**
     * Puts {@code utf8} at the current end of the text, as bytes: the page then holds their text.
     * They must be valid UTF-8 and not begin or end within a surrogate pair; the caller must not
     * change them afterwards.
     */
    void splice(byte[] utf8) {
        if (splices == spliceAt.length) {
            spliceAt = Arrays.copyOf(spliceAt, 2 * splices);
            spliced = Arrays.copyOf(spliced, 2 * splices);
        }
        spliceAt[splices] = length;
        spliced[splices++] = utf8;
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

    /**
     * What Pebble prints: a value to escape escaped ({@link PrintEscaping}), markup already in
     * UTF-8 as its bytes, anything else as Pebble writes it.
     */
    @Override
    public void write(Object value) {
        if (value instanceof PrintEscaping.Escaped escaped) {
            writeEscaped(escaped.text);
        } else if (value instanceof SafeUtf8 markup) {
            splice(markup.utf8());
        } else {
            SpecializedWriter.super.write(value);
        }
    }

    /**
     * Writes {@code text} escaped for HTML, as {@link HtmlEscape#escape(String)} escapes it: copied
     * in, then scanned once where it landed and, in the rare text with markup, escaped there.
     */
    void writeEscaped(String text) {
        int n = text.length();
        ensure(n);
        int from = length;
        text.getChars(0, n, chars, from);
        length += n;
        int first = HtmlEscape.firstMarkup(chars, from, length);
        if (first >= 0) {
            int more = HtmlEscape.growth(chars, first, length);
            ensure(more);
            HtmlEscape.escapeInPlace(chars, first, length, more);
            length += more;
        }
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
        if (splices == 0) {
            return new String(chars, 0, length);
        }
        StringBuilder text = new StringBuilder(length + 1024 * splices);
        int from = 0;
        for (int k = 0; k < splices; k++) {
            text.append(chars, from, spliceAt[k] - from).append(new String(spliced[k], java.nio.charset.StandardCharsets.UTF_8));
            from = spliceAt[k];
        }
        return text.append(chars, from, length - from).toString();
    }

    /**
     * Whether the text written begins with a low surrogate or ends with a high one: half of a pair
     * that the text around it may complete. Spliced UTF-8 holds whole characters only.
     */
    boolean hasHalfPairAtAnEnd() {
        if (length == 0) {
            return false;
        }
        boolean splicedFirst = false;
        boolean splicedLast = false;
        for (int k = 0; k < splices; k++) {
            if (spliced[k].length > 0) {
                splicedFirst |= spliceAt[k] == 0;
                splicedLast |= spliceAt[k] == length;
            }
        }
        return !splicedFirst && Character.isLowSurrogate(chars[0])
                || !splicedLast && Character.isHighSurrogate(chars[length - 1]);
    }

    /** Empties the writer, keeping its buffers for the next page. */
    void reset() {
        length = 0;
        Arrays.fill(spliced, 0, splices, null);
        splices = 0;
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
        long needed = Utf8Encoder.maxBytes(n);
        for (int k = 0; k < splices; k++) {
            needed += spliced[k].length;
        }
        // One pass into a buffer kept for the next page.
        if (bytes.length < needed) {
            bytes = new byte[(int) Math.max(needed, 2L * bytes.length)];
        }
        int at = 0;
        int from = 0;
        for (int k = 0; k < splices; k++) {
            at = Utf8Encoder.encode(in, from, spliceAt[k], bytes, at);
            System.arraycopy(spliced[k], 0, bytes, at, spliced[k].length);
            at += spliced[k].length;
            from = spliceAt[k];
        }
        return Utf8Encoder.encode(in, from, n, bytes, at);
    }

    /** The buffer {@link #encode} wrote into. */
    byte[] encoded() {
        return bytes;
    }
}
