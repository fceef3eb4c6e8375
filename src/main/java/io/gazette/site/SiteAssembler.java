package io.gazette.site;

import io.gazette.problems.Quote;
import io.gazette.config.SiteConfig;
import io.gazette.content.FrontMatter;
import io.gazette.content.UrlPaths;
import io.gazette.problems.Problem;
import io.gazette.problems.Problems;
import io.gazette.text.Slugs;
import java.text.Collator;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Builds the {@link Site} model from rendered articles: decides what is published, gives every
 * article its URL, groups articles into tags, categories and the archive, and refuses two
 * articles (or aliases) that would claim the same URL.
 *
 * <p>One assembler serves a whole session (the preview server keeps it between rebuilds) and does
 * work in proportion to what changed since its last call: inputs it has seen before (the same
 * {@link ArticleInput} instances) keep their derived data and, while their tags' names stay the
 * same, their {@link Article}; only the tags, categories and archive months an added, removed or
 * changed article belongs to are regrouped. The model is always the one a fresh assembler would
 * build from the same inputs. Not thread-safe: one call at a time.
 */
public final class SiteAssembler {
    /** Newest first; equal dates fall back to URL order so that output never depends on file order. */
    public static final Comparator<Article> NEWEST_FIRST = Comparator
            .comparing(Article::date, Comparator.reverseOrder())
            .thenComparing(Article::url);

    private final SiteConfig config;
    private final SiteUrls urls;
    private final TermIndex tags;
    private final TermIndex categories;
    private final ArchiveIndex archive = new ArchiveIndex();
    /** Output files claimed by published articles (their own and their aliases'), with how many claim each. */
    private final Map<String, Integer> claims = new HashMap<>();
    private int contestedClaims;
    /** How many aliases the published articles have. */
    private int aliasCount;
    /** What was derived from each input, by identity, for the inputs of the last call. */
    private final Map<ArticleInput, Derived> derived = new IdentityHashMap<>();
    /** The published articles, newest first, and their articles in the same order. */
    private ArrayList<Derived> order = new ArrayList<>();
    private ArrayList<Article> orderedArticles = new ArrayList<>();
    /** The inputs of the last call, and what was derived from each, in the same order. */
    private List<ArticleInput> lastInputs;
    private Derived[] lastDerived = new Derived[0];
    private long lastNowSecond;
    private int lastNowNano;
    /** When the earliest article not yet published because of its date comes due (epoch second). */
    private long nextDue = Long.MAX_VALUE;
    /** Whether articles were placed or taken out of {@link #order} since ranks were given. */
    private boolean ranksStale;
    /** False after a call that dropped articles for claiming taken URLs: its groups are not reusable. */
    private boolean groupsReusable = false;
    private Changes lastChanges = Changes.EVERYTHING;
    private int generation;

    public SiteAssembler(SiteConfig config) {
        this.config = config;
        this.urls = new SiteUrls(config.baseUrl(), config.basePath(), config.permalink());
        Collator collator = vietnameseCollator();
        this.tags = new TermIndex(urls::tag, collator);
        this.categories = new TermIndex(urls::category, collator);
    }

    public SiteUrls urls() {
        return urls;
    }

