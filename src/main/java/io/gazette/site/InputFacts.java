package io.gazette.site;

import io.gazette.content.FrontMatter;
import io.gazette.text.Slugs;
import java.nio.file.Path;
import java.time.ZonedDateTime;

/**
 * What the site model derives from one article's input alone: its slug, its URL, and the parts of
 * its card and sitemap hashes no other article changes (everything but the names of its tags and
 * category, which the whole site settles). The build's content cache keeps them with the article
 * (see {@code build/ContentCache}), so that a {@code gazette build} finding the article unchanged
 * reads them back on the content stage's threads instead of making them again on the main thread:
 * slugging, the URL and the card hash were most of the site model of every incremental build.
 *
 * <p>Facts read back are used only with the very front matter they were read with (by identity)
 * and the permalink they were made for ({@link #fits}); anything else makes them afresh.
 */
public final class InputFacts {
    /** The front matter they were made from or read back with; null when made for no input yet. */
    private final FrontMatter madeFrom;
    private final String permalink;
    private final String slug;
    private final String url;
    private final long cardPrefix;
    private final long sitemapHash;

    private InputFacts(FrontMatter madeFrom, String permalink, String slug, String url, long cardPrefix,
            long sitemapHash) {
        this.madeFrom = madeFrom;
        this.permalink = permalink;
        this.slug = slug;
        this.url = url;
        this.cardPrefix = cardPrefix;
        this.sitemapHash = sitemapHash;
    }

    /**
     * The facts of an article.
     *
     * @param source      the file it came from, relative to the project, as the model names it
     * @param bodySummary the summary cut from its body (shown when the front matter gives none)
     * @param mediaHash   {@link io.gazette.media.ArticleMedia#hash()} of the files it publishes
     */
    public static InputFacts make(Path source, FrontMatter fm, String bodySummary, int wordCount, long mediaHash,
            SiteUrls urls) {
        String slug = fm.slug().isEmpty() ? Slugs.forTitle(fm.title()) : fm.slug();
        if (slug.isEmpty()) {
            slug = "bai-viet";
        }
        String url = urls.article(fm.date(), slug);
        ZonedDateTime lastmod = lastmod(fm);
        long cardPrefix = new Fingerprint().add(url).add(slug).add(fm.title()).add(fm.date())
                .add(lastmod).add(fm.author()).add(summary(fm, bodySummary)).add(fm.image()).add(mediaHash)
                .add(fm.caption()).add(fm.draft() ? 1 : 0).addPlainData(fm.params()).add(source.toString())
                .add(Math.max(1, (wordCount + 199) / 200)).value();
        long sitemapHash = new Fingerprint().add(url).add(lastmod).value();
        return new InputFacts(fm, urls.permalink(), slug, url, cardPrefix, sitemapHash);
    }

    /** Facts as the content cache kept them, for the front matter read back with them. */
    public static InputFacts kept(FrontMatter readWith, String permalink, String slug, String url, long cardPrefix,
            long sitemapHash) {
        return new InputFacts(readWith, permalink, slug, url, cardPrefix, sitemapHash);
    }

    /** Whether they are this front matter's (the same instance) under this permalink. */
    boolean fits(FrontMatter fm, SiteUrls urls) {
        return madeFrom == fm && permalink.equals(urls.permalink());
    }

    /** The summary shown for an article: its front matter's, else the one cut from its body. */
    static String summary(FrontMatter fm, String bodySummary) {
        return fm.summary().isEmpty() ? bodySummary : fm.summary();
    }

    static ZonedDateTime lastmod(FrontMatter fm) {
        return fm.lastmod() != null ? fm.lastmod() : fm.date();
    }

    public String permalink() {
        return permalink;
    }

    public String slug() {
        return slug;
    }

    public String url() {
        return url;
    }

    /**
     * The card hash's running state after everything of the article but its tags' and category's
     * names ({@link Fingerprint#resume} goes on from it).
     */
    public long cardPrefix() {
        return cardPrefix;
    }

    /** What the sitemap shows of the article (URL and lastmod), hashed. */
    public long sitemapHash() {
        return sitemapHash;
    }
}
