package io.gazette.site;

import io.gazette.content.FrontMatter;
import io.gazette.content.UrlPaths;
import io.gazette.text.Slugs;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one input means for the site, worked out once per input and kept while the same input
 * comes back: its slug and URL, the slugs of its tags and category, its summary, the output files
 * it claims, and its dates as numbers; then, changing from call to call, where it stands in the
 * site (its article while published, its rank in the newest-first order, why it was left out).
 */
final class ArticleFacts extends SinceLastBuild.Kept {
    final ArticleInput input;
    final String slug;
    final String url;
    final List<String> tagSlugs;
    final String categorySlug;
    final String summary;
    /** Output files it claims: its own page, then its aliases'. */
    final List<String> claims;
    final boolean draft;
    final long dateSecond;
    final int dateNano;
    /** When it expires; {@link Long#MAX_VALUE} when it never does. */
    final long expirySecond;
    final int expiryNano;

    /** Its article while it is published (its names counted, its claims made); else null. */
    Article article;
    boolean published;
    /** Its index in the last call's newest-first order, or -1. */
    int rank = -1;
    /** Why the last call left it out, or null when it was published. */
    LeftOut.Reason leftOut;

    private ArticleFacts(ArticleInput input, String slug, String url, List<String> tagSlugs, String categorySlug,
            String summary, List<String> claims) {
        this.input = input;
        this.slug = slug;
        this.url = url;
        this.tagSlugs = tagSlugs;
        this.categorySlug = categorySlug;
        this.summary = summary;
        this.claims = claims;
        FrontMatter fm = input.source().frontMatter();
        this.draft = fm.draft();
        this.dateSecond = fm.date().toEpochSecond();
        this.dateNano = fm.date().getNano();
        this.expirySecond = fm.expiryDate() == null ? Long.MAX_VALUE : fm.expiryDate().toEpochSecond();
        this.expiryNano = fm.expiryDate() == null ? 0 : fm.expiryDate().getNano();
    }

    /** @param termSlugs the slugs of tag and category names made so far, by name: read and added to */
    static ArticleFacts of(ArticleInput input, SiteUrls urls, Map<String, String> termSlugs) {
        FrontMatter fm = input.source().frontMatter();
        String slug = fm.slug().isEmpty() ? Slugs.forTitle(fm.title()) : fm.slug();
        if (slug.isEmpty()) {
            slug = "bai-viet";
        }
        String url = urls.article(fm.date(), slug);
        List<String> tagSlugs = fm.tags().isEmpty() ? List.of()
                : fm.tags().stream().map(tag -> termSlugs.computeIfAbsent(tag, Slugs::slugify)).toList();
        String categorySlug = fm.category().isEmpty() ? null : termSlugs.computeIfAbsent(fm.category(), Slugs::slugify);
        String summary = fm.summary().isEmpty()
                ? input.body().summary()
                : fm.summary();
        List<String> claimed = new ArrayList<>(1 + fm.aliases().size());
        claimed.add(UrlPaths.fileFor(url));
        for (String alias : fm.aliases()) {
            claimed.add(UrlPaths.fileFor(alias));
        }
        return new ArticleFacts(input, slug, url, tagSlugs, categorySlug, summary, List.copyOf(claimed));
    }

    FrontMatter frontMatter() {
        return input.source().frontMatter();
    }

    /** Whether it belongs to one of these tags or categories (by slug). */
    boolean usesAny(Set<String> tagSlugsRenamed, Set<String> categorySlugsRenamed) {
        if (!categorySlugsRenamed.isEmpty() && categorySlug != null && categorySlugsRenamed.contains(categorySlug)) {
            return true;
        }
        if (!tagSlugsRenamed.isEmpty()) {
            for (String tag : tagSlugs) {
                if (tagSlugsRenamed.contains(tag)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Makes {@code made} its article; returns it. */
    Article withArticle(Article made) {
        article = made;
        return made;
    }

    /** Its article, with the tags and category as the indexes name them now. */
    Article toArticle(TermIndex tags, TermIndex categories) {
        FrontMatter fm = frontMatter();
        List<Term> tagTerms = tagSlugs.stream().map(tags::term).toList();
        Term category = categorySlug == null ? null : categories.term(categorySlug);
        ZonedDateTime lastmod = fm.lastmod() != null ? fm.lastmod() : fm.date();
        int wordCount = input.body().wordCount();
        long cardHash = cardHash(fm, lastmod, tagTerms, category, wordCount);
        // A lead photo of the article's folder is published there: `image` becomes its widest copy.
        String image = input.media().lead() != null ? url + input.media().leadFile() : fm.image();
        return new Article(input.source().path(), fm.title(), slug, url, fm.date(), lastmod, fm.author(),
                tagTerms, category, summary, image, fm.caption(), fm.aliases(), fm.draft(),
                input.body(), wordCount, fm.params(), input.contentHash(),
                cardHash, new Fingerprint().add(url).add(lastmod).value(), input.media());
    }

    private long cardHash(FrontMatter fm, ZonedDateTime lastmod, List<Term> tagTerms, Term category, int wordCount) {
        Fingerprint fp = new Fingerprint().add(url).add(slug).add(fm.title()).add(fm.date())
                .add(lastmod).add(fm.author()).add(summary).add(fm.image()).add(input.media().hash()).add(fm.caption())
                .add(fm.draft() ? 1 : 0).addPlainData(fm.params()).add(input.source().path().toString())
                .add(Math.max(1, (wordCount + 199) / 200));
        fp.add(tagTerms.size());
        for (Term tag : tagTerms) {
            fp.add(tag.name()).add(tag.slug()).add(tag.url());
        }
        fp.add(category == null ? null : category.name()).add(category == null ? null : category.url());
        fp.add(fm.aliases().size());
        fm.aliases().forEach(fp::add);
        return fp.value();
    }
}
