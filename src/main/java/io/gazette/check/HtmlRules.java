package io.gazette.check;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * The HTML conformance rules we check without a full validator: the ones that matter for this
 * site (readers, screen readers, search engines, imported legacy markup) and that a validator
 * would report as errors.
 */
final class HtmlRules {
    private static final Set<String> OBSOLETE_ELEMENTS = Set.of("acronym", "applet", "basefont", "bgsound", "big",
            "blink", "center", "dir", "font", "frame", "frameset", "isindex", "keygen", "listing", "marquee",
            "menuitem", "multicol", "nextid", "nobr", "noembed", "noframes", "plaintext", "spacer", "strike", "tt", "xmp");
    /** Presentational attributes from HTML 4 that imported articles carry; "*" = on every element. */
    private static final Map<String, Set<String>> OBSOLETE_ATTRIBUTES = Map.ofEntries(
            Map.entry("align", Set.of("*")),
            Map.entry("bgcolor", Set.of("*")),
            Map.entry("background", Set.of("body", "table", "td", "th", "tr")),
            Map.entry("valign", Set.of("*")),
            Map.entry("hspace", Set.of("img", "object", "iframe")),
            Map.entry("vspace", Set.of("img", "object", "iframe")),
            Map.entry("border", Set.of("img", "object", "iframe")),
            Map.entry("cellpadding", Set.of("table")),
            Map.entry("cellspacing", Set.of("table")),
            Map.entry("nowrap", Set.of("td", "th")),
            Map.entry("frameborder", Set.of("iframe")),
            Map.entry("scrolling", Set.of("iframe")),
            Map.entry("marginwidth", Set.of("iframe", "body")),
            Map.entry("marginheight", Set.of("iframe", "body")),
            Map.entry("clear", Set.of("br")),
            Map.entry("language", Set.of("script")),
            Map.entry("charset", Set.of("a", "link", "script")));
    private static final Set<String> DIMENSIONED = Set.of("img", "iframe", "video", "canvas", "embed", "object", "source", "input");
    private static final Pattern NON_NEGATIVE_INTEGER = Pattern.compile("[0-9]+");
    private static final Set<String> INTERACTIVE = Set.of("a", "button", "select", "textarea", "iframe", "details", "label", "embed");
    private static final Pattern UTF8 = Pattern.compile("utf-?8", Pattern.CASE_INSENSITIVE);
    private static final String CONTENT_HINT = "if it comes from an article, fix the raw HTML in its Markdown";

    private HtmlRules() {
    }

    /** Applies every rule; fills {@code ids} with the page's fragment targets. */
    static void check(Document document, SiteText text, FileReport report, Set<String> ids) {
        checkDoctype(document, report);
        checkHead(document, text, report);
        Map<String, Integer> firstUse = new HashMap<>();
        for (Element element : document.getAllElements()) {
            checkIds(element, report, firstUse);
            checkElement(element, report, firstUse);
        }
        ids.addAll(firstUse.keySet());
        checkReferencedIds(document, report, firstUse.keySet());
    }

    private static void checkDoctype(Document document, FileReport report) {
        DocumentType doctype = document.documentType();
        if (doctype == null) {
            report.error(1, "missing <!DOCTYPE html>", "without it browsers render the page in quirks mode");
        } else if (!doctype.publicId().isEmpty()) {
            report.warning(lineOfNode(doctype), "legacy doctype \"" + doctype.publicId() + "\"", "use <!DOCTYPE html>");
        }
    }

    private static int lineOfNode(org.jsoup.nodes.Node node) {
        return node.sourceRange().isTracked() ? node.sourceRange().start().lineNumber() : 1;
    }

    private static void checkHead(Document document, SiteText text, FileReport report) {
        Element html = document.selectFirst("html");
        if (html != null && html.attr("lang").isBlank()) {
            report.error(Math.max(1, HtmlPageChecker.lineOf(html)), "the <html> element has no lang attribute",
                    "screen readers need it to pronounce Vietnamese; the theme's layout should write lang=\"vi\"");
        }
        Elements titles = document.head().select("> title");
        if (titles.isEmpty()) {
            report.error(Math.max(1, HtmlPageChecker.lineOf(document.head())), "the page has no <title>",
                    "browsers, search engines and feed readers show the title; add one in the layout");
        } else {
            if (titles.first().text().isBlank()) {
                report.error(HtmlPageChecker.lineOf(titles.first()), "the page's <title> is empty", "give the page a title");
            }
            for (Element extra : titles.subList(1, titles.size())) {
                report.error(HtmlPageChecker.lineOf(extra), "more than one <title>", "keep a single <title> in <head>");
            }
        }
        checkCharset(document, text, report);
    }

