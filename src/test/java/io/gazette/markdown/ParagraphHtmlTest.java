package io.gazette.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

class ParagraphHtmlTest {
    private static final MarkdownRenderer RENDERER = new MarkdownRenderer("/", false);
    private static final MarkdownRenderer WITH_RAW_HTML = new MarkdownRenderer("/", true);

    @Test
    void writesParagraphsOfTextItself() {
        String markdown = "Hội nghị \"sơ kết\" -- năm 2014... A & B < C\n\n**Đậm** và *nghiêng*, 'đơn'  \ndòng\nsau\n";
        Document document = RENDERER.parse(markdown);
        assertThat(direct(RENDERER, document)).isNotNull().isEqualTo(RENDERER.flexmarkHtml(document))
                .isEqualTo("<p>Hội nghị “sơ kết” – năm 2014… A &amp; B &lt; C</p>\n"
                        + "<p><strong>Đậm</strong> và <em>nghiêng</em>, ‘đơn’<br />\ndòng\nsau</p>\n");
    }

    @Test
    void leavesEverythingElseToFlexmark() {
        for (String markdown : List.of("# Tiêu đề\n", "- mục\n", "> trích\n", "[liên kết](/a/)\n", "`mã`\n",
                "![ảnh](/a.png)\n", "~~cũ~~\n", "chú thích[^1]\n\n[^1]: x\n", "https://example.org\n",
                "a\n\n---\n", "    mã\n", "| a |\n|---|\n| 1 |\n", "<b>x</b>\n")) {
            assertThat(direct(RENDERER, RENDERER.parse(markdown))).as(markdown).isNull();
        }
    }

    @Test
    void leavesTextWhoseWhitespaceFlexmarksWriterChangesToIt() {
        // A character reference for a line end, then spaces: Flexmark's writer drops them.
        Document document = RENDERER.parse("a&#10;  b\n");
        assertThat(direct(RENDERER, document)).isNull();
        assertThat(RENDERER.html(document)).isEqualTo(RENDERER.flexmarkHtml(document));
    }

    @Test
    void isOffWhenTheRendererWritesTheseNodesOtherwise() {
        MutableDataSet options = new MutableDataSet().set(com.vladsch.flexmark.html.HtmlRenderer.NO_P_TAGS_USE_BR, true);
        assertThat(new ParagraphHtml(options).render(RENDERER.parse("a\n"))).isNull();
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.strings().withChars("ab ệĐ\t\n\\&;#x41*_\"'.-<>…“`[]!~^|:/@0".toCharArray())
                .ofMaxLength(80);
    }

    /** Paragraphs of words, quotes, marks and emphasis, with stray spaces and tabs around line ends. */
    @Provide
    Arbitrary<String> paragraphs() {
        Arbitrary<String> word = Arbitraries.of("Hội", "nghị", "\"trích\"", "'đơn'", "don't", "--", "---", "...",
                ". . .", "**đậm**", "*nghiêng*", "_gạch_", "__hai__", "A&B", "&amp;", "&#10;", "&#9;", "&#32;",
                "&quot;", "\\*", "\\_", "\\\\", "<", ">", "x<y", "«", "<<", ">>", "&copy;", "&bogus;", "\u0000", "2014");
        Arbitrary<String> gap = Arbitraries.of(" ", " ", " ", "  ", "\t", "\n", "\n ", "\n\t", " \n", "  \n",
                "\\\n", "\n\n", "\n\n ", "\n   \n");
        return Combinators.combine(word.list().ofMinSize(1).ofMaxSize(12), gap.list().ofSize(12),
                Arbitraries.of("", " ", "\t", "\n", "   ")).as((words, gaps, lead) -> {
                    StringBuilder markdown = new StringBuilder(lead);
                    for (int i = 0; i < words.size(); i++) {
                        markdown.append(words.get(i)).append(i + 1 < words.size() ? gaps.get(i) : "\n");
                    }
                    return markdown.toString();
                });
    }

