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

    private static Document parse(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }
}
