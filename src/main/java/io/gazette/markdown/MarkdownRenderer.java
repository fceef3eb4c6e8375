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
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import io.gazette.problems.Limits;
import com.vladsch.flexmark.util.data.MutableDataSet;
import io.gazette.media.MediaResolver;
import java.util.List;

/**
 * Markdown to HTML with the extensions a news archive needs: tables, footnotes, autolinks,
 * strikethrough, typographic quotes, ASCII heading ids and figures. One instance is shared by all
 * build threads: Flexmark's parser and renderer are immutable once built.
 *
 * <p>Flexmark is set up at the first body rendered, not with the renderer: a build that renders
 * no body (an incremental one whose edits touch no Markdown, a build that changed nothing) then
 * loads none of its classes and parses none of {@link ParagraphHtml}'s probes, 65–110 ms of a
 * 1.3 s build at 10,000 articles.
 */
public final class MarkdownRenderer {
    private static final int LEAD_CHARS = 400;
    private static final int AUTOLINKS = 1;
    private static final int TABLES = 2;
    private final String basePath;
    private final EmbedRenderer embedRenderer;
    private final boolean allowRawHtml;
    /** Built by {@link #flexmark()} at the first body, then the same for every thread. */
    private volatile Flexmark flexmark;

    /**
     * Flexmark's parsers and renderers for one renderer's options, and the writer standing in for
     * them on plain paragraphs.
     */
    private static final class Flexmark {
        /**
         * The parser with every extension, and the same without those a text cannot use, indexed by
         * {@link #parserFor}: autolinking is a third of Flexmark's time and is left out of texts with
         * no link to find; tables, whose pre-processor compiles its patterns for every document,
         * are left out of texts without a {@code |} (a table cannot be written without one).
         */
        final Parser[] parsers = new Parser[4];
        final HtmlRenderer renderer;
        /** Writes the bodies that are only paragraphs of text, as {@link #renderer} would, in a fraction of its time. */
        final ParagraphHtml paragraphs;
        /** With raw HTML allowed, the rendering used when its cleaned HTML would not parse cleanly. */
        final HtmlRenderer withoutRawHtml;

        Flexmark(String basePath, boolean allowRawHtml) {
            MutableDataSet options = new MutableDataSet();
            options.set(Parser.EXTENSIONS, extensions(AUTOLINKS | TABLES));
            // Typographic marks as characters, not entities: smaller pages, readable feeds and text
            // (dashes and ellipses need TypographicMarks: Flexmark files those as entities regardless).
            options.set(TypographicExtension.DOUBLE_QUOTE_OPEN, "“");
            options.set(TypographicExtension.DOUBLE_QUOTE_CLOSE, "”");
            options.set(TypographicExtension.SINGLE_QUOTE_OPEN, "‘");
            options.set(TypographicExtension.SINGLE_QUOTE_CLOSE, "’");
            options.set(TypographicExtension.SINGLE_QUOTE_UNMATCHED, "’");
            options.set(TypographicExtension.EN_DASH, "–");
            options.set(TypographicExtension.EM_DASH, "—");
            options.set(TypographicExtension.ELLIPSIS, "…");
            options.set(TypographicExtension.ELLIPSIS_SPACED, "…");
            options.set(TypographicExtension.ANGLE_QUOTE_OPEN, "«");
            options.set(TypographicExtension.ANGLE_QUOTE_CLOSE, "»");
            options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
            options.set(HtmlRenderer.RENDER_HEADER_ID, true);
            options.set(HtmlRenderer.SUPPRESS_HTML, !allowRawHtml);
            options.set(TablesExtension.CLASS_NAME, "table");
            options.set(HtmlRenderer.FENCED_CODE_LANGUAGE_CLASS_PREFIX, "language-");
            for (int which = 0; which < parsers.length; which++) {
                parsers[which] = Parser.builder(new MutableDataSet(options).set(Parser.EXTENSIONS, extensions(which))).build();
            }
            renderer = htmlRenderer(options, basePath);
            paragraphs = new ParagraphHtml(options);
            withoutRawHtml = htmlRenderer(new MutableDataSet(options).set(HtmlRenderer.SUPPRESS_HTML, true), basePath);
        }

        /** The parser with the extensions {@code markdown} may use (see {@link #parsers}). */
        Parser parserFor(String markdown) {
            return parsers[(mayHoldAutolink(markdown) ? AUTOLINKS : 0) | (markdown.indexOf('|') >= 0 ? TABLES : 0)];
        }
    }

    /**
     * @param allowRawHtml whether HTML written inside Markdown reaches the page, cleaned by
     *                     {@link RawHtmlSanitizer}. Off by default, as in Hugo: a pasted
     *                     {@code <script>} must not go live unnoticed.
     */
    public MarkdownRenderer(String basePath, boolean allowRawHtml) {
        this(basePath, allowRawHtml, null);
    }

