package io.gazette.check;

import io.gazette.check.Link.Usage;
import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;
import org.jsoup.parser.ParseError;
import org.jsoup.parser.Parser;

/**
 * Checks one HTML page: parses it with jsoup tracking source positions and parse errors, applies
 * {@link HtmlRules}, then checks every URL it references ({@code href}, {@code src}, {@code srcset},
 * {@code <link>}, {@code og:image}, inline CSS ...).
 */
final class HtmlPageChecker {
    /** Enough to see that a page is broken; a page with more is best fixed from the top. */
    private static final int MAX_PARSE_ERRORS = 50;
    static final String ERROR_PAGE = "404.html";

    private final CheckContext context;
    private final LinkChecker links;
    private final CssChecker css;

    HtmlPageChecker(CheckContext context, LinkChecker links) {
        this.context = context;
        this.links = links;
        this.css = new CssChecker(links);
    }

    /** The ids of the page (for #fragment links from other pages) and its problems. */
    record Result(Set<String> ids, FileReport report) {
    }

    Result check(String sitePath, byte[] bytes) {
        FileReport report = new FileReport(sitePath);
        SiteText text = SiteText.decode(bytes, report);
        Parser parser = Parser.htmlParser().setTrackErrors(MAX_PARSE_ERRORS).setTrackPosition(true);
        Document document = Jsoup.parse(text.text(), "", parser);
        for (ParseError error : parser.getErrors()) {
            ParseErrors.Described described = ParseErrors.describe(error.getErrorMessage());
            report.error(ParseErrors.line(error), described.message(), described.hint());
        }
        Set<String> ids = new HashSet<>();
        HtmlRules.check(document, text, report, ids);
        Source source = new Source(report, documentUrl(sitePath, document), ids, sitePath.equals(ERROR_PAGE));
        for (Element element : document.getAllElements()) {
            checkLinks(source, element);
        }
        return new Result(ids, report);
    }

    /** Pretty URLs: {@code a/b/index.html} is served as {@code a/b/}; a {@code <base href>} wins. */
    private URI documentUrl(String sitePath, Document document) {
        String pretty = sitePath.equals("index.html") ? ""
                : sitePath.endsWith("/index.html") ? sitePath.substring(0, sitePath.length() - "index.html".length())
                : sitePath;
        URI url = context.base.urlOf(pretty);
        Element base = document.head().selectFirst("base[href]");
        if (base != null) {
            UrlText.Parsed parsed = UrlText.parse(base.attr("href"));
            if (parsed.uri() != null) {
                url = url.resolve(parsed.uri());
            }
        }
        return url;
    }

    private void checkLinks(Source source, Element element) {
        switch (element.normalName()) {
            case "a", "area" -> attribute(source, element, "href", Usage.NAVIGATION, "link");
            case "link" -> checkLinkElement(source, element);
            case "img" -> {
                attribute(source, element, "src", Usage.RESOURCE, "image");
                srcset(source, element, "srcset");
            }
            case "source" -> {
                attribute(source, element, "src", Usage.RESOURCE, "media source");
                srcset(source, element, "srcset");
            }
            case "script" -> attribute(source, element, "src", Usage.RESOURCE, "script");
            case "iframe" -> attribute(source, element, "src", Usage.RESOURCE, "frame");
            case "video" -> {
                attribute(source, element, "src", Usage.RESOURCE, "video");
                attribute(source, element, "poster", Usage.RESOURCE, "video poster");
            }
            case "audio" -> attribute(source, element, "src", Usage.RESOURCE, "audio");
            case "track" -> attribute(source, element, "src", Usage.RESOURCE, "text track");
            case "embed" -> attribute(source, element, "src", Usage.RESOURCE, "embed");
            case "object" -> attribute(source, element, "data", Usage.RESOURCE, "object");
            case "input" -> {
                if (element.attr("type").equalsIgnoreCase("image")) {
                    attribute(source, element, "src", Usage.RESOURCE, "image button");
                }
            }
            case "form" -> attribute(source, element, "action", Usage.NAVIGATION, "form action");
            case "use", "image" -> {
                attribute(source, element, "href", Usage.RESOURCE, "SVG reference");
                attribute(source, element, "xlink:href", Usage.RESOURCE, "SVG reference");
            }
            case "meta" -> checkMeta(source, element);
            case "style" -> css.check(source, element.data(), lineOf(element));
            default -> {
            }
        }
        if (element.hasAttr("style")) {
            css.check(source, element.attr("style"), lineOf(element, "style"));
        }
    }

