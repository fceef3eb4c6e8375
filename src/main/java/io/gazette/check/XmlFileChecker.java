package io.gazette.check;

import io.gazette.check.Link.Usage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Checks an XML file of the site: well-formed, and for Atom and RSS feeds and sitemaps, that every
 * URL is absolute and (when ours) names a file of the site, that dates are in the format readers
 * parse ({@link XmlDates}), and that the elements readers require are there.
 *
 * <p>One job although it is long: one streaming pass over the file, whose handler knows, per kind
 * of file, which elements and attributes hold URLs and dates; the kinds share the open-element
 * stack, the text being read and the link checks, so splitting them apart would only pass that
 * state between classes.
 */
final class XmlFileChecker {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final int SITEMAP_MAX_URLS = 50_000;
    private static final Pattern PSEUDO_HREF = Pattern.compile("href\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");

    private final CheckContext context;
    private final LinkChecker links;
    private final SAXParserFactory factory;

    XmlFileChecker(CheckContext context, LinkChecker links) {
        this.context = context;
        this.links = links;
        this.factory = secureFactory();
    }

    /** What kind of XML file it turned out to be, for the summary. */
    enum Kind { ATOM, RSS, SITEMAP, SITEMAP_INDEX, OTHER }

    record Result(Kind kind, FileReport report) {
    }

    Result check(String sitePath, byte[] bytes) {
        FileReport report = new FileReport(sitePath);
        Source source = new Source(report, context.base.urlOf(sitePath), Set.of(), false);
        Handler handler = new Handler(source);
        try {
            SAXParser parser = factory.newSAXParser();
            parser.parse(new InputSource(new ByteArrayInputStream(bytes)), handler);
        } catch (SAXParseException e) {
            String hint = e.getMessage() != null && e.getMessage().contains("entity")
                    ? "escape a literal & as &amp; (and < as &lt;); feed readers and search engines reject the whole file"
                    : "feed readers and search engines reject the whole file";
            report.error(Math.max(e.getLineNumber(), 0), "malformed XML: " + e.getMessage(), hint);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            report.error(0, "cannot read XML: " + e.getMessage(), null);
        }
        return new Result(handler.kind, report);
    }