    private static void checkCharset(Document document, SiteText text, FileReport report) {
        Element meta = document.selectFirst("meta[charset]");
        String charset = meta == null ? null : meta.attr("charset");
        if (meta == null) {
            meta = document.selectFirst("meta[http-equiv=content-type][content]");
            if (meta != null) {
                String content = meta.attr("content");
                int index = content.toLowerCase(Locale.ROOT).indexOf("charset=");
                charset = index < 0 ? "" : content.substring(index + "charset=".length()).strip();
            }
        }
        if (meta == null) {
            report.error(1, "the page does not declare its character encoding",
                    "add <meta charset=\"utf-8\"> at the top of <head>; without it a host that omits the charset shows Vietnamese as mojibake");
            return;
        }
        int line = HtmlPageChecker.lineOf(meta);
        if (!UTF8.matcher(charset).matches()) {
            report.error(line, "the page declares the encoding \"" + charset + "\", but it is written in UTF-8",
                    "use <meta charset=\"utf-8\">");
        } else if (meta.sourceRange().isTracked()) {
            int offset = meta.sourceRange().startPos();
            int bytes = text.text().substring(0, Math.min(offset, text.text().length())).getBytes(StandardCharsets.UTF_8).length;
            if (bytes > 1024) {
                report.error(line, "<meta charset> comes after the first 1024 bytes", "browsers only look that far; move it to the top of <head>");
            }
        }
    }

    private static void checkIds(Element element, FileReport report, Map<String, Integer> firstUse) {
        if (element.hasAttr("id")) {
            String id = element.attr("id");
            int line = HtmlPageChecker.lineOf(element, "id");
            if (id.isEmpty()) {
                report.error(line, "empty id on <" + element.normalName() + ">", "remove the id attribute or give it a value");
            } else if (id.chars().anyMatch(c -> UrlText.isAsciiWhitespace((char) c))) {
                report.error(line, "id \"" + id + "\" contains whitespace", "ids are single tokens; use - instead of spaces");
            } else {
                Integer first = firstUse.putIfAbsent(id, line);
                if (first != null) {
                    report.error(line, "duplicate id \"" + id + "\" (first used on line " + first + ")",
                            "ids must be unique in a page: links to #" + id + " and labels only find the first");
                }
            }
        }
        if (element.normalName().equals("a") && element.hasAttr("name")) {
            String name = element.attr("name");
            report.warning(HtmlPageChecker.lineOf(element, "name"), "<a name> is obsolete",
                    "put id=\"" + name + "\" on the element the anchor marks; " + CONTENT_HINT);
            if (!name.isEmpty()) {
                firstUse.putIfAbsent(name, HtmlPageChecker.lineOf(element, "name"));
            }
        }
    }

    private static void checkElement(Element element, FileReport report, Map<String, Integer> ids) {
        String tag = element.normalName();
        int line = HtmlPageChecker.lineOf(element);
        if (OBSOLETE_ELEMENTS.contains(tag)) {
            report.error(line, "obsolete element <" + tag + ">", "use CSS or a current element instead; " + CONTENT_HINT);
        }
        for (var attribute : element.attributes()) {
            Set<String> tags = OBSOLETE_ATTRIBUTES.get(attribute.getKey());
            if (tags != null && (tags.contains(tag) || tags.contains("*") && !tag.contains(":") && !isSvg(element))) {
                report.error(HtmlPageChecker.lineOf(element, attribute.getKey()),
                        "obsolete attribute " + attribute.getKey() + " on <" + tag + ">", "use CSS instead; " + CONTENT_HINT);
            }
        }
        if (tag.equals("img") && !element.hasAttr("alt")) {
            report.error(line, "<img> without alt", "describe the image in alt, or write alt=\"\" if it is decoration");
        }
        if (DIMENSIONED.contains(tag)) {
            for (String dimension : new String[] {"width", "height"}) {
                if (element.hasAttr(dimension) && !NON_NEGATIVE_INTEGER.matcher(element.attr(dimension).strip()).matches()) {
                    report.error(HtmlPageChecker.lineOf(element, dimension), dimension + "=\"" + element.attr(dimension)
                            + "\" on <" + tag + "> is not a whole number of pixels", "drop the unit (px, %) or size it with CSS; " + CONTENT_HINT);
                }
            }
        }
        if (INTERACTIVE.contains(tag) || tag.equals("input") && !element.attr("type").equalsIgnoreCase("hidden")) {
            for (Element parent = element.parent(); parent != null; parent = parent.parent()) {
                String container = parent.normalName();
                if (container.equals("a") || container.equals("button")) {
                    report.error(line, "<" + tag + "> inside <" + container + "> (line " + HtmlPageChecker.lineOf(parent) + ")",
                            "interactive elements cannot be nested: a click or a screen reader cannot tell which one is meant");
                    break;
                }
            }
        }
    }

    private static boolean isSvg(Element element) {
        for (Element e = element; e != null; e = e.parent()) {
            if (e.normalName().equals("svg") || e.normalName().equals("math")) {
                return true;
            }
        }
        return false;
    }

    /** {@code <label for>} and ARIA references must name an id of the page. */
    private static void checkReferencedIds(Document document, FileReport report, Set<String> ids) {
        for (Element label : document.select("label[for]")) {
            String id = label.attr("for");
            if (!ids.contains(id)) {
                report.error(HtmlPageChecker.lineOf(label, "for"), "<label for=\"" + id + "\"> names no element of the page",
                        "point it at the id of its input");
            }
        }
        for (String attribute : new String[] {"aria-labelledby", "aria-describedby", "aria-controls"}) {
            for (Element element : document.select("[" + attribute + "]")) {
                for (String id : element.attr(attribute).strip().split("\\s+")) {
                    if (!id.isEmpty() && !ids.contains(id)) {
                        report.error(HtmlPageChecker.lineOf(element, attribute), attribute + " names \"" + id + "\", no element of the page",
                                "fix the id reference");
                    }
                }
            }
        }
    }
}
