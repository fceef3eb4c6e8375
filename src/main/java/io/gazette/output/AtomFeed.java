package io.gazette.output;

import io.gazette.render.DateFormats;
import io.gazette.site.Article;
import io.gazette.site.SiteUrls;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;

/**
 * Atom 1.0 feeds. {@code updated} comes from the articles themselves, never from the clock, so
 * that building the same content twice gives the same bytes. Entry content carries
 * {@code xml:base} so that root-relative links inside the HTML resolve for feed readers.
 */
public final class AtomFeed {
    private AtomFeed() {
    }

    /**
     * @param feedUrl site-relative URL of the feed itself
     * @param pageUrl site-relative URL of the HTML page it mirrors
     * @param fullContent whether entries carry the article body or only its summary
     */
    public static byte[] write(String title, String feedUrl, String pageUrl, String language, List<Article> articles,
            SiteUrls urls, boolean fullContent) {
        StringBuilder xml = new StringBuilder(64 * 1024);
        xml.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        xml.append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"").append(Xml.escape(language)).append("\">\n");
        xml.append("  <title>").append(Xml.escape(title)).append("</title>\n");
        xml.append("  <id>").append(Xml.escape(urls.absolute(feedUrl))).append("</id>\n");
        xml.append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"").append(Xml.escape(urls.absolute(feedUrl)))
                .append("\"/>\n");
        xml.append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(Xml.escape(urls.absolute(pageUrl)))
                .append("\"/>\n");
        ZonedDateTime updated = articles.stream().map(Article::lastmod).max(Comparator.naturalOrder())
                .orElse(ZonedDateTime.parse("2000-01-01T00:00:00Z"));
        xml.append("  <updated>").append(DateFormats.iso(updated)).append("</updated>\n");
        xml.append("  <generator>Gazette</generator>\n");
        for (Article article : articles) {
            entry(xml, article, urls, fullContent);
        }
        xml.append("</feed>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void entry(StringBuilder xml, Article article, SiteUrls urls, boolean fullContent) {
        String link = urls.absolute(article.url());
        xml.append("  <entry>\n");
        xml.append("    <title>").append(Xml.escape(article.title())).append("</title>\n");
        xml.append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(Xml.escape(link)).append("\"/>\n");
        xml.append("    <id>").append(Xml.escape(link)).append("</id>\n");
        xml.append("    <published>").append(DateFormats.iso(article.date())).append("</published>\n");
        xml.append("    <updated>").append(DateFormats.iso(article.lastmod())).append("</updated>\n");
        if (!article.author().isEmpty()) {
            xml.append("    <author><name>").append(Xml.escape(article.author())).append("</name></author>\n");
        }
        for (var tag : article.tags()) {
            xml.append("    <category term=\"").append(Xml.escape(tag.slug())).append("\" label=\"")
                    .append(Xml.escape(tag.name())).append("\"/>\n");
        }
        xml.append("    <summary>").append(Xml.escape(article.summary())).append("</summary>\n");
        if (fullContent) {
            // An article publishing files of its folder links them relative to its page: absolute here.
            String html = article.media().isEmpty() ? article.html() : RelativeUrls.absolute(article.html(), link);
            xml.append("    <content type=\"html\" xml:base=\"").append(Xml.escape(urls.baseUrl())).append("\">")
                    .append(Xml.escape(html)).append("</content>\n");
        }
        xml.append("  </entry>\n");
    }
}