    /**
     * The model of {@code inputs} as published at {@code now} (drafts and future articles are left
     * out unless the configuration asks for them; expired articles always are).
     */
    public Site assemble(List<ArticleInput> inputs, ZonedDateTime now, Problems problems) {
        generation++;
        long nowSecond = now.toEpochSecond();
        int nowNano = now.getNano();
        Set<Article> removed = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Article> added = new ArrayList<>();
        Set<String> renamedTags;
        Set<String> renamedCategories;
        List<Integer> edited = editedSinceLastCall(inputs, nowSecond, nowNano);
        if (edited != null) {
            // The same files as last time, a few of them edited, and nothing due to be published
            // since: only the edited inputs need a look, and the order is kept by binary search.
            Derived[] aligned = lastDerived.clone();
            List<Derived> joining = new ArrayList<>();
            for (int i : edited) {
                Derived before = aligned[i];
                derived.remove(before.input);
                if (before.article != null) {
                    uncount(before);
                    removed.add(before.article);
                    unplace(before);
                    before.article = null;
                }
                Derived d = derive(inputs.get(i));
                derived.put(d.input, d);
                aligned[i] = d;
                d.published = isPublished(d, nowSecond, nowNano);
                if (d.published) {
                    joining.add(d);
                }
            }
            lastDerived = aligned;
            joining.forEach(this::count);
            renamedTags = tags.settle();
            renamedCategories = categories.settle();
            if (!renamedTags.isEmpty() || !renamedCategories.isEmpty()) {
                for (Derived d : List.copyOf(order)) {
                    if (d.usesAny(renamedTags, renamedCategories)) {
                        removed.add(d.article);
                        unplace(d);
                        d.article = null;
                        joining.add(d);
                    }
                }
            }
            for (Derived d : joining) {
                d.article = toArticle(d);
                added.add(d.article);
                place(d);
            }
        } else {
            List<Derived> published = new ArrayList<>(inputs.size());
            Derived[] aligned = new Derived[inputs.size()];
            nextDue = Long.MAX_VALUE;
            for (int i = 0; i < inputs.size(); i++) {
                ArticleInput input = inputs.get(i);
                Derived d = derived.get(input);
                if (d == null) {
                    d = derive(input);
                    derived.put(input, d);
                }
                aligned[i] = d;
                d.seen = generation;
                d.published = isPublished(d, nowSecond, nowNano);
                if (d.published) {
                    published.add(d);
                }
            }
            lastDerived = aligned;
            if (derived.size() > inputs.size()) {
                derived.values().removeIf(d -> d.seen != generation);
            }
            // Articles that left the site: deleted, changed (a new input), drafted or no longer valid.
            for (Derived d : order) {
                if (d.article != null && (!d.published || d.seen != generation)) {
                    uncount(d);
                    removed.add(d.article);
                    d.article = null;
                }
            }
            for (Derived d : published) {
                if (d.article == null) {
                    count(d);
                }
            }
            renamedTags = tags.settle();
            renamedCategories = categories.settle();
            for (Derived d : published) {
                if (d.article != null && d.usesAny(renamedTags, renamedCategories)) {
                    removed.add(d.article);
                    d.article = null;
                }
                if (d.article == null) {
                    d.article = toArticle(d);
                    added.add(d.article);
                }
            }
            newestFirst(published);
        }
        lastInputs = inputs;
        lastNowSecond = nowSecond;
        lastNowNano = nowNano;
        if (contestedClaims > 0) {
            // Only the first claimant of a URL stays in the model, so no file is written twice;
            // the build fails anyway on the errors reported for every claimant.
            List<Article> articles = new ArrayList<>(orderedArticles);
            articles.removeAll(checkUniqueUrls(articles, problems));
            groupsReusable = false;
            lastChanges = Changes.EVERYTHING;
            return new Site(config, urls, List.copyOf(articles),
                    TermIndex.fresh(articles, Article::tags, tags.collator()),
                    TermIndex.fresh(articles, a -> a.category() == null ? List.of() : List.of(a.category()),
                            categories.collator()),
                    ArchiveIndex.fresh(articles, urls), Map.of());
        }
        List<Article> articles = List.copyOf(orderedArticles);
        if (!groupsReusable) {
            tags.forgetPages();
            categories.forgetPages();
            archive.forget();
            removed.clear();
            added = articles;
            groupsReusable = true;
            lastChanges = Changes.EVERYTHING;
        } else {
            lastChanges = new Changes(false, Collections.unmodifiableSet(removed), Collections.unmodifiableList(added));
        }
        List<TermPage> tagPages = tags.pages(removed, added, renamedTags, Article::tags);
        List<TermPage> categoryPages = categories.pages(removed, added, renamedCategories,
                a -> a.category() == null ? List.of() : List.of(a.category()));
        return new Site(config, urls, articles, tagPages, categoryPages, archive.years(removed, added, urls), Map.of());
    }