    /** @param embeds renders embeds ({@code {{< youtube … >}}}); null leaves such lines as text */
    public MarkdownRenderer(String basePath, boolean allowRawHtml, EmbedRenderer embeds) {
        this.basePath = basePath;
        this.allowRawHtml = allowRawHtml;
        this.embedRenderer = embeds;
    }

    /** Flexmark, set up by the first thread to need it (the others wait for it). */
    private Flexmark flexmark() {
        Flexmark built = flexmark;
        if (built == null) {
            synchronized (this) {
                built = flexmark;
                if (built == null) {
                    flexmark = built = new Flexmark(basePath, allowRawHtml);
                }
            }
        }
        return built;
    }

    /** Whether Flexmark has been set up, for tests. */
    boolean flexmarkSetUp() {
        return flexmark != null;
    }

    /** The extensions of the parser {@code which} ({@link #AUTOLINKS}, {@link #TABLES}); the renderer has them all. */
    private static List<com.vladsch.flexmark.util.misc.Extension> extensions(int which) {
        List<com.vladsch.flexmark.util.misc.Extension> extensions = new java.util.ArrayList<>();
        if ((which & TABLES) != 0) {
            extensions.add(TablesExtension.create());
        }
        extensions.add(FootnoteExtension.create());
        extensions.add(StrikethroughExtension.create());
        extensions.add(TypographicExtension.create());
        extensions.add(new TypographicMarks());
        extensions.add(new FigureExtension());
        extensions.add(new PlainTextExtension());
        if ((which & AUTOLINKS) != 0) {
            extensions.add(AutolinkExtension.create());
        }
        return extensions;
    }

    /** Flexmark's renderer with our ASCII heading ids, site links and external-link attributes. */
    private static HtmlRenderer htmlRenderer(MutableDataSet options, String basePath) {
        return HtmlRenderer.builder(options)
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
                .attributeProviderFactory(ExternalLinks.factory())
                .build();
    }

    /**
     * @throws MarkdownTooDeep when elements nest deeper than {@link Limits#MAX_NESTING}
     */
    public RenderedMarkdown render(String markdown) {
        return render(markdown, null, 1);
    }

    /**
     * @param media         resolves the article's relative references to files of its folder;
     *                      null leaves them as written
     * @param bodyFirstLine the file line where {@code markdown} starts, for messages
     */
    public RenderedMarkdown render(String markdown, MediaResolver media, int bodyFirstLine) {
        Shortcodes.Extracted embeds = null;
        if (media != null && embedRenderer != null) {
            List<io.gazette.problems.Problem> problems = new java.util.ArrayList<>();
            embeds = Shortcodes.extract(markdown, bodyFirstLine, media.shown(), problems);
            problems.forEach(media::report);
            markdown = embeds.markdown();
        }
        // Plain paragraphs need no parse, and neither the checks (they meet no limit) nor the scrub
        // (nothing in them to scrub); with raw HTML allowed the document is needed for warnings.
        Flexmark flexmark = flexmark();
        ParagraphHtml.Unparsed unparsed = allowRawHtml ? null : flexmark.paragraphs.renderUnparsed(markdown, LEAD_CHARS);
        if (unparsed == null) {
            checkLineStarts(markdown);
            checkBacktickRuns(markdown);
        }
        String source = markdown;
        String html = unparsed != null ? unparsed.html() : DeepStack.call(() -> {
            Document document = parse(source);
            checkNesting(document);
            if (media != null) {
                document.set(MediaKeys.MEDIA, media);
                document.set(MediaKeys.BODY_FIRST_LINE, bodyFirstLine);
            }
            String rendered = HtmlScrub.clean(html(document));
            if (!allowRawHtml) {
                return rendered;
            }
            String cleaned = HtmlScrub.clean(RawHtmlSanitizer.clean(rendered));
            // The cleaner's output does not always parse back the same (a link in a link, a
            // cell outside a table): then the raw HTML is dropped, as without the option.
            boolean kept = RawHtmlSanitizer.parsesCleanly(cleaned);
            if (media != null) {
                RawHtmlWarnings.report(document, kept, bodyFirstLine, media);
            }
            return kept ? cleaned : HtmlScrub.clean(flexmark.withoutRawHtml.render(document));
        });
        if (embeds != null && !embeds.shortcodes().isEmpty()) {
            List<String> rendered = new java.util.ArrayList<>();
            for (Shortcodes.Shortcode code : embeds.shortcodes()) {
                rendered.add(embedRenderer.render(code.name(), code.params(), code.line(), media));
            }
            html = Shortcodes.replace(html, rendered);
        } else if (unparsed != null && unparsed.text() != null) {
            // Read off the Markdown as the HTML was written, what HtmlText would read off the HTML.
            return new RenderedMarkdown(html, unparsed.text(), unparsed.lead(), unparsed.words());
        }
        String textHtml = withoutFootnotes(html);
        HtmlText.Plain text = HtmlText.plain(textHtml);
        return new RenderedMarkdown(html, text.text(), HtmlText.lead(textHtml, LEAD_CHARS), text.words());
    }