    /** Whatever the text, the body's HTML is Flexmark's, written directly or not. */
    @Property(tries = 2000)
    void anyTextRendersAsFlexmarkRendersIt(@ForAll("anyText") String markdown) {
        assertSameHtml(RENDERER, markdown);
        assertSameHtml(WITH_RAW_HTML, markdown);
    }

    @Property(tries = 3000)
    void paragraphsRenderAsFlexmarkRendersThem(@ForAll("paragraphs") String markdown) {
        assertSameHtml(RENDERER, markdown);
        // The comparison means something only if the direct path is taken often.
        Statistics.coverage(coverage -> coverage.check("written directly").percentage(p -> p > 15));
    }

    @Test
    void writesPlainParagraphsWithoutParsingThem() {
        String markdown = "\nHội nghị sơ kết (năm 2014): 95% đạt; A/B, 1.5 và 2-3!\ndòng hai “trích”…\n\n\n"
                + "Đoạn 2 \"có trích\", (\"dẫn\") và \"hai\ndòng.\" Rồi...\n";
        assertThat(unparsedHtml(markdown)).isNotNull().isEqualTo(flexmark(markdown))
                .isEqualTo("<p>Hội nghị sơ kết (năm 2014): 95% đạt; A/B, 1.5 và 2-3!\ndòng hai “trích”…</p>\n"
                        + "<p>Đoạn 2 “có trích”, (“dẫn”) và “hai\ndòng.” Rồi…</p>\n");
        assertThat(RENDERER.render(markdown).html()).isEqualTo(HtmlScrub.clean(flexmark(markdown)));
    }

    @Test
    void parsesEveryBodyThatMayBeMoreThanPlainParagraphs() {
        for (String markdown : List.of("# Tiêu đề\n", "- mục\n", "+ mục\n", "1. mục\n", "12) mục\n", "a\n===\n",
                "> trích\n", "[liên kết](/a/)\n", "`mã`\n", "~~cũ~~\n", "https://example.org\n", "www.example.org\n",
                "a@b.vn\n", "a\n\n---\n", "    mã\n", " a\n", "a \n", "a  \nb\n", "| a |\n", "<b>x</b>\n", "A &amp; B\n",
                "A &#35; B\n", "P&G;\n", "A &Dagger; B\n", "a\\\nb\n", "\\\\\n", "a\\", "\\Đ\n", "\\ a\n", "\\<b>\n", "a\\",
                "\"\"\n", "''\n", "a''b\n", "\\'a\n", "\\\"a\n", "--\n", "a\n--\n",
                "*a*\n", "_a_\n", "a\tb\n", "a\r\nb\n",
                "a\u00a0\nb\n", "\u3000a\n", "a\u0085\n", "a\uffff\n", "a\udbff\udfff\n")) {
            assertThat(unparsedHtml(markdown)).as(markdown).isNull();
        }
        // Quotes Flexmark pairs or leaves unmatched, apostrophes, quotes in quotes: written without parsing.
        for (String quoted : List.of("\"trích\n", "a\"b\"\n", "\"a\"b\n", "\". a\"\n", "\"a\n\nb\"\n", "'đơn'\n",
                "Ja'afar\n", "\"'Đán dễ'\"\n", "(\"a?\").\n", "\"a 'b\" c'\n",
                // and dots and dashes as the typographic extension reads them
                "a -- b\n", "a....\n", "a..\n", "a. . .\n", "a... .\n", "a. . . .\n", "a----b\n", "a-----\n", "a. .b\n",
                // and backslashes that escape a dash or nothing
                "\\-\\-\n", "\\- a\n", "\\1. a\n", "a\\b\n", "\\---\n")) {
            assertThat(unparsedHtml(quoted)).as(quoted).isNotNull().isEqualTo(flexmark(quoted));
        }
        assertThat(unparsedHtml("Ông nói: \"'Đán' dễ\" và Ja'afar \"x.\".\n"))
                .isEqualTo("<p>Ông nói: “‘Đán’ dễ” và Ja’afar “x.”.</p>\n");
        // The archive's escapes and ampersands that start no reference are text: written without parsing.
        String markdown = "A & B, R&D, P&G.\n\\[1\\] \\*\\*Đ\\*\\* x\\_y \\> \\| \\~ \\#\n";
        assertThat(unparsedHtml(markdown)).isEqualTo(flexmark(markdown))
                .isEqualTo("<p>A &amp; B, R&amp;D, P&amp;G.\n[1] **Đ** x_y &gt; | ~ #</p>\n");
        assertThat(RENDERER.paragraphs().renderUnparsed(markdown, 400).text())
                .isEqualTo("A & B, R&D, P&G. [1] **Đ** x_y > | ~ #");
        assertThat(new ParagraphHtml(new MutableDataSet().set(com.vladsch.flexmark.html.HtmlRenderer.NO_P_TAGS_USE_BR, true))
                .renderUnparsed("a\n", 400)).isNull();
    }