    /**
     * The positions of the inputs that differ from the last call's, when they are few and the
     * rest can be taken as they were (the same files, the same groups, nothing come due since);
     * otherwise null.
     */
    private List<Integer> editedSinceLastCall(List<ArticleInput> inputs, long nowSecond, int nowNano) {
        if (lastInputs == null || inputs.size() != lastInputs.size() || !groupsReusable || contestedClaims > 0
                || nowSecond < lastNowSecond || nowSecond == lastNowSecond && nowNano < lastNowNano
                || nowSecond >= nextDue) {
            return null;
        }
        List<Integer> edited = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i) != lastInputs.get(i)) {
                edited.add(i);
                if (edited.size() > 64) {
                    return null;
                }
            }
        }
        return edited;
    }

    /**
     * Whether an input is published at the given instant, and if not, why; remembers when the next
     * change comes due (an article's date, or its expiry).
     */
    private boolean isPublished(Derived d, long nowSecond, int nowNano) {
        if (!config.drafts() && d.draft) {
            d.leftOut = LeftOut.Reason.DRAFT;
            return false;
        }
        if (!config.future() && !reached(d.dateSecond, d.dateNano, nowSecond, nowNano)) {
            nextDue = Math.min(nextDue, d.dateSecond);
            d.leftOut = LeftOut.Reason.SCHEDULED;
            return false;
        }
        if (d.expirySecond != Long.MAX_VALUE) {
            if (reached(d.expirySecond, d.expiryNano, nowSecond, nowNano)) {
                d.leftOut = LeftOut.Reason.EXPIRED;
                return false;
            }
            nextDue = Math.min(nextDue, d.expirySecond);
        }
        d.leftOut = null;
        return true;
    }

    private static boolean reached(long second, int nano, long nowSecond, int nowNano) {
        return second < nowSecond || second == nowSecond && nano <= nowNano;
    }

    /** How many inputs of the last call were left out of the site, by reason. */
    public LeftOut leftOut() {
        int drafts = 0;
        int scheduled = 0;
        int expired = 0;
        for (Derived d : lastDerived) {
            if (d.published || d.leftOut == null) {
                continue;
            }
            switch (d.leftOut) {
                case DRAFT -> drafts++;
                case SCHEDULED -> scheduled++;
                case EXPIRED -> expired++;
            }
        }
        return new LeftOut(drafts, scheduled, expired);
    }

    /** Puts a published article in its place in the newest-first order. */
    private void place(Derived d) {
        int at = Collections.binarySearch(order, d, SiteAssembler::newestFirst);
        at = at < 0 ? -at - 1 : at;
        order.add(at, d);
        orderedArticles.add(at, d.article);
        ranksStale = true;
    }

    /** Takes an article (while it still has its article) out of the newest-first order. */
    private void unplace(Derived d) {
        int at = Collections.binarySearch(order, d, SiteAssembler::newestFirst);
        if (at < 0 || order.get(at) != d) {
            at = order.indexOf(d);
        }
        order.remove(at);
        orderedArticles.remove(at);
        ranksStale = true;
    }

    /**
     * How the articles of the last {@link #assemble} differ from those of the call before: the
     * {@link Article} instances that left the model and those that joined it (an edited article
     * is both). {@code everything} means "do not rely on the difference": the first call, or one
     * after URL conflicts.
     */
    public record Changes(boolean everything, Set<Article> removed, List<Article> added) {
        static final Changes EVERYTHING = new Changes(true, Set.of(), List.of());
    }

    public Changes lastChanges() {
        return lastChanges;
    }

    /**
     * When the site of the last call changes by the clock alone — the earliest date of a
     * scheduled article or expiry of a published one — in epoch seconds; {@link Long#MAX_VALUE}
     * when nothing is scheduled.
     */
    public long nextDue() {
        return nextDue;
    }

    /** How many aliases the published articles have. */
    public int aliasCount() {
        return aliasCount;
    }

    /**
     * The published articles newest first. Starts from last call's order, in which only changed
     * articles are out of place, so sorting costs about one comparison per article.
     */
    private void newestFirst(List<Derived> published) {
        if (ranksStale) {
            for (int i = 0; i < order.size(); i++) {
                order.get(i).rank = i;
            }
            ranksStale = false;
        }
        Derived[] slots = new Derived[order.size()];
        List<Derived> unplaced = new ArrayList<>();
        for (Derived d : published) {
            if (d.rank >= 0 && d.rank < slots.length && order.get(d.rank) == d) {
                slots[d.rank] = d;
            } else {
                unplaced.add(d);
            }
        }
        ArrayList<Derived> sorted = new ArrayList<>(published.size());
        for (Derived d : slots) {
            if (d != null) {
                sorted.add(d);
            }
        }
        sorted.addAll(unplaced);
        sorted.sort(SiteAssembler::newestFirst);
        ArrayList<Article> articles = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            sorted.get(i).rank = i;
            articles.add(sorted.get(i).article);
        }
        order = sorted;
        orderedArticles = articles;
    }

    /** {@link #NEWEST_FIRST}, with the instants compared from the numbers kept for them. */
    private static int newestFirst(Derived a, Derived b) {
        int byInstant = a.dateSecond != b.dateSecond ? Long.compare(b.dateSecond, a.dateSecond)
                : Integer.compare(b.dateNano, a.dateNano);
        return byInstant != 0 ? byInstant : NEWEST_FIRST.compare(a.article, b.article);
    }

    private Derived derive(ArticleInput input) {
        FrontMatter fm = input.source().frontMatter();
        String slug = fm.slug().isEmpty() ? Slugs.forTitle(fm.title()) : fm.slug();
        if (slug.isEmpty()) {
            slug = "bai-viet";
        }
        String url = urls.article(fm.date(), slug);
        List<String> tagSlugs = fm.tags().stream().map(Slugs::slugify).toList();
        String categorySlug = fm.category().isEmpty() ? null : Slugs.slugify(fm.category());
        String summary = fm.summary().isEmpty()
                ? Summaries.fromText(input.body().summaryText())
                : fm.summary();
        List<String> claimed = new ArrayList<>(1 + fm.aliases().size());
        claimed.add(UrlPaths.fileFor(url));
        for (String alias : fm.aliases()) {
            claimed.add(UrlPaths.fileFor(alias));
        }
        return new Derived(input, slug, url, tagSlugs, categorySlug, summary, List.copyOf(claimed));
    }

    private void count(Derived d) {
        FrontMatter fm = d.input.source().frontMatter();
        for (int i = 0; i < d.tagSlugs.size(); i++) {
            tags.add(d.tagSlugs.get(i), fm.tags().get(i));
        }
        if (d.categorySlug != null) {
            categories.add(d.categorySlug, fm.category());
        }
        aliasCount += d.claims.size() - 1;
        for (String file : d.claims) {
            if (claims.merge(file, 1, Integer::sum) == 2) {
                contestedClaims++;
            }
        }
    }

    private void uncount(Derived d) {
        FrontMatter fm = d.input.source().frontMatter();
        for (int i = 0; i < d.tagSlugs.size(); i++) {
            tags.remove(d.tagSlugs.get(i), fm.tags().get(i));
        }
        if (d.categorySlug != null) {
            categories.remove(d.categorySlug, fm.category());
        }
        aliasCount -= d.claims.size() - 1;
        for (String file : d.claims) {
            Integer left = claims.merge(file, -1, Integer::sum);
            if (left == 1) {
                contestedClaims--;
            } else if (left == 0) {
                claims.remove(file);
            }
        }
    }

    private Article toArticle(Derived d) {
        FrontMatter fm = d.input.source().frontMatter();
        List<Term> tagTerms = d.tagSlugs.stream().map(tags::term).toList();
        Term category = d.categorySlug == null ? null : categories.term(d.categorySlug);
        ZonedDateTime lastmod = fm.lastmod() != null ? fm.lastmod() : fm.date();
        int wordCount = d.input.body().wordCount();
        long cardHash = cardHash(d, fm, lastmod, tagTerms, category, wordCount);
        // A lead photo of the article's folder is published there: `image` becomes its widest copy.
        String image = d.input.media().lead() != null ? d.url + d.input.media().leadFile() : fm.image();
        return new Article(d.input.source().path(), fm.title(), d.slug, d.url, fm.date(), lastmod, fm.author(),
                tagTerms, category, d.summary, image, fm.caption(), fm.aliases(), fm.draft(),
                d.input.body(), wordCount, fm.params(), d.input.contentHash(),
                cardHash, d.input.media());
    }

    private static long cardHash(Derived d, FrontMatter fm, ZonedDateTime lastmod, List<Term> tagTerms, Term category,
            int wordCount) {
        Fingerprint fp = new Fingerprint().add(d.url).add(d.slug).add(fm.title()).add(fm.date().toString())
                .add(lastmod.toString()).add(fm.author()).add(d.summary).add(fm.image()).add(d.input.media().hash()).add(fm.caption())
                .add(fm.draft() ? 1 : 0).add(String.valueOf(fm.params())).add(d.input.source().path().toString())
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

    /** Reports every URL claimed twice; returns the claimants to drop (all but the first of each URL). */
    private static Set<Article> checkUniqueUrls(List<Article> articles, Problems problems) {
        Set<Article> dropped = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<String, List<Article>> claims = new TreeMap<>();
        for (Article article : articles) {
            claims.computeIfAbsent(UrlPaths.fileFor(article.url()), u -> new ArrayList<>()).add(article);
            for (String alias : article.aliases()) {
                claims.computeIfAbsent(UrlPaths.fileFor(alias), u -> new ArrayList<>()).add(article);
            }
        }
        claims.forEach((url, owners) -> {
            if (owners.size() < 2) {
                return;
            }
            List<Article> sorted = owners.stream().sorted(Comparator.comparing(a -> a.source().toString())).toList();
            sorted.stream().skip(1).filter(o -> o != sorted.get(0)).forEach(dropped::add);
            for (Article owner : sorted) {
                String others = sorted.stream().filter(o -> o != owner).map(o -> o.source().toString().replace('\\', '/'))
                        .distinct().collect(Collectors.joining(", "));
                problems.add(Problem.error(owner.source(), 1, "output file " + Quote.code(url) + " is also claimed by "
                                + (others.isEmpty() ? "another alias of this article" : others),
                        "give one of them a different `slug:` (or remove the duplicate alias)"));
            }
        });
        return dropped;
    }

    static Collator vietnameseCollator() {
        Collator collator = Collator.getInstance(Locale.forLanguageTag("vi"));
        collator.setStrength(Collator.TERTIARY);
        return collator;
    }

    /** What an input means for the site, worked out once per input. */
    private static final class Derived {
        final ArticleInput input;
        final String slug;
        final String url;
        final List<String> tagSlugs;
        final String categorySlug;
        final String summary;
        /** Output files it claims: its own page, then its aliases'. */
        final List<String> claims;
        /** Its article while it is published (its names counted, its claims made); else null. */
        Article article;
        boolean published;
        /** Its index in the last call's newest-first order, or -1. */
        int rank = -1;
        /** The last call that had it among its inputs. */
        int seen;
        final boolean draft;
        final long dateSecond;
        final int dateNano;
        /** When it expires; {@link Long#MAX_VALUE} when it never does. */
        final long expirySecond;
        final int expiryNano;
        /** Why the last call left it out, or null when it was published. */
        LeftOut.Reason leftOut;

        Derived(ArticleInput input, String slug, String url, List<String> tagSlugs, String categorySlug, String summary,
                List<String> claims) {
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
    }
}