    /** Flexmark's HTML of {@code document}: written by {@link ParagraphHtml} when it can, else by Flexmark. */
    String html(Document document) {
        String direct = paragraphHtml(document);
        return direct != null ? direct : flexmark().renderer.render(document);
    }

    /** The writer of plain paragraphs, for tests. */
    ParagraphHtml paragraphs() {
        return flexmark().paragraphs;
    }

    /** {@link ParagraphHtml}'s HTML of {@code document}, or null when it leaves the document to Flexmark. */
    String paragraphHtml(Document document) {
        return flexmark().paragraphs.render(document);
    }

    /** Flexmark's own HTML of {@code document}, for tests that compare {@link #html} with it. */
    String flexmarkHtml(Document document) {
        return flexmark().renderer.render(document);
    }

    /** {@code markdown} parsed as {@link #render} parses it. */
    Document parse(String markdown) {
        return flexmark().parserFor(markdown).parse(markdown);
    }

    /** Refuses a run of backticks longer than {@link Limits#MAX_BACKTICK_RUN} (see there why). */
    static void checkBacktickRuns(String markdown) {
        int line = 1;
        int run = 0;
        for (int i = 0; i < markdown.length(); i++) {
            char c = markdown.charAt(i);
            if (c == '`') {
                if (++run > Limits.MAX_BACKTICK_RUN) {
                    throw new MarkdownTooDeep("a run of more than " + Limits.MAX_BACKTICK_RUN + " backticks (`)", line,
                            "code spans need one to three backticks; shorten the run or write it inside a fenced code block");
                }
            } else {
                run = 0;
                if (c == '\n') {
                    line++;
                }
            }
        }
    }

    /**
     * The nesting a line opens by itself, before parsing: {@code > > - 1. } opens four blocks.
     * Flexmark's block parser is quadratic in the blocks one line opens (10,000 {@code - } took
     * 7 s), so a line past the limit is refused here instead of after parsing.
     */
    static void checkLineStarts(String markdown) {
        int line = 1;
        int i = 0;
        int n = markdown.length();
        while (i < n) {
            int opened = 0;
            while (i < n) {
                char c = markdown.charAt(i);
                if (c == ' ' || c == '\t') {
                    i++;
                } else if (c == '>') {
                    opened++;
                    i++;
                } else if ((c == '-' || c == '*' || c == '+') && i + 1 < n && markdown.charAt(i + 1) == ' ') {
                    opened++;
                    i += 2;
                } else if (c >= '0' && c <= '9') {
                    int j = i;
                    while (j < n && j - i < 9 && markdown.charAt(j) >= '0' && markdown.charAt(j) <= '9') {
                        j++;
                    }
                    if (j + 1 < n && (markdown.charAt(j) == '.' || markdown.charAt(j) == ')') && markdown.charAt(j + 1) == ' ') {
                        opened++;
                        i = j + 2;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
                if (opened > Limits.MAX_NESTING) {
                    throw new MarkdownTooDeep("Markdown elements nested more than " + Limits.MAX_NESTING
                            + " deep (block quotes, lists, emphasis or links inside each other)", line);
                }
            }
            int end = markdown.indexOf('\n', i);
            if (end < 0) {
                break;
            }
            i = end + 1;
            line++;
        }
    }

    /**
     * Walks the tree without recursion (it may be deep) and refuses it past the nesting limit: a
     * thousand {@code >} on a line are a thousand block quotes inside each other.
     */
    static void checkNesting(Node root) {
        Node node = root;
        int depth = 0;
        while (true) {
            if (depth > Limits.MAX_NESTING) {
                throw new MarkdownTooDeep("Markdown elements nested more than " + Limits.MAX_NESTING
                        + " deep (block quotes, lists, emphasis or links inside each other)",
                        node.getStartLineNumber() + 1);
            }
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                depth++;
                continue;
            }
            while (node != root && node.getNext() == null) {
                node = node.getParent();
                depth--;
            }
            if (node == root) {
                return;
            }
            node = node.getNext();
        }
    }

    /** Autolinks need {@code ://}, {@code www.} or an e-mail's {@code @}; without any, skipping them changes nothing. */
    static boolean mayHoldAutolink(String markdown) {
        return markdown.contains("://") || markdown.contains("www.") || markdown.indexOf('@') >= 0;
    }

    /** Footnote markers and back-links are navigation, not text: keep them out of summaries and search. */
    private static String withoutFootnotes(String html) {
        if (!html.contains("footnote")) {
            return html;
        }
        return html.replaceAll("<sup id=\"fnref-[^\"]*\"><a class=\"footnote-ref\"[^>]*>[^<]*</a></sup>", "")
                .replaceAll("<a href=\"#fnref-[^\"]*\" class=\"footnote-backref\">[^<]*</a>", "");
    }
}
