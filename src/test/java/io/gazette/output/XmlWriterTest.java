package io.gazette.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class XmlWriterTest {
    @Test
    void charactersXmlForbidsBecomeTheReplacementCharacter() throws Exception {
        String hostile = "a\uFFFFb\uFFFEc\u0000d\u0008e\uD800f\uDC00g";
        byte[] bytes = new XmlWriter(100).root("r", "urn:x").attribute("t", hostile).text(hostile).end().finish();

        Document parsed = parse(bytes);
        String expected = "a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg";
        assertThat(parsed.getDocumentElement().getTextContent()).isEqualTo(expected);
        assertThat(parsed.getDocumentElement().getAttribute("t")).isEqualTo(expected);
    }

    @Test
    void allowedCharactersAndPairsAreKept() {
        String text = "tab\tnl\ncr\r 😀 \uFFFD Tiếng Việt";
        assertThat(XmlWriter.allowed(text)).isSameAs(text);
    }

    @Test
    void markupIsEscapedAndLayoutIsTheCallers() throws Exception {
        byte[] bytes = new XmlWriter(100).root("r", "urn:x").attribute("xml:lang", "vi")
                .line(1).element("t", "<b>&\"x\"</b>")
                .line(1).empty("l").attribute("href", "/?a=1&b=\"2\"")
                .line(0).end().finish();
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("""
                <?xml version="1.0" encoding="utf-8"?>
                <r xmlns="urn:x" xml:lang="vi">
                  <t>&lt;b&gt;&amp;"x"&lt;/b&gt;</t>
                  <l href="/?a=1&amp;b=&quot;2&quot;"/>
                </r>
                """);
        assertThat(parse(bytes).getDocumentElement().getAttribute("xml:lang")).isEqualTo("vi");
    }

    /**
     * The same bytes as the JDK's StAX writer given a UTF-8 byte stream, as the site's feeds and
     * sitemaps were written before XmlWriter gave it a char buffer and encoded that itself:
     * markup, Vietnamese, emoji (surrogate pairs), forbidden characters, quotes, empty elements
     * and text, namespaces and {@code xml:} attributes.
     */
    @Test
    void theSameBytesAsStax() throws Exception {
        String[] texts = {"", "plain", "Tiếng Việt – “ngoặc” 😀 ©", "<b>&amp;\"x\" 'y'</b> > <", "a\uFFFFb\u0000c\uD800d\uDC00",
                "\t\n\r", "\u07FF\u0800\uFFFD"};
        for (String a : texts) {
            for (String b : texts) {
                XmlWriter ours = new XmlWriter(8);
                Stax theirs = new Stax();
                ours.root("feed", "urn:x");
                theirs.root("feed", "urn:x");
                ours.namespace("news", "urn:n").attribute("xml:lang", a);
                theirs.xml.writeNamespace("news", "urn:n");
                theirs.xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", XmlWriter.allowed(a));
                ours.line(1).element("title", a).line(1).empty("link").attribute("href", b).attribute("t", a);
                theirs.text("\n  ").element("title", a).text("\n  ");
                theirs.xml.writeEmptyElement("link");
                theirs.xml.writeAttribute("href", XmlWriter.allowed(b));
                theirs.xml.writeAttribute("t", XmlWriter.allowed(a));
                ours.line(1).start("news:news").start("e").end().element("s", b).empty("x").line(1).end();
                theirs.text("\n  ");
                theirs.xml.writeStartElement("news:news");
                theirs.xml.writeStartElement("e");
                theirs.xml.writeEndElement();
                theirs.element("s", b);
                theirs.xml.writeEmptyElement("x");
                theirs.text("\n  ");
                theirs.xml.writeEndElement();
                ours.line(1).empty("y"); // left open: finish ends it and the root
                theirs.text("\n  ");
                theirs.xml.writeEmptyElement("y");
                assertThat(new String(ours.finish(), StandardCharsets.UTF_8))
                        .as("%s / %s", a, b).isEqualTo(new String(theirs.finish(), StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * A document too large for a thread to keep its buffers (a sitemap of 10,000 URLs) is encoded
     * into an array of its own exact size: the same bytes as StAX's, with multi-byte characters,
     * pairs and lone surrogates (each one '?') throughout, and one cut off at the very end.
     */
    @Test
    void aDocumentTooLargeToKeepItsBuffersHasTheSameBytesAsStax() throws Exception {
        String text = "Tiếng Việt – “ngoặc” 😀 © x\uD800y\uDC00 <&> \u07FF\u0800 ".repeat(8_000) + "\uD83D";
        assertThat(text.length()).isGreaterThan(1 << 18);
        XmlWriter ours = new XmlWriter(8).root("r", "urn:x");
        Stax theirs = new Stax().root("r", "urn:x");
        ours.element("t", text).line(0);
        theirs.element("t", text).text("\n");
        assertThat(ours.finish()).isEqualTo(theirs.finish());
    }

    /**
     * A thread keeps its buffers from one document to the next: a document written after a longer
     * one, a document started while another is being written, and one larger than the buffers a
     * thread keeps, each come out whole and alone.
     */
    @Test
    void documentsWrittenOneAfterAnotherOrInsideAnotherAreTheirOwn() {
        byte[] longer = new XmlWriter(8).root("r", "urn:x").element("t", "x".repeat(40_000) + " Việt").finish();
        String declaration = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
        assertThat(new String(longer, StandardCharsets.UTF_8))
                .isEqualTo(declaration + "<r xmlns=\"urn:x\"><t>" + "x".repeat(40_000) + " Việt</t>\n</r>");
        String small = declaration + "<r xmlns=\"urn:x\"><t>ngắn</t>\n</r>"; // finish ends the root
        assertThat(new String(new XmlWriter(8).root("r", "urn:x").element("t", "ngắn").finish(), StandardCharsets.UTF_8))
                .isEqualTo(small);
        XmlWriter outer = new XmlWriter(8).root("r", "urn:x").line(1);
        byte[] inner = new XmlWriter(8).root("r", "urn:x").element("t", "ngắn").finish();
        byte[] huge = new XmlWriter(1 << 20).root("r", "urn:x").element("t", "ngắn").finish();
        outer.element("t", "ngoài");
        assertThat(new String(inner, StandardCharsets.UTF_8)).isEqualTo(small);
        assertThat(huge).isEqualTo(inner);
        assertThat(new String(outer.line(0).end().finish(), StandardCharsets.UTF_8)).isEqualTo(
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<r xmlns=\"urn:x\">\n  <t>ngoài</t>\n</r>\n");
        assertThat(new String(new XmlWriter(8).root("r", "urn:x").element("t", "ngắn").finish(), StandardCharsets.UTF_8))
                .isEqualTo(small);
    }

    /** StAX writing UTF-8 bytes itself, for {@link #theSameBytesAsStax}. */
    private static final class Stax {
        final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        final javax.xml.stream.XMLStreamWriter xml;

        Stax() throws Exception {
            xml = javax.xml.stream.XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(bytes, "utf-8");
            xml.writeStartDocument("utf-8", "1.0");
            xml.writeCharacters("\n");
        }

        Stax root(String name, String namespace) throws Exception {
            xml.writeStartElement(name);
            xml.writeDefaultNamespace(namespace);
            return this;
        }

        Stax text(String text) throws Exception {
            xml.writeCharacters(XmlWriter.allowed(text));
            return this;
        }

        Stax element(String name, String text) throws Exception {
            xml.writeStartElement(name);
            text(text);
            xml.writeEndElement();
            return this;
        }

        byte[] finish() throws Exception {
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
            return bytes.toByteArray();
        }
    }

    private static Document parse(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }
}
