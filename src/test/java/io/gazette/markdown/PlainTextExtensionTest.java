package io.gazette.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class PlainTextExtensionTest {
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer FLEXMARK = HtmlRenderer.builder().build();
    private static final HtmlRenderer WITH_EXTENSION = HtmlRenderer.builder(
            new MutableDataSet().set(Parser.EXTENSIONS, List.of(new PlainTextExtension()))).build();

    @Test
    void onlyRunsWithoutBackslashAmpersandOrCarriageReturnArePlain() {
        assertThat(PlainTextExtension.isPlain("Hội nghị “sơ kết” <b>")).isTrue();
        assertThat(PlainTextExtension.isPlain("a \\* b")).isFalse();
        assertThat(PlainTextExtension.isPlain("a &amp; b")).isFalse();
        assertThat(PlainTextExtension.isPlain("a\rb")).isFalse();
        assertThat(PlainTextExtension.isPlain("a\u0000b")).isFalse();
    }

    @Test
    void escapesAndEntitiesStillRenderAsFlexmarkRendersThem() {
        String markdown = "Giá \\*đặc biệt\\* &amp; &copy; a < b\r\ndòng hai\n";
        assertThat(render(WITH_EXTENSION, markdown)).isEqualTo(render(FLEXMARK, markdown))
                .contains("*đặc biệt*", "&amp; ©", "a &lt; b\ndòng hai");
    }

    @Provide
    Arbitrary<String> markdown() {
        return Arbitraries.strings().withChars("ab ệ\\&;#x41*_`[]()<>\"'\r\n!-ampcopy\u0000").ofMaxLength(60);
    }

    @Provide
    Arbitrary<String> escapedText() {
        return Arbitraries.strings().withChars("aệ \\&#;x1*_[]`!~-.()\"'<>\r\n\u0000").ofMaxLength(40);
    }

    /** Dropping backslashes itself gives what Flexmark's unescaping gives, whenever it does not decline. */
    @Property(tries = 3000)
    void backslashesAreDroppedAsFlexmarkDropsThem(@ForAll("escapedText") String text) {
        String unescaped = PlainTextExtension.withoutBackslashes(text, 0);
        net.jqwik.api.statistics.Statistics.collect(unescaped != null ? "unescaped here" : "left to Flexmark");
        if (unescaped != null) {
            assertThat(unescaped).isEqualTo(com.vladsch.flexmark.util.sequence.Escaping.normalizeEOL(
                    com.vladsch.flexmark.util.sequence.Escaping.unescapeString(text)));
        }
        net.jqwik.api.statistics.Statistics.coverage(coverage -> coverage.check("unescaped here").percentage(p -> p > 20));
    }

    @Test
    void backslashesBeforePunctuationAreDroppedAndReferencesLeftToFlexmark() {
        assertThat(PlainTextExtension.withoutBackslashes("a\\\\\\_b \\q A & B", 0)).isEqualTo("a\\_b \\q A & B");
        assertThat(PlainTextExtension.withoutBackslashes("a &amp; b", 0)).isNull();
        assertThat(PlainTextExtension.withoutBackslashes("a &#38; b", 0)).isNull();
    }

    /** With or without the extension, every text renders to the same HTML. */
    @Property
    void rendersWhatFlexmarkRenders(@ForAll("markdown") String markdown) {
        assertThat(render(WITH_EXTENSION, markdown)).isEqualTo(render(FLEXMARK, markdown));
    }

    private static String render(HtmlRenderer renderer, String markdown) {
        Document document = PARSER.parse(markdown);
        return renderer.render(document);
    }
}