    private static SAXParserFactory secureFactory() {
        // Our own output, but still: no DOCTYPE, so no entity expansion and no external fetches.
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the XML parser cannot be configured securely", e);
        }
        return factory;
    }

    /** One open element: its name, line, the names of its children so far, and whether it has xml:base. */
    private record Open(String name, int line, Set<String> children, boolean xmlBase) {
    }

    private final class Handler extends DefaultHandler {
        private final Source source;
        private final Deque<Open> open = new ArrayDeque<>();
        private Locator locator;
        private Kind kind = Kind.OTHER;
        private StringBuilder text;
        private String htmlType;
        private boolean guidIsPermaLink;
        private int sitemapUrls;

        Handler(Source source) {
            this.source = source;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        private int line() {
            return locator == null ? 0 : locator.getLineNumber();
        }

        @Override
        public void processingInstruction(String target, String data) {
            if (target.equals("xml-stylesheet")) {
                Matcher href = PSEUDO_HREF.matcher(data);
                if (href.find()) {
                    String url = href.group(1) != null ? href.group(1) : href.group(2);
                    links.check(source, new Link(url, line(), Usage.RESOURCE, "XML stylesheet"));
                }
            }
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            int line = line();
            if (open.isEmpty()) {
                kind = rootKind(uri, localName);
            } else {
                open.peek().children().add(localName);
            }
            boolean xmlBase = attributes.getValue(XMLConstants.XML_NS_URI, "base") != null
                    || !open.isEmpty() && open.peek().xmlBase();
            open.push(new Open(localName, line, new HashSet<>(), xmlBase));
            text = null;
            switch (kind) {
                case ATOM -> startAtom(uri, localName, attributes, line);
                case RSS -> startRss(uri, localName, attributes, line);
                case SITEMAP, SITEMAP_INDEX -> startSitemap(uri, localName, attributes, line);
                default -> {
                }
            }
        }

        private void startAtom(String uri, String name, Attributes attributes, int line) {
            if (!ATOM.equals(uri)) {
                return;
            }
            switch (name) {
                case "link" -> attribute(attributes, "href", line, "feed <link href>");
                case "content" -> {
                    attribute(attributes, "src", line, "feed <content src>");
                    htmlType = attributes.getValue("type");
                    text = new StringBuilder();
                }
                case "summary" -> {
                    htmlType = attributes.getValue("type");
                    text = new StringBuilder();
                }
                case "icon", "logo", "uri", "updated", "published" -> text = new StringBuilder();
                default -> {
                }
            }
        }

        private void startRss(String uri, String name, Attributes attributes, int line) {
            if (ATOM.equals(uri) && name.equals("link")) {
                attribute(attributes, "href", line, "feed <atom:link href>");
                return;
            }
            switch (name) {
                case "enclosure" -> attribute(attributes, "url", line, "feed <enclosure url>");
                case "source" -> attribute(attributes, "url", line, "feed <source url>");
                case "guid" -> {
                    guidIsPermaLink = !"false".equalsIgnoreCase(attributes.getValue("isPermaLink"));
                    text = new StringBuilder();
                }
                case "link", "url", "comments", "pubDate", "lastBuildDate" -> text = new StringBuilder();
                case "description", "encoded" -> {
                    htmlType = "html";
                    text = new StringBuilder();
                }
                default -> {
                }
            }
        }

        private void startSitemap(String uri, String name, Attributes attributes, int line) {
            if (name.equals("link") && attributes.getValue("href") != null) {
                attribute(attributes, "href", line, "sitemap alternate link");
            } else if (name.equals("loc") || name.equals("lastmod")) {
                text = new StringBuilder();
            }
            if (name.equals("url") && SITEMAP.equals(uri) && ++sitemapUrls == SITEMAP_MAX_URLS + 1) {
                source.report().error(line, "sitemap has more than " + SITEMAP_MAX_URLS + " URLs",
                        "search engines read only the first " + SITEMAP_MAX_URLS + "; split it with a sitemap index");
            }
        }

        private void attribute(Attributes attributes, String name, int line, String what) {
            String value = attributes.getValue(name);
            if (value != null) {
                links.check(source, new Link(value, line, Usage.ABSOLUTE, what));
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (text != null) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            Open element = open.pop();
            String value = text == null ? null : text.toString().strip();
            text = null;
            if (value != null) {
                switch (kind) {
                    case ATOM -> endAtom(element, value);
                    case RSS -> endRss(element, value);
                    case SITEMAP, SITEMAP_INDEX -> endSitemap(element, value);
                    default -> {
                    }
                }
            }
            if (kind == Kind.ATOM && ATOM.equals(uri)) {
                requireChildren(element, localName.equals("feed") || localName.equals("entry") ? Set.of("id", "title", "updated") : Set.of());
            } else if (kind == Kind.RSS && localName.equals("channel")) {
                requireChildren(element, Set.of("title", "link", "description"));
            }
        }

        private void endAtom(Open element, String value) {
            switch (element.name()) {
                case "icon", "logo", "uri" -> links.check(source, new Link(value, element.line(), Usage.ABSOLUTE, "feed <" + element.name() + ">"));
                case "updated", "published" -> checkDate(element, value, "RFC 3339, e.g. 2014-08-18T09:30:00+07:00", XmlDates::rfc3339);
                case "content", "summary" -> {
                    if ("html".equalsIgnoreCase(htmlType)) {
                        checkEmbeddedHtml(element, value);
                    }
                }
                default -> {
                }
            }
        }

        private void endRss(Open element, String value) {
            switch (element.name()) {
                case "link", "url", "comments" -> links.check(source, new Link(value, element.line(), Usage.ABSOLUTE, "feed <" + element.name() + ">"));
                case "guid" -> {
                    if (guidIsPermaLink) {
                        links.check(source, new Link(value, element.line(), Usage.ABSOLUTE, "feed <guid>"));
                    }
                }
                case "pubDate", "lastBuildDate" -> checkDate(element, value, "RFC 822, e.g. Mon, 18 Aug 2014 09:30:00 +0700", XmlDates::rfc822);
                case "description", "encoded" -> checkEmbeddedHtml(element, value);
                default -> {
                }
            }
        }

        private void endSitemap(Open element, String value) {
            if (element.name().equals("loc")) {
                links.check(source, new Link(value, element.line(), Usage.SITEMAP, "sitemap <loc>"));
            } else if (element.name().equals("lastmod")) {
                checkDate(element, value, "W3C datetime, e.g. 2014-08-18 or 2014-08-18T09:30:00+07:00", XmlDates::w3cDatetime);
            }
        }

        /** Feed entries carry the article as escaped HTML; its links must work outside the site. */
        private void checkEmbeddedHtml(Open element, String html) {
            Usage usage = element.xmlBase() ? Usage.RESOURCE : Usage.FEED_CONTENT;
            for (Element linking : Jsoup.parseBodyFragment(html).select("[href], [src], [srcset]")) {
                for (String attribute : new String[] {"href", "src"}) {
                    if (linking.hasAttr(attribute)) {
                        links.check(source, new Link(linking.attr(attribute), element.line(), usage, "link in feed content"));
                    }
                }
                if (linking.hasAttr("srcset")) {
                    for (Srcset.Candidate candidate : Srcset.parse(linking.attr("srcset"))) {
                        links.check(source, new Link(candidate.url(), element.line(), usage, "srcset in feed content"));
                    }
                }
            }
        }

        private void checkDate(Open element, String value, String format, Predicate<String> parses) {
            if (!parses.test(value)) {
                source.report().error(element.line(), "<" + element.name() + "> \"" + value + "\" is not a valid date", "write it as " + format);
            }
        }

        private void requireChildren(Open element, Set<String> required) {
            for (String child : required.stream().sorted().toList()) {
                if (!element.children().contains(child)) {
                    source.report().error(element.line(), "<" + element.name() + "> has no <" + child + ">",
                            "feed readers need it to show and de-duplicate entries");
                }
            }
        }
    }

    private static Kind rootKind(String namespace, String name) {
        if (ATOM.equals(namespace) && name.equals("feed")) {
            return Kind.ATOM;
        }
        if (name.equals("rss")) {
            return Kind.RSS;
        }
        if (name.equals("urlset")) {
            return Kind.SITEMAP;
        }
        if (name.equals("sitemapindex")) {
            return Kind.SITEMAP_INDEX;
        }
        return Kind.OTHER;
    }
}
