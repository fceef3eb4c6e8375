package io.gazette.output;

import io.gazette.render.DateFormats;
import io.gazette.site.Article;
import io.gazette.site.SiteUrls;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sitemap-news.xml}, the Google News sitemap: the articles published in the two days
 * before the build's time ("as of"), newest first, at most 1,000, each with its publication,
 * language, date and title. Google reads only those two days; older articles are in the ordinary
 * sitemap. The file is written even when no article is that recent, so that the address given to
 * Search Console and robots.txt always answers.
 */
public final class NewsSitemap {
    public static final String FILE = "sitemap-news.xml";
    /** How far back Google News looks. */
    public static final Duration WINDOW = Duration.ofDays(2);
    /** The most URLs Google News reads from one news sitemap. */
    public static final int MAX_URLS = 1000;
    static final String NEWS = "http://www.google.com/schemas/sitemap-news/0.9";

    private NewsSitemap() {
    }

    /** The articles, of {@code newestFirst}, that the news sitemap lists at {@code now}. */
    public static List<Article> recent(List<Article> newestFirst, Instant now) {
        Instant from = now.minus(WINDOW);
        List<Article> recent = new ArrayList<>();
        for (Article article : newestFirst) {
            Instant published = article.date().toInstant();
            if (!published.isAfter(from) || recent.size() == MAX_URLS) {
                break;
            }
            if (!published.isAfter(now)) {
                // articles built with --future are not news yet
                recent.add(article);
            }
        }
        return recent;
    }

    /**
     * @param publication the publication's name as Google News knows it (the site title)
     * @param language    ISO 639 code of the articles' language
     */
    public static byte[] write(List<Article> articles, String publication, String language, SiteUrls urls) {
        StringBuilder xml = new StringBuilder(articles.size() * 400 + 200);
        xml.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        xml.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:news=\"").append(NEWS)
                .append("\">\n");
        for (Article article : articles) {
            xml.append("  <url>\n");
            xml.append("    <loc>").append(Xml.escape(urls.absolute(article.url()))).append("</loc>\n");
            xml.append("    <news:news>\n");
            xml.append("      <news:publication><news:name>").append(Xml.escape(publication))
                    .append("</news:name><news:language>").append(Xml.escape(language))
                    .append("</news:language></news:publication>\n");
            xml.append("      <news:publication_date>").append(DateFormats.iso(article.date()))
                    .append("</news:publication_date>\n");
            xml.append("      <news:title>").append(Xml.escape(article.title())).append("</news:title>\n");
            xml.append("    </news:news>\n");
            xml.append("  </url>\n");
        }
        xml.append("</urlset>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }
}