    private void checkLinkElement(Source source, Element element) {
        Set<String> rel = relTokens(element);
        if (rel.contains("preconnect") || rel.contains("dns-prefetch")) {
            return; // an origin to warm up, not a document
        }
        String what = rel.contains("stylesheet") ? "stylesheet"
                : rel.contains("icon") || rel.contains("apple-touch-icon") ? "icon"
                : rel.contains("canonical") ? "canonical link"
                : rel.contains("alternate") ? "alternate link"
                : rel.contains("manifest") ? "web app manifest"
                : "<link>";
        Usage usage = rel.contains("canonical") || rel.contains("alternate") || rel.contains("next")
                || rel.contains("prev") ? Usage.NAVIGATION : Usage.RESOURCE;
        attribute(source, element, "href", usage, what);
        srcset(source, element, "imagesrcset");
    }

    /** Open Graph and Twitter cards, and refresh redirects (old URLs kept alive after an import). */
    private void checkMeta(Source source, Element element) {
        String property = (element.hasAttr("property") ? element.attr("property") : element.attr("name")).toLowerCase(Locale.ROOT);
        if (property.equals("og:image") || property.equals("og:image:url") || property.equals("og:image:secure_url")
                || property.equals("og:url") || property.equals("og:audio") || property.equals("og:video")
                || property.equals("twitter:image")) {
            attribute(source, element, "content", Usage.ABSOLUTE, property);
        }
        if (element.attr("http-equiv").equalsIgnoreCase("refresh")) {
            String content = element.attr("content");
            int url = content.toLowerCase(Locale.ROOT).indexOf("url=");
            if (url >= 0) {
                String target = content.substring(url + 4).strip().replaceAll("^['\"]|['\"]$", "");
                links.check(source, new Link(target, lineOf(element, "content"), Usage.NAVIGATION, "refresh redirect"));
            }
        }
    }

    private void attribute(Source source, Element element, String name, Usage usage, String what) {
        if (element.hasAttr(name)) {
            links.check(source, new Link(element.attr(name), lineOf(element, name), usage, what));
        }
    }

    private void srcset(Source source, Element element, String name) {
        if (!element.hasAttr(name)) {
            return;
        }
        int line = lineOf(element, name);
        boolean widths = false;
        boolean densities = false;
        for (Srcset.Candidate candidate : Srcset.parse(element.attr(name))) {
            links.check(source, new Link(candidate.url(), line, Usage.RESOURCE, "srcset candidate"));
            if (!candidate.isValid()) {
                source.report().error(line, "invalid srcset descriptor \"" + candidate.descriptor() + "\" for " + candidate.url(),
                        "use a width such as 640w or a density such as 2x");
            } else if (candidate.isWidth()) {
                widths = true;
            } else {
                densities = true;
            }
        }
        if (widths && densities) {
            source.report().error(line, name + " mixes width (w) and density (x) descriptors", "use widths with a sizes attribute");
        }
        if (widths && !element.hasAttr(name.equals("imagesrcset") ? "imagesizes" : "sizes")) {
            source.report().error(line, name + " with width descriptors needs a sizes attribute",
                    "add sizes, e.g. sizes=\"(max-width: 720px) 100vw, 720px\"");
        }
    }

    private static Set<String> relTokens(Element element) {
        Set<String> tokens = new HashSet<>();
        for (String token : element.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    /** Line of the attribute when jsoup tracked it, else of the element's start tag; 0 if unknown. */
    static int lineOf(Element element, String attribute) {
        Range.AttributeRange range = element.attributes().sourceRange(attribute);
        if (range.isTracked()) {
            return range.nameRange().start().lineNumber();
        }
        return lineOf(element);
    }

    static int lineOf(Element element) {
        Range range = element.sourceRange();
        return range.isTracked() && !range.isImplicit() ? range.start().lineNumber() : 0;
    }
}
