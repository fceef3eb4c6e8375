package io.gazette.legacy;

import static io.gazette.legacy.HtmlLandmarks.authorElement;
import static io.gazette.legacy.HtmlLandmarks.bodyContainer;
import static io.gazette.legacy.HtmlLandmarks.category;
import static io.gazette.legacy.HtmlLandmarks.contains;
import static io.gazette.legacy.HtmlLandmarks.hasBlockChild;
import static io.gazette.legacy.HtmlLandmarks.isDateElement;
import static io.gazette.legacy.HtmlLandmarks.line;
import static io.gazette.legacy.HtmlLandmarks.titleAbove;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Reads an HTML page saved from the old site. The old CMS laid pages out with tables and divs and
 * no semantic markup, so the reader finds the article by the same landmarks as
 * {@link TextPageReader}: the date line (an element whose whole text is {@code Thứ hai, 18/08/2014}),
 * the title (the nearest text above it that is not a link), and the body (the element after the
 * date line holding the most paragraph text), found by {@link HtmlLandmarks}; this class turns the
 * body into blocks of Markdown. The "Bài viết khác" list, rating widget and visitor counter are
 * recognised by their wording and left out.
 */
final class HtmlPageReader {
    private static final Set<String> BLOCK_CONTAINERS = Set.of("div", "section", "article", "center", "td", "tbody",
            "tr", "table", "span", "font");

    /** Link and image addresses kept as they were: relative ones and web or mail addresses. */
    private static final Pattern SAFE_ADDRESS = Pattern.compile("(?is)(https?:.*|mailto:.*|[^:]*|[^:/?#]*[/?#].*)");

    private final HtmlBodyConverter converter = new HtmlBodyConverter();
    private final List<String> warnings = new ArrayList<>();

    LegacyPage read(String html) throws ImportFailure {
        Document doc = Jsoup.parse(html, "", Parser.htmlParser().setTrackPosition(true));
        // Never carry the old site's scripts or widgets into the archive.
        doc.select("script, style, noscript, iframe, object, embed, input, select, button, textarea, svg, template").remove();
        for (Element link : doc.select("a[href]")) {
            if (!SAFE_ADDRESS.matcher(link.attr("href").strip()).matches()) {
                link.unwrap();
            }
        }
        Element dateElement = null;
        PublicationDate date = null;
        String title = null;
        ImportFailure titleless = null;
        for (Element candidate : doc.body().getAllElements()) {
            if (!isDateElement(candidate)) {
                continue;
            }
            Optional<String> above = titleAbove(doc.body(), candidate);
            if (above.isEmpty()) {
                if (titleless == null) {
                    titleless = new ImportFailure(line(candidate),
                            "the date line '" + SavedPageText.clean(candidate.text()) + "' has no title above it");
                }
                continue;
            }
            Optional<PublicationDate> parsed = DateLines.parse(SavedPageText.clean(candidate.text()), line(candidate));
            if (parsed.isPresent()) {
                dateElement = candidate;
                date = parsed.get();
                title = above.get();
                break;
            }
        }
        if (dateElement == null) {
            if (titleless != null) {
                throw titleless;
            }
            throw new ImportFailure(0,
                    "no element whose text is a date line such as 'Thứ hai, 18/08/2014' under a title");
        }
        if (!date.weekdayMatches()) {
            warnings.add("line " + line(dateElement) + ": the weekday does not match " + date.day()
                    + " (a " + date.day().getDayOfWeek() + "); the date was kept");
        }
        Element author = authorElement(doc, dateElement);
        Element container = bodyContainer(doc, dateElement);
        List<Block> blocks = new ArrayList<>();
        if (container != null) {
            collect(container, author, blocks);
        }
        String authorName = author == null ? null
                : HtmlLandmarks.AUTHOR_PREFIX.matcher(SavedPageText.clean(author.text())).replaceFirst("");
        return new LegacyPage(title, date, authorName == null || authorName.isEmpty() ? null : authorName,
                category(doc), blocks, warnings);
    }

