package io.gazette.site;

import io.gazette.content.FrontMatter;
import io.gazette.content.UrlPaths;
import io.gazette.text.Slugs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one input means for the site, worked out once per input and kept while the same input
 * comes back: its slug and URL, the slugs of its tags and category, the output files
 * it claims, and its dates as numbers; then, changing from call to call, where it stands in the
 * site (its article while published, its rank in the newest-first order, why it was left out).
 */
final class ArticleFacts extends SinceLastBuild.Kept {
    final ArticleInput input;
    /** What is derived from the input alone: kept with it by the content cache, or made here. */
    private final InputFacts own;
    final String slug;
    final String url;
    final List<String> tagSlugs;
    final String categorySlug;
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

    private ArticleFacts(ArticleInput input, InputFacts own, List<String> tagSlugs, String categorySlug,
            List<String> claims) {
        this.input = input;
        this.own = own;
        this.slug = own.slug();
        this.url = own.url();
        this.tagSlugs = tagSlugs;
        this.categorySlug = categorySlug;
        this.claims = claims;
        FrontMatter fm = input.source().frontMatter();
        this.draft = fm.draft();
        this.dateSecond = fm.date().toEpochSecond();
        this.dateNano = fm.date().getNano();
        this.expirySecond = fm.expiryDate() == null ? Long.MAX_VALUE : fm.expiryDate().toEpochSecond();
        this.expiryNano = fm.expiryDate() == null ? 0 : fm.expiryDate().getNano();
    }

    /**
     * @param termSlugs the slugs of tag and category names made so far, by name: read and added to
     */
    static ArticleFacts of(ArticleInput input, SiteUrls urls, Map<String, String> termSlugs) {
        FrontMatter fm = input.source().frontMatter();
        InputFacts own = input.facts();
        if (own == null || !own.fits(fm, urls)) {
            own = InputFacts.make(input.source().path(), fm, input.body().summary(), input.body().wordCount(),
                    input.media().hash(), urls);
        }
        String url = own.url();
        List<String> tagSlugs = fm.tags().isEmpty() ? List.of()
                : fm.tags().stream().map(tag -> termSlugs.computeIfAbsent(tag, Slugs::slugify)).toList();
        String categorySlug = fm.category().isEmpty() ? null : termSlugs.computeIfAbsent(fm.category(), Slugs::slugify);
        List<String> claimed = new ArrayList<>(1 + fm.aliases().size());
        claimed.add(UrlPaths.fileFor(url));
        for (String alias : fm.aliases()) {
            claimed.add(UrlPaths.fileFor(alias));
        }
        return new ArticleFacts(input, own, tagSlugs, categorySlug, List.copyOf(claimed));
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
        // A lead photo of the article's folder is published there: `image` becomes its widest copy.
        String image = input.media().lead() != null ? url + input.media().leadFile() : fm.image();
        return new Article(input.source().path(), fm.title(), slug, url, fm.date(), InputFacts.lastmod(fm),
                fm.author(), tagTerms, category, fm.summary(), image, fm.caption(), fm.aliases(), fm.draft(),
                input.body(), input.body().wordCount(), fm.params(), input.contentHash(),
                cardHash(fm, tagTerms, category), own.sitemapHash(), input.media());
    }

    /** The card hash: the input's own part ({@link InputFacts#cardPrefix()}), then the names the site gives its groups. */
    private long cardHash(FrontMatter fm, List<Term> tagTerms, Term category) {
        Fingerprint fp = Fingerprint.resume(own.cardPrefix());
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
