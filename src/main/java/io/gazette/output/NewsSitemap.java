package io.gazette.output;

import io.gazette.render.DateFormats;
import io.gazette.site.Article;
import io.gazette.site.SiteUrls;
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
    private static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";

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
        XmlWriter xml = new XmlWriter(articles.size() * 400 + 200);
        xml.root("urlset", SITEMAP).namespace("news", NEWS);
        for (Article article : articles) {
            xml.line(1).start("url");
            xml.line(2).element("loc", urls.absolute(article.url()));
            xml.line(2).start("news:news");
            xml.line(3).start("news:publication").element("news:name", publication).element("news:language", language)
                    .end();
            xml.line(3).element("news:publication_date", DateFormats.iso(article.date()));
            xml.line(3).element("news:title", article.title());
            xml.line(2).end();
            xml.line(1).end();
        }
        return xml.line(0).end().finish();
    }
}
