package io.gazette.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the XML documents of a site (feeds, sitemaps) into UTF-8 bytes, escaping text and
 * attribute values and balancing the markup, plus what an XML writer leaves to its caller:
 * characters XML 1.0 forbids (C0 controls other than tab, LF and CR, U+FFFE, U+FFFF and unpaired
 * surrogates) become U+FFFD. The content decoder already replaces them with a warning at the file
 * and line; this is the last guard, so that no document written here is rejected by a parser,
 * whatever text reaches it.
 *
 * <p>The bytes are those the JDK's StAX {@code XMLStreamWriter} wrote for the same calls, which
 * this class used until a build's feeds and sitemaps (17 MB at 10,000 articles) took a sixth of
 * the render stage in it: StAX hands its UTF-8 stream one byte at a time and checks each
 * character against its encoder. As StAX: {@code < > &} are escaped as {@code &lt; &gt; &amp;},
 * and {@code "} too in attribute values; nothing else; a start tag is closed ({@code >}, or
 * {@code />} for an empty element) when something follows it. {@code XmlWriterTest} holds the two
 * to the same bytes.
 *
 * <p>Layout (new lines and indentation) is written by the caller as text, so documents are
 * byte-for-byte what they were when written by hand.
 */
final class XmlWriter {
    private static final String[] INDENTS = {"\n", "\n  ", "\n    ", "\n      "};

    private byte[] bytes;
    private int count;
    /** Names of the elements started and not ended, innermost last. */
    private final List<String> open = new ArrayList<>();
    /** Whether the last tag written still takes attributes (its {@code >} not yet written). */
    private boolean tagOpen;
    /** Whether that tag is an empty element's (closed by {@code />}). */
    private boolean tagEmpty;

    XmlWriter(int expectedSize) {
        bytes = new byte[Math.max(64, expectedSize)];
        ascii("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    }

    /** {@code <name} with a default namespace declaration; close it with {@link #end}. */
    XmlWriter root(String name, String namespace) {
        start(name);
        return attribute("xmlns", namespace);
    }

    /** Declares {@code xmlns:prefix} on the element just started; its elements are then named {@code prefix:name}. */
    XmlWriter namespace(String prefix, String namespace) {
        return attribute("xmlns:" + prefix, namespace);
    }

    XmlWriter start(String name) {
        closeTag();
        ascii("<");
        ascii(name);
        open.add(name);
        tagOpen = true;
        tagEmpty = false;
        return this;
    }

    /** An element without content, {@code <name a="v"/>}; add attributes with {@link #attribute}. */
    XmlWriter empty(String name) {
        closeTag();
        ascii("<");
        ascii(name);
        tagOpen = true;
        tagEmpty = true;
        return this;
    }

    XmlWriter attribute(String name, String value) {
        if (!tagOpen) {
            throw new IllegalStateException("attribute " + name + " outside a start tag");
        }
        ascii(" ");
        ascii(name);
        ascii("=\"");
        escaped(allowed(value), true);
        ascii("\"");
        return this;
    }

    XmlWriter text(String text) {
        closeTag();
        escaped(allowed(text), false);
        return this;
    }

    XmlWriter end() {
        if (open.isEmpty()) {
            throw new IllegalStateException("no element to end");
        }
        closeTag();
        ascii("</");
        ascii(open.remove(open.size() - 1));
        ascii(">");
        return this;
    }

    /** A new line indented by {@code depth} steps of two spaces. */
    XmlWriter line(int depth) {
        return text(INDENTS[depth]);
    }

    /** {@code <name>text</name>}. */
    XmlWriter element(String name, String text) {
        return start(name).text(text).end();
    }

    /** The finished document, after its root element and a new line; elements left open are ended. */
    byte[] finish() {
        text("\n");
        while (!open.isEmpty()) {
            end();
        }
        closeTag();
        return Arrays.copyOf(bytes, count);
    }

    private void closeTag() {
        if (tagOpen) {
            ascii(tagEmpty ? "/>" : ">");
            tagOpen = false;
        }
    }

    private void room(int more) {
        if (count + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, count + more));
        }
    }

    /** Markup and names: ASCII, written as is. */
    private void ascii(String text) {
        int n = text.length();
        room(n);
        for (int i = 0; i < n; i++) {
            bytes[count++] = (byte) text.charAt(i);
        }
    }

    /** {@code text} (with no forbidden character left) escaped as StAX escapes it, in UTF-8. */
    private void escaped(String text, boolean inAttribute) {
        int n = text.length();
        room(6 * n); // &quot; is the longest a char becomes; a pair's four bytes are two chars'
        byte[] out = bytes;
        int at = count;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '<' -> at = put(out, at, "&lt;");
                    case '>' -> at = put(out, at, "&gt;");
                    case '&' -> at = put(out, at, "&amp;");
                    case '"' -> at = inAttribute ? put(out, at, "&quot;") : put(out, at, "\"");
                    default -> out[at++] = (byte) c;
                }
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                out[at++] = (byte) (0xF0 | cp >> 18);
                out[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
                out[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | cp & 0x3F);
            } else {
                out[at++] = (byte) (0xE0 | c >> 12);
                out[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        count = at;
    }

    private static int put(byte[] out, int at, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            out[at++] = (byte) ascii.charAt(i);
        }
        return at;
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
