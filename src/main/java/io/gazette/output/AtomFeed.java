package io.gazette.output;

import io.gazette.render.ArticleMetadata;
import io.gazette.render.DateFormats;
import io.gazette.site.Article;
import io.gazette.site.SiteUrls;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Atom 1.0 feeds. {@code updated} comes from the articles themselves, never from the clock, so
 * that building the same content twice gives the same bytes. Entry content carries
 * {@code xml:base} so that root-relative links inside the HTML resolve for feed readers.
 */
public final class AtomFeed {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    /** The {@code updated} of a feed without entries. */
    private static final ZonedDateTime NO_ENTRIES = ZonedDateTime.parse("2000-01-01T00:00:00Z");

    private AtomFeed() {
    }

    /**
     * @param feedUrl site-relative URL of the feed itself
     * @param pageUrl site-relative URL of the HTML page it mirrors
     * @param fullContent whether entries carry the article body or only its summary
     */
    public static byte[] write(String title, String feedUrl, String pageUrl, String language, List<Article> articles,
            SiteUrls urls, boolean fullContent) {
        return write(title, feedUrl, pageUrl, language, articles, urls, fullContent, null);
    }

    /** {@link #write}, taking entries other feeds of the generation wrote from {@code entries} (null: none). */
    public static byte[] write(String title, String feedUrl, String pageUrl, String language, List<Article> articles,
            SiteUrls urls, boolean fullContent, FeedEntries entries) {
        XmlWriter xml = new XmlWriter(64 * 1024);
        xml.root("feed", ATOM).attribute("xml:lang", language);
        xml.line(1).element("title", title);
        xml.line(1).element("id", urls.absolute(feedUrl));
        xml.line(1).empty("link").attribute("rel", "self").attribute("type", "application/atom+xml")
                .attribute("href", urls.absolute(feedUrl));
        xml.line(1).empty("link").attribute("rel", "alternate").attribute("type", "text/html")
                .attribute("href", urls.absolute(pageUrl));
        ZonedDateTime updated = null;
        for (Article article : articles) {
            if (updated == null || article.lastmod().compareTo(updated) > 0) {
                updated = article.lastmod();
            }
        }
        xml.line(1).element("updated", DateFormats.iso(updated == null ? NO_ENTRIES : updated));
        xml.line(1).element("generator", "Gazette");
        for (Article article : articles) {
            char[] written = entries == null ? null : entries.take(article);
            if (written != null) {
                xml.raw(written);
            } else if (entries != null && entries.wanted(article)) {
                int mark = xml.mark();
                entry(xml, article, urls, fullContent);
                entries.keep(article, xml.since(mark));
            } else {
                entry(xml, article, urls, fullContent);
            }
        }
        return xml.line(0).end().finish();
    }

    private static void entry(XmlWriter xml, Article article, SiteUrls urls, boolean fullContent) {
        String link = urls.absolute(article.url());
        xml.line(1).start("entry");
        xml.line(2).element("title", article.title());
        xml.line(2).empty("link").attribute("rel", "alternate").attribute("type", "text/html").attribute("href", link);
        xml.line(2).element("id", link);
        xml.line(2).element("published", DateFormats.iso(article.date()));
        xml.line(2).element("updated", DateFormats.iso(article.lastmod()));
        if (!article.author().isEmpty()) {
            xml.line(2).start("author").element("name", article.author()).end();
        }
        for (var tag : article.tags()) {
            xml.line(2).empty("category").attribute("term", tag.slug()).attribute("label", tag.name());
        }
        String image = ArticleMetadata.imageUrl(article.image(), urls);
        if (!image.isEmpty()) {
            // The lead photo, as feed readers (Feedly, Inoreader, NetNewsWire) take a card's picture.
            xml.line(2).empty("link").attribute("rel", "enclosure");
            String type = imageType(image);
            if (!type.isEmpty()) {
                xml.attribute("type", type);
            }
            xml.attribute("href", image);
        }
        xml.line(2).element("summary", article.summary());
        if (fullContent) {
            // An article publishing files of its folder links them relative to its page: absolute here.
            String html = article.media().isEmpty() ? article.html() : RelativeUrls.absolute(article.html(), link);
            xml.line(2).start("content").attribute("type", "html").attribute("xml:base", urls.baseUrl())
                    .text(html).end();
        }
        xml.line(1).end();
    }

    /** The media type of an image by its extension, or empty when it says none we know. */
    static String imageType(String url) {
        String path = url.toLowerCase(java.util.Locale.ROOT).replaceFirst("[?#].*$", "");
        String extension = path.substring(path.lastIndexOf('.') + 1);
        return switch (extension) {
            case "jpg", "jpeg" -> "image/jpeg";
            case "png" -> "image/png";
            case "gif" -> "image/gif";
            case "webp" -> "image/webp";
            case "avif" -> "image/avif";
            case "svg" -> "image/svg+xml";
            default -> "";
        };
    }
}
