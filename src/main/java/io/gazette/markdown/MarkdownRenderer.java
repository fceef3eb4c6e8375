package io.gazette.markdown;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.typographic.TypographicExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.HeaderIdGeneratorFactory;
import com.vladsch.flexmark.html.renderer.HtmlIdGenerator;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.ast.TextContainer;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;

/**
 * Markdown to HTML with the extensions a news archive needs: tables, footnotes, autolinks,
 * strikethrough, typographic quotes, ASCII heading ids and figures. One instance is shared by all
 * build threads: Flexmark's parser and renderer are immutable once built.
 */
public final class MarkdownRenderer {
    private static final int LEAD_CHARS = 400;
    private final Parser parser;
    private final HtmlRenderer renderer;

    /**
     * @param allowRawHtml whether HTML written inside Markdown reaches the page. Off by default,
     *                     as in Hugo: a pasted {@code <script>} must not go live unnoticed.
     */
    public MarkdownRenderer(String basePath, boolean allowRawHtml) {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(
                TablesExtension.create(),
                FootnoteExtension.create(),
                AutolinkExtension.create(),
                StrikethroughExtension.create(),
                TypographicExtension.create(),
                new FigureExtension()));
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        options.set(HtmlRenderer.SUPPRESS_HTML, !allowRawHtml);
        options.set(TablesExtension.CLASS_NAME, "table");
        options.set(HtmlRenderer.FENCED_CODE_LANGUAGE_CLASS_PREFIX, "language-");
        parser = Parser.builder(options).build();
        renderer = HtmlRenderer.builder(options)
                .htmlIdGeneratorFactory(new HeaderIdGeneratorFactory() {
                    @Override
                    public HtmlIdGenerator create(LinkResolverContext context) {
                        return new AsciiHeadingIds();
                    }

                    @Override
                    public HtmlIdGenerator create() {
                        return new AsciiHeadingIds();
                    }
                })
                .linkResolverFactory(SiteLinkResolver.factory(basePath))
                .build();
    }

    public RenderedMarkdown render(String markdown) {
        Document document = parser.parse(markdown);
        String html = renderer.render(document);
        String text = new TextCollectingVisitor()
                .collectAndGetText(document, TextContainer.F_ADD_SPACES_BETWEEN_NODES)
                .replaceAll("\\s+", " ")
                .strip();
        return new RenderedMarkdown(html, text, leadText(document), countWords(text));
    }

    /**
     * The text of the opening paragraphs, without headings or figure captions: what a summary
     * should be cut from (a photo caption is a poor first sentence for a news card).
     */
    private static String leadText(Document document) {
        StringBuilder lead = new StringBuilder();
        for (Node node = document.getFirstChild(); node != null && lead.length() < LEAD_CHARS; node = node.getNext()) {
            if (node instanceof Paragraph paragraph && !FigureExtension.isFigure(paragraph)) {
                String text = new TextCollectingVisitor()
                        .collectAndGetText(paragraph, TextContainer.F_ADD_SPACES_BETWEEN_NODES)
                        .replaceAll("\\s+", " ").strip();
                if (!text.isEmpty()) {
                    lead.append(lead.length() == 0 ? "" : " ").append(text);
                }
            }
        }
        return lead.toString();
    }

    private static int countWords(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !inWord) {
                words++;
            }
            inWord = letter;
        }
        return words;
    }
}
