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
 * <p>Layout (new lines and indentation) is written by the caller as text, so documents are
 * byte-for-byte what they were when written by hand.
 */
final class XmlWriter {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private static final String[] INDENTS = {"\n", "\n  ", "\n    ", "\n      "};

    /** What StAX's {@code writeStartDocument("utf-8", "1.0")} writes to a byte stream. */
    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";

    private final Chars chars;

    /** The document's characters, of which a part can be copied out. */
    private static final class Chars extends CharArrayWriter {
        Chars(int size) {
            super(size);
        }

        char[] from(int start) {
            return Arrays.copyOfRange(buf, start, count);
        }
    }
    private final XMLStreamWriter xml;

    XmlWriter(int expectedSize) {
        chars = new Chars(Math.max(64, expectedSize));
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
        return text(INDENTS[depth]);
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
        char[] text = chars.toCharArray();
        byte[] out = new byte[Utf8Encoder.maxBytes(text.length)];
        return Arrays.copyOf(out, Utf8Encoder.encode(text, 0, text.length, out, 0));
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