    /** Walks the article container; returns false once the article has ended. */
    private boolean collect(Element container, Element author, List<Block> blocks) {
        List<Node> inline = new ArrayList<>();
        int breaks = 0;
        for (Node node : container.childNodes()) {
            if (node instanceof Element br && br.normalName().equals("br")) {
                breaks++;
                inline.add(node);
            } else if (node instanceof TextNode text && text.isBlank()) {
                inline.add(node);
            } else if (node instanceof Element element && element.isBlock()) {
                breaks = 0;
                if (!flushInline(inline, blocks) || !block(element, line(element), author, blocks)) {
                    return false;
                }
            } else {
                // Old editors separated paragraphs with <br><br> instead of <p>.
                if (breaks >= 2 && !flushInline(inline, blocks)) {
                    return false;
                }
                breaks = 0;
                inline.add(node);
            }
        }
        return flushInline(inline, blocks);
    }

    /** Text and inline elements directly in a container, as the old editor left them, form one paragraph. */
    private boolean flushInline(List<Node> inline, List<Block> blocks) {
        while (!inline.isEmpty() && isBreakOrBlank(inline.get(inline.size() - 1))) {
            inline.remove(inline.size() - 1);
        }
        while (!inline.isEmpty() && isBreakOrBlank(inline.get(0))) {
            inline.remove(0);
        }
        if (inline.isEmpty()) {
            return true;
        }
        Element paragraph = new Element("p");
        int line = 0;
        for (Node node : inline) {
            if (line == 0 && node.sourceRange().isTracked()) {
                line = Math.max(node.sourceRange().start().lineNumber(), 0);
            }
            paragraph.appendChild(node.clone());
        }
        inline.clear();
        return block(paragraph, line, null, blocks);
    }

    private static boolean isBreakOrBlank(Node node) {
        return node instanceof TextNode text && text.isBlank()
                || node instanceof Element element && element.normalName().equals("br");
    }

    private boolean block(Element element, int line, Element author, List<Block> blocks) {
        if (author != null && (element == author || contains(element, author)
                && SavedPageText.clean(element.text()).equals(SavedPageText.clean(author.text())))) {
            return true;
        }
        String text = SavedPageText.clean(element.text());
        boolean paragraph = HtmlLandmarks.PARAGRAPHS.contains(element.normalName()) || element.normalName().equals("p");
        // A heading or list that opens with "Bài viết khác" is the other-articles box; a paragraph
        // must say exactly that to end the article.
        if (element.normalName().equals("p") ? PageChrome.endsArticle(text) : PageChrome.startsEndOfArticle(text)) {
            return false;
        }
        if (element.normalName().equals("table") && !element.select("img[src]").isEmpty()) {
            // A layout table framing a photo and its caption: read its cells as blocks.
            for (Element cell : element.select("td, th")) {
                if (cell.parent() != null && cell.parent().closest("table") == element
                        && !block(cell, line(cell), author, blocks)) {
                    return false;
                }
            }
            return true;
        }
        if (BLOCK_CONTAINERS.contains(element.normalName()) && hasBlockChild(element)
                && !element.normalName().equals("table")) {
            return collect(element, author, blocks);
        }
        for (Element img : element.select("img[src]")) {
            String src = img.attr("src").strip();
            if (!SAFE_ADDRESS.matcher(src).matches()) {
                warnings.add("line " + line(img) + ": image address '" + abbreviate(src)
                        + "' is neither a web address nor a path; only its caption was kept");
                src = "";
            }
            blocks.add(new Block.Picture(src, altText(img), line(img)));
        }
        if (text.isEmpty() || PageChrome.isNoise(text)) {
            return true;
        }
        Element copy = element.clone();
        copy.select("img").remove();
        String markdown = converter.convert(html(copy), paragraph);
        if (!markdown.isEmpty()) {
            blocks.add(new Block.Text(text, markdown, line, paragraph));
        }
        return true;
    }

    /** The element's HTML as written: pretty-printing would add line breaks the page did not have. */
    private static String html(Element element) {
        Document shell = Document.createShell("");
        shell.outputSettings().prettyPrint(false);
        shell.body().appendChild(element);
        return element.outerHtml();
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    /** Alt text worth keeping: not a file name the CMS filled in. */
    private static String altText(Element img) {
        String alt = SavedPageText.clean(img.attr("alt"));
        if (alt.isEmpty() || alt.toLowerCase(Locale.ROOT).matches(".*\\.(jpe?g|png|gif|bmp|webp)")) {
            return "";
        }
        return alt;
    }

}
