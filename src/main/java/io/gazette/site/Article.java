package io.gazette.site;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * One published article, ready for templates.
 *
 * @param source      the file it came from, relative to the project
 * @param url         site-relative URL without leading slash, e.g. {@code 2014/08/hoi-nghi/}
 * @param lastmod     {@code date} when the front matter has no {@code lastmod}
 * @param category    null when the article has none
 * @param givenSummary the front matter's summary, empty when it gives none: then {@link #summary()}
 *                    is the one cut from the start of the text, which the body holds (asked for
 *                    only where the article is shown: kept on disk by the build's content cache,
 *                    it is not decoded for every article of every build)
 * @param body        the rendered body, kept on disk during a build: read {@link #html()} and
 *                    {@link #plainText()} when needed, one article at a time, and do not keep them
 * @param contentHash hash of the source file's text, to tell which pages an edit touches
 * @param cardHash    hash of everything but the body itself (front matter, URL, summary, reading
 *                    time, tag and category names): what lists, feeds and links to the article
 *                    show, so that an edit to the body alone re-renders only the pages showing it
 * @param sitemapHash hash of what the sitemap shows of it (URL and lastmod), so that an edit to its
 *                    title or text does not make the sitemap of a large archive again
 * @param media       photos, documents and videos published into the article's folder
 */
public record Article(
        Path source,
        String title,
        String slug,
        String url,
        ZonedDateTime date,
        ZonedDateTime lastmod,
        String author,
        List<Term> tags,
        Term category,
        String givenSummary,
        String image,
        String caption,
        List<String> aliases,
        boolean draft,
        ArticleBody body,
        int wordCount,
        Map<String, Object> params,
        long contentHash,
        long cardHash,
        long sitemapHash,
        io.gazette.media.ArticleMedia media) {

    /** The summary shown for the article: the front matter's, else the one cut from the start of its text. */
    public String summary() {
        return givenSummary.isEmpty() ? body.summary() : givenSummary;
    }

    /** The rendered body, for the article page and feeds (read from the body store each time). */
    public String html() {
        return body.html();
    }

    /** The body without markup, for search (read from the body store each time). */
    public String plainText() {
        return body.plainText();
    }

    /** Minutes a reader needs, at 200 words a minute, never less than one. */
    public int readingMinutes() {
        return Math.max(1, (wordCount + 199) / 200);
    }

    public boolean hasCategory() {
        return category != null;
    }
}