    /** Lines of words, digits, punctuation and odd characters, some starting or ending where Markdown cares. */
    @Provide
    Arbitrary<String> plainish() {
        // Mostly what a plain body holds, now and then what makes it more than that (or may).
        Arbitrary<String> plain = Arbitraries.of("Hội", "nghị", "2014", "95%", "(năm)", "A/B", "a:b", "http:", "www",
                "w.", "1.5", "-", "2-3", "+", "=", "!", "?", ";", ",", ".", "…", "“x”", "\u00a0", "\u2028", "\u200b",
                "\ufeff", "\u0085", "😀", "\ud800", "$", "^", "!x", "ệĐ", "\u0301", "e\u0301", "\"trích\"", "...", "a...",
                "(\"x\")", "\"x.\"", "\"x\",", "\"hai\ndòng?\"", "\"a b\":", "\"1…\"", "\"x\")", "\"Đ...\"",
                "\\_", "\\*", "\\[1\\]", "\\>", "\\|", "\\~", "\\#", "x\\_\\_y", "\\*\\*Đ\\*\\*", "R&D", "&", "&Đ",
                "&#", "&1", "\\[\\\"x\\\"\\]", "'đơn'", "Ja'afar", "('x')", "\"'Đán", "dễ'\"", "'x.'", "x'", "'1…'", "'a b':", "--", "---", "a--b", ". . .", ". .", "..", "....", "x. . . .", "\\1.", "a\\b", "\\--", "\\-",
                "'", "\"", "?\".", "!\",", "\"-", ".\"", "'”");
        Arbitrary<String> tricky = Arbitraries.of("1.", "3)", "://", "ww.", ". .", "..", "#", "*", "&", "~", "\u3000",
                "@", "--", "[x]", "'", "\\", "<", "|", "....", "\"\"", "\"*a*\"", "\".\"", "\"…", "“\"", "\"😀", "ệ\"ệ", "\"a", "b\"",
                "\"", "\"Đ", "\"1", "?\"", "\ufdd0", "\uffff", "\udbff\udfff", "\u009f", "\u007f", "&amp;", "&#35;",
                "&#x41;", "&quot;", "&nbsp", "&a;", "&#;", "\\\\", "\\\"", "\\-", "\\.", "\\`", "\\<", "\\&", "\\\n", "\\:", "\\",
                "\\_\"", "\"\\_", "\\]\"", "\\|-");
        Arbitrary<String> word = Arbitraries.frequencyOf(Tuple.of(12, plain), Tuple.of(1, tricky));
        Arbitrary<String> gap = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.of(" ", " ", " ", "\n", "\n\n", "\n\n\n", "")),
                Tuple.of(1, Arbitraries.of("  \n", " \n", "\n ", "\t", "\n\n ")));
        return Combinators.combine(word.list().ofMinSize(1).ofMaxSize(14), gap.list().ofSize(14),
                Arbitraries.of("", "", "\n", " ", "\n\n"), Arbitraries.of("\n", "", "\n\n", " "))
                .as((words, gaps, lead, end) -> {
                    StringBuilder markdown = new StringBuilder(lead);
                    for (int i = 0; i < words.size(); i++) {
                        markdown.append(words.get(i)).append(i + 1 < words.size() ? gaps.get(i) : end);
                    }
                    return markdown.toString();
                });
    }

    /** Paragraphs dense with quotes beside letters, digits, punctuation, spaces and line ends. */
    @Provide
    Arbitrary<String> quotes() {
        Arbitrary<String> quote = Arbitraries.of("'", "\"");
        Arbitrary<String> word = Arbitraries.of("a", "Đ", "ệ", "1", "ab");
        Arbitrary<String> mark = Arbitraries.of("(", ")", ".", ",", "?", "!", ":", "…", "“", "”", "-", "%", "...", "\\_", "&",
                "\u00a0", "\u2013", "«", "$", "€", "©", "\u0301", "😀", "+", "/", "--", ". . .", ". .");
        Arbitrary<String> piece = Arbitraries.frequencyOf(Tuple.of(4, quote), Tuple.of(3, word), Tuple.of(3, mark));
        Arbitrary<String> gap = Arbitraries.of(" ", " ", "", "", "", "\n", "\n\n");
        return Combinators.combine(piece.list().ofMinSize(1).ofMaxSize(16), gap.list().ofSize(16))
                .as((pieces, gaps) -> {
                    StringBuilder markdown = new StringBuilder();
                    for (int i = 0; i < pieces.size(); i++) {
                        markdown.append(pieces.get(i)).append(i + 1 < pieces.size() ? gaps.get(i) : "\n");
                    }
                    return markdown.toString();
                });
    }

    /** Quotes paired, nested, crossed or left over: written without parsing as Flexmark writes them (QuotePairs). */
    @Property(tries = 10000)
    void quotesRenderAsFlexmarkPairsThem(@ForAll("quotes") String markdown) {
        ParagraphHtml.Unparsed unparsed = RENDERER.paragraphs().renderUnparsed(markdown, 400);
        Statistics.collect(unparsed != null ? "unparsed" : "parsed");
        if (unparsed != null) {
            assertThat(unparsed.html()).as(markdown).isEqualTo(flexmark(markdown)).isEqualTo(HtmlScrub.clean(unparsed.html()));
            if (unparsed.text() != null) {
                HtmlText.Plain plain = HtmlText.plain(unparsed.html());
                assertThat(unparsed.text()).as(markdown).isEqualTo(plain.text());
                assertThat(unparsed.words()).as(markdown).isEqualTo(plain.words());
                assertThat(unparsed.lead()).as(markdown).isEqualTo(HtmlText.lead(unparsed.html(), 400));
            }
        }
        Statistics.coverage(coverage -> coverage.check("unparsed").percentage(p -> p > 40));
    }

    /** Whatever the text, a body written without parsing is written as Flexmark writes it. */
    @Property(tries = 5000)
    void unparsedBodiesRenderAsFlexmarkRendersThem(@ForAll("plainish") String markdown) {
        String unparsed = unparsedHtml(markdown);
        Statistics.collect(unparsed != null ? "unparsed" : "parsed");
        if (unparsed != null) {
            assertThat(unparsed).isEqualTo(flexmark(markdown)).isEqualTo(HtmlScrub.clean(unparsed));
        }
        // The comparison means something only if the unparsed path is taken often.
        Statistics.coverage(coverage -> coverage.check("unparsed").percentage(p -> p > 10));
    }

    @Property(tries = 2000)
    void anyTextWrittenWithoutParsingIsFlexmarks(@ForAll("anyText") String markdown) {
        String unparsed = unparsedHtml(markdown);
        if (unparsed != null) {
            assertThat(unparsed).isEqualTo(flexmark(markdown));
        }
    }

    /** The text, lead and words of a body written without parsing are those HtmlText reads off its HTML. */
    @Property(tries = 5000)
    void unparsedBodiesGiveTheTextHtmlTextReadsOffTheirHtml(@ForAll("plainish") String markdown,
            @ForAll @IntRange(min = 0, max = 40) int leadLimit) {
        ParagraphHtml.Unparsed unparsed = RENDERER.paragraphs().renderUnparsed(markdown, leadLimit);
        Statistics.collect(unparsed == null ? "parsed" : unparsed.text() == null ? "HTML only" : "with text");
        if (unparsed != null && unparsed.text() != null) {
            HtmlText.Plain plain = HtmlText.plain(unparsed.html());
            assertThat(unparsed.text()).as(markdown).isEqualTo(plain.text());
            assertThat(unparsed.words()).as(markdown).isEqualTo(plain.words());
            assertThat(unparsed.lead()).as(markdown + " (lead of " + leadLimit + ")")
                    .isEqualTo(HtmlText.lead(unparsed.html(), leadLimit));
        }
        if (unparsed != null) {
            RenderedMarkdown rendered = RENDERER.render(markdown);
            HtmlText.Plain plain = HtmlText.plain(rendered.html());
            assertThat(rendered).isEqualTo(new RenderedMarkdown(unparsed.html(), plain.text(),
                    HtmlText.lead(rendered.html(), 400), plain.words()));
        }
        // The comparison means something only if the text is read off the Markdown often.
        Statistics.coverage(coverage -> coverage.check("with text").percentage(p -> p > 8));
    }

    @Test
    void givesTheTextOfPlainParagraphs() {
        ParagraphHtml.Unparsed unparsed = RENDERER.paragraphs().renderUnparsed(
                "Hội nghị \"sơ kết\" năm 2014...\nhai dòng\n\nĐoạn hai, dài hơn.\n", 12);
        assertThat(unparsed.text()).isEqualTo("Hội nghị “sơ kết” năm 2014… hai dòng Đoạn hai, dài hơn.");
        assertThat(unparsed.words()).isEqualTo(12);
        // The first paragraph stands on two lines of the HTML: HtmlText.lead skips it.
        assertThat(unparsed.lead()).isEqualTo("Đoạn hai, dài").isEqualTo(HtmlText.lead(unparsed.html(), 12));
        // Other whitespace than single spaces: the text and the lead are left to HtmlText.
        assertThat(RENDERER.paragraphs().renderUnparsed("a\u2028b\n", 400).text()).isNull();
        assertThat(RENDERER.paragraphs().renderUnparsed("a  b\n", 400).text()).isNull();
    }

    /** The HTML {@link ParagraphHtml#renderUnparsed} writes for {@code markdown}, or null when it leaves it to the parser. */
    private static String unparsedHtml(String markdown) {
        ParagraphHtml.Unparsed unparsed = RENDERER.paragraphs().renderUnparsed(markdown, 400);
        return unparsed == null ? null : unparsed.html();
    }

    /** Flexmark's own HTML of {@code markdown}, parsed as the renderer parses it. */
    private static String flexmark(String markdown) {
        return RENDERER.flexmarkHtml(RENDERER.parse(markdown));
    }

    private static void assertSameHtml(MarkdownRenderer renderer, String markdown) {
        Document document = renderer.parse(markdown);
        String direct = direct(renderer, document);
        Statistics.collect(direct != null ? "written directly" : "left to Flexmark");
        assertThat(renderer.html(document)).isEqualTo(renderer.flexmarkHtml(document));
        if (direct != null) {
            assertThat(direct).isEqualTo(renderer.flexmarkHtml(document));
        }
    }

    private static String direct(MarkdownRenderer renderer, Document document) {
        return renderer.paragraphHtml(document);
    }
}
