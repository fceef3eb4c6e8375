package io.gazette.output;

import io.gazette.text.Utf8Encoder;
import java.io.CharArrayWriter;
import java.util.Arrays;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the XML documents of a site (feeds, sitemaps) through the JDK's StAX
 * {@link XMLStreamWriter}, which escapes and balances the markup, plus the one thing StAX leaves
 * to its caller: characters XML 1.0 forbids (C0 controls other than tab, LF and CR, U+FFFE,
 * U+FFFF and unpaired surrogates) become U+FFFD. The content decoder already replaces them with a
 * warning at the file and line; this is the last guard, so that no document written here is
 * rejected by a parser, whatever text reaches it.
 *
 * <p>StAX writes into a char buffer (StAX buffers its own writes, so the buffer's lock is taken
 * once per few kilobytes), encoded to UTF-8 once at the end by
 * {@link Utf8Encoder}: given a byte stream, StAX encodes its output one byte at a time and checks
 * each character against its encoder, which took a sixth of the render stage for a build's feeds
 * and sitemaps (17 MB at 10,000 articles). The bytes are the same ({@code XmlWriterTest}).
 *
 * <p>The char buffer and the one the document is encoded into are kept by each thread for its next
 * document ({@link Buffers}): a build writes 970 feeds at 10,000 articles, and a buffer of its own
 * for each (64 K chars, copied out, then encoded into three bytes a char and copied again) made
 * 210 MB of garbage for 16 MB of feeds, a quarter of the render stage's.
 *
 * <p>Layout (new lines and indentation) is written by the caller as text, so documents are
 * byte-for-byte what they were when written by hand.
 */
final class XmlWriter {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private static final String[] INDENTS = {"\n", "\n  ", "\n    ", "\n      "};

    /** What StAX's {@code writeStartDocument("utf-8", "1.0")} writes to a byte stream. */
    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";

    private final Buffers buffers;
    private final Chars chars;

    /** The document's characters, of which a part can be copied out. */
    private static final class Chars extends CharArrayWriter {
        Chars(int size) {
            super(size);
        }

        char[] from(int start) {
            return Arrays.copyOfRange(buf, start, count);
        }

        /** The buffer holding the first {@link #size()} characters written. */
        char[] chars() {
            return buf;
        }

        int capacity() {
            return buf.length;
        }
    }

    /**
     * A thread's buffers, kept from one document to its next; a document started while another is
     * written on the thread gets buffers of its own. Buffers grown past {@link #KEPT_CHARS} (a
     * sitemap of 50,000 URLs) are not kept.
     */
    private static final class Buffers {
        private static final int KEPT_CHARS = 1 << 18;
        private static final int FIRST_CHARS = 16 * 1024;
        private static final ThreadLocal<Buffers> KEPT = ThreadLocal.withInitial(() -> new Buffers(FIRST_CHARS));
        Chars chars;
        byte[] bytes = new byte[0];
        boolean inUse;

        private Buffers(int chars) {
            this.chars = new Chars(chars);
        }

        static Buffers take(int expectedSize) {
            Buffers kept = KEPT.get();
            Buffers buffers = kept.inUse || expectedSize > KEPT_CHARS ? new Buffers(Math.max(64, expectedSize)) : kept;
            buffers.inUse = true;
            buffers.chars.reset();
            return buffers;
        }

        /** Room for {@code n} bytes in {@link #bytes}. */
        byte[] bytes(int n) {
            if (bytes.length < n) {
                bytes = new byte[Math.max(n, 2 * bytes.length)];
            }
            return bytes;
        }

        void release() {
            if (chars.capacity() > KEPT_CHARS || bytes.length > 3 * KEPT_CHARS) {
                chars = new Chars(FIRST_CHARS);
                bytes = new byte[0];
            }
            inUse = false;
        }
    }

    private final XMLStreamWriter xml;

    /** @param expectedSize about how many characters the document takes: a larger one is not kept for the next */
    XmlWriter(int expectedSize) {
        buffers = Buffers.take(expectedSize);
        chars = buffers.chars;
        // The declaration is written here: StAX checks the encoding it names against its output,
        // which it can do only for a byte stream.
        chars.append(DECLARATION);
        try {
            xml = FACTORY.createXMLStreamWriter(chars);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code <name} with a default namespace declaration; close it with {@link #end}. */
    XmlWriter root(String name, String namespace) {
        try {
            xml.writeStartElement(name);
            xml.writeDefaultNamespace(namespace);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** Declares {@code xmlns:prefix} on the element just started; its elements are then named {@code prefix:name}. */
    XmlWriter namespace(String prefix, String namespace) {
        try {
            xml.writeNamespace(prefix, namespace);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    XmlWriter start(String name) {
        try {
            xml.writeStartElement(name);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** An element without content, {@code <name a="v"/>}; add attributes with {@link #attribute}. */
    XmlWriter empty(String name) {
        try {
            xml.writeEmptyElement(name);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    XmlWriter attribute(String name, String value) {
        try {
            if (name.startsWith("xml:")) {
                xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", name.substring(4), allowed(value));
            } else {
                xml.writeAttribute(name, allowed(value));
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    XmlWriter text(String text) {
        try {
            xml.writeCharacters(allowed(text));
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    XmlWriter end() {
        try {
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /**
     * Where the document ends now, for {@link #since}. Only between elements: StAX writes a tag's
     * {@code >} with what follows it.
     */
    int mark() {
        flush();
        return chars.size();
    }

    /** What was written since {@code mark}: a block {@link #raw} writes as is into another document. */
    char[] since(int mark) {
        flush();
        return chars.from(mark);
    }

    /** Writes {@code block}, complete elements and text written by {@link #since}, as it is. */
    XmlWriter raw(char[] block) {
        flush();
        chars.write(block, 0, block.length);
        return this;
    }

    private void flush() {
        try {
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new line indented by {@code depth} steps of two spaces. */
    XmlWriter line(int depth) {
        try {
            xml.writeCharacters(INDENTS[depth]); // nothing to replace
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** {@code <name>text</name>}. */
    XmlWriter element(String name, String text) {
        return start(name).text(text).end();
    }

    /** The finished document, after its root element and a new line. */
    byte[] finish() {
        try {
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        try {
            int n = chars.size();
            if (n > Buffers.KEPT_CHARS) {
                // Too large to keep its buffers for the next document (a sitemap of 10,000 URLs:
                // 1.6 million chars): encoded once into an array of its exact size, not into one of
                // three bytes a char and then copied out (6 MB of garbage for that sitemap).
                byte[] out = new byte[Utf8Encoder.length(chars.chars(), 0, n)];
                Utf8Encoder.encode(chars.chars(), 0, n, out, 0);
                return out;
            }
            byte[] out = buffers.bytes(Utf8Encoder.maxBytes(n));
            return Arrays.copyOf(out, Utf8Encoder.encode(chars.chars(), 0, n, out, 0));
        } finally {
            buffers.release();
        }
    }

    /** {@code text} with every character XML 1.0 forbids replaced by U+FFFD. */
    static String allowed(String text) {
        int bad = firstForbidden(text);
        if (bad < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, bad);
        for (int i = bad; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(isForbidden(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    private static int firstForbidden(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < Character.MIN_SURROGATE) {
                continue; // nearly every character: one test instead of four
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (isForbidden(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Not an XML 1.0 {@code Char}, for a char not part of a surrogate pair. */
    private static boolean isForbidden(char c) {
        return c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF';
    }
}
