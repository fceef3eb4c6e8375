package io.gazette.site;

import io.gazette.config.SiteConfig;
import io.gazette.content.FrontMatter;
import io.gazette.problems.Problems;
import java.text.Collator;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

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
 *
 * <p>This class holds the two ways through a call, {@link #reassembleEdited} (the same files as
 * last time, a few edited) and {@link #reassembleAll}, and what they share; the parts are in
 * their own classes: {@link ArticleFacts} (what an input means for the site),
 * {@link PublicationRules} (drafts, scheduled and expired articles), {@link NewestFirstOrder}
 * (the site's order), {@link UrlClaims} (two articles claiming one URL), and {@link TermIndex} and
 * {@link ArchiveIndex} (the groups). What is left here is one job, keeping the model in step with
 * the inputs; its length is the two ways through a call, which share all the state above.
 */
public final class SiteAssembler {
    /** Newest first; equal dates fall back to URL order so that output never depends on file order. */
    public static final Comparator<Article> NEWEST_FIRST = Comparator
            .comparing(Article::date, Comparator.reverseOrder())
            .thenComparing(Article::url);

    private final SiteConfig config;
    private final SiteUrls urls;
    /**
     * The slug of each tag and category name met so far: every article's facts are made again in
     * each {@code gazette build} (its own slug and URL may come kept, {@link InputFacts}, its tags'
     * slugs do not), and a site has far fewer names than articles (slugging them once
     * spares the work and keeps one string per slug, not one per article).
     */
    private final Map<String, String> termSlugs = new java.util.concurrent.ConcurrentHashMap<>();
    private final PublicationRules rules;
    private final TermIndex tags;
    private final TermIndex categories;
    private final ArchiveIndex archive = new ArchiveIndex();
    private final UrlClaims claims = new UrlClaims();
    private final NewestFirstOrder order = new NewestFirstOrder();
    /** What was derived from each input, by identity, for the inputs of the last call. */
    private Map<ArticleInput, ArticleFacts> derived = new IdentityHashMap<>();
    /** The inputs of the last call, and what was derived from each, in the same order. */
    private List<ArticleInput> lastInputs;
    private ArticleFacts[] lastDerived = new ArticleFacts[0];
    private long lastNowSecond;
    private int lastNowNano;
    /** False after a call that dropped articles for claiming taken URLs: its groups are not reusable. */
    private boolean groupsReusable = false;
    private final SinceLastBuild since;
    /** Fewer articles than this are made on one thread: handing them out would cost more than it saves. */
    private static final int PARALLEL_FROM = 512;

    /** @param since the session's builds: each {@link #assemble} belongs to the build under way and records its changes there */
    public SiteAssembler(SiteConfig config, SinceLastBuild since) {
        this.config = config;
        this.since = since;
        this.urls = SiteUrls.of(config);
        this.rules = new PublicationRules(config);
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
        long nowSecond = now.toEpochSecond();
        int nowNano = now.getNano();
        Set<Article> removed = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Article> added = new ArrayList<>();
        List<Integer> edited = editedSinceLastCall(inputs, nowSecond, nowNano);
        Renamed renamed = edited != null
                ? reassembleEdited(inputs, edited, nowSecond, nowNano, removed, added)
                : reassembleAll(inputs, nowSecond, nowNano, removed, added);
        lastInputs = inputs;
        lastNowSecond = nowSecond;
        lastNowNano = nowNano;
        if (claims.anyContested()) {
            // Only the first claimant of a URL stays in the model, so no file is written twice;
            // the build fails anyway on the errors reported for every claimant.
            List<Article> articles = new ArrayList<>(order.articles());
            articles.removeAll(UrlClaims.reportClashes(articles, problems));
            groupsReusable = false;
            since.recordArticles(SinceLastBuild.ArticleChanges.EVERYTHING);
            return new Site(config, urls, List.copyOf(articles),
                    TermIndex.fresh(articles, Article::tags, tags.collator()),
                    TermIndex.fresh(articles, a -> a.category() == null ? List.of() : List.of(a.category()),
                            categories.collator()),
                    ArchiveIndex.fresh(articles, urls), Map.of());
        }
        List<Article> articles = List.copyOf(order.articles());
        boolean addedNewestFirst = !groupsReusable; // then every article joins, in the site's order
        if (!groupsReusable) {
            tags.forgetPages();
            categories.forgetPages();
            archive.forget();
            removed.clear();
            added = articles;
            groupsReusable = true;
            since.recordArticles(SinceLastBuild.ArticleChanges.EVERYTHING);
        } else {
            since.recordArticles(new SinceLastBuild.ArticleChanges(false, Collections.unmodifiableSet(removed),
                    Collections.unmodifiableList(added)));
        }
        List<TermPage> tagPages = tags.pages(removed, added, renamed.tags, Article::tags, addedNewestFirst);
        List<TermPage> categoryPages = categories.pages(removed, added, renamed.categories,
                a -> a.category() == null ? List.of() : List.of(a.category()), addedNewestFirst);
        return new Site(config, urls, articles, tagPages, categoryPages,
                archive.years(removed, added, urls, addedNewestFirst), Map.of());
    }

    /** The tags and categories (by slug) whose shown name changed in a call, with their articles to make again. */
    private record Renamed(Set<String> tags, Set<String> categories) {
    }

    /**
     * The positions of the inputs that differ from the last call's, when they are few and the
     * rest can be taken as they were (the same files, the same groups, nothing come due since);
     * otherwise null.
     */
    private List<Integer> editedSinceLastCall(List<ArticleInput> inputs, long nowSecond, int nowNano) {
        if (lastInputs == null || inputs.size() != lastInputs.size() || !groupsReusable || claims.anyContested()
                || nowSecond < lastNowSecond || nowSecond == lastNowSecond && nowNano < lastNowNano
                || nowSecond >= rules.nextDue()) {
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
     * The same files as last time, a few of them edited, and nothing due to be published since:
     * only the edited inputs need a look, and the order is kept by binary search.
     */
    private Renamed reassembleEdited(List<ArticleInput> inputs, List<Integer> edited, long nowSecond, int nowNano,
            Set<Article> removed, List<Article> added) {
        ArticleFacts[] aligned = lastDerived.clone();
        List<ArticleFacts> joining = new ArrayList<>();
        for (int i : edited) {
            ArticleFacts before = aligned[i];
            derived.remove(before.input);
            if (before.article != null) {
                uncount(before);
                removed.add(before.article);
                order.remove(before);
                before.article = null;
            }
            ArticleFacts d = ArticleFacts.of(inputs.get(i), urls, termSlugs);
            derived.put(d.input, d);
            aligned[i] = d;
            d.published = rules.isPublished(d, nowSecond, nowNano);
            if (d.published) {
                joining.add(d);
            }
        }
        lastDerived = aligned;
        joining.forEach(this::count);
        Renamed renamed = new Renamed(tags.settle(), categories.settle());
        if (!renamed.tags.isEmpty() || !renamed.categories.isEmpty()) {
            for (ArticleFacts d : List.copyOf(order.inputs())) {
                if (d.usesAny(renamed.tags, renamed.categories)) {
                    removed.add(d.article);
                    order.remove(d);
                    d.article = null;
                    joining.add(d);
                }
            }
        }
        for (ArticleFacts d : joining) {
            d.article = d.toArticle(tags, categories);
            added.add(d.article);
            order.place(d);
        }
        return renamed;
    }

    /**
     * Any other call: every input is looked at (those seen before keep what was derived from them
     * and, while their groups' names stay the same, their article), and the order is sorted anew
     * from the last one.
     */
    private Renamed reassembleAll(List<ArticleInput> inputs, long nowSecond, int nowNano,
            Set<Article> removed, List<Article> added) {
        List<ArticleFacts> published = new ArrayList<>(inputs.size());
        ArticleFacts[] aligned = new ArticleFacts[inputs.size()];
        if (derived.isEmpty()) {
            // sized at once: grown from empty, it would copy itself a dozen times on a first model
            derived = new IdentityHashMap<>(inputs.size());
        }
        ArticleFacts[] fresh = freshFacts(inputs);
        rules.startPass();
        // Each loop over the articles hands every article to a method of its own: the loops run
        // once a process, and C1 compiles a method after 200 calls but a loop only after 60,000
        // turns, so a loop's body written out here would run in the interpreter for every article.
        for (int i = 0; i < aligned.length; i++) {
            ArticleFacts d = lookAt(inputs.get(i), fresh[i], nowSecond, nowNano);
            aligned[i] = d;
            if (d.published) {
                published.add(d);
            }
        }
        lastDerived = aligned;
        if (derived.size() > inputs.size()) {
            since.dropUnused(derived, (input, d) -> { });
        }
        // Articles that left the site: deleted, changed (a new input), drafted or no longer valid.
        for (ArticleFacts d : order.inputs()) {
            takeOutIfGone(d, removed);
        }
        for (ArticleFacts d : published) {
            countIfJoining(d);
        }
        Renamed renamed = new Renamed(tags.settle(), categories.settle());
        List<ArticleFacts> joining = new ArrayList<>();
        for (ArticleFacts d : published) {
            if (joins(d, renamed, removed)) {
                joining.add(d);
            }
        }
        // The tag and category indexes are settled: only read from here, by every core.
        Article[] made = new Article[joining.size()];
        IntStream range = IntStream.range(0, made.length);
        (made.length >= PARALLEL_FROM ? range.parallel() : range)
                .forEach(i -> made[i] = joining.get(i).toArticle(tags, categories));
        for (int i = 0; i < made.length; i++) {
            added.add(joining.get(i).withArticle(made[i]));
        }
        order.replaceWith(published);
        return renamed;
    }

    /** What is derived from an input (kept from the last call, else {@code fresh} or made now), and whether it is published. */
    private ArticleFacts lookAt(ArticleInput input, ArticleFacts fresh, long nowSecond, int nowNano) {
        ArticleFacts d = derived.get(input);
        if (d == null) {
            d = fresh != null ? fresh : ArticleFacts.of(input, urls, termSlugs);
            derived.put(input, d);
        }
        since.markUsed(d);
        d.published = rules.isPublished(d, nowSecond, nowNano);
        return d;
    }

    /** Takes an article of the last call out of the site if this call has no place for it. */
    private void takeOutIfGone(ArticleFacts d, Set<Article> removed) {
        if (d.article != null && (!d.published || !since.usedNow(d))) {
            uncount(d);
            removed.add(d.article);
            d.article = null;
        }
    }

    private void countIfJoining(ArticleFacts d) {
        if (d.article == null) {
            count(d);
        }
    }

    /** Whether a published input needs its article made: a new one, or one filed under a renamed group. */
    private static boolean joins(ArticleFacts d, Renamed renamed, Set<Article> removed) {
        if (d.article != null && d.usesAny(renamed.tags, renamed.categories)) {
            removed.add(d.article);
            d.article = null;
        }
        return d.article == null;
    }

    /**
     * What is derived from each input not seen before (slug, URL, summary), made on every core:
     * every input of a first build; null where the input is known.
     */
    private ArticleFacts[] freshFacts(List<ArticleInput> inputs) {
        ArticleFacts[] fresh = new ArticleFacts[inputs.size()];
        IntStream range = IntStream.range(0, fresh.length);
        // `derived` is only read while they are made
        (fresh.length >= PARALLEL_FROM ? range.parallel() : range).forEach(i -> {
            ArticleInput input = inputs.get(i);
            if (!derived.containsKey(input)) {
                fresh[i] = ArticleFacts.of(input, urls, termSlugs);
            }
        });
        return fresh;
    }

    /** How many inputs of the last call were left out of the site, by reason. */
    public LeftOut leftOut() {
        return PublicationRules.leftOut(lastDerived);
    }

    /**
     * When the site of the last call changes by the clock alone — the earliest date of a
     * scheduled article or expiry of a published one — in epoch seconds; {@link Long#MAX_VALUE}
     * when nothing is scheduled.
     */
    public long nextDue() {
        return rules.nextDue();
    }

    /** How many aliases the published articles have. */
    public int aliasCount() {
        return claims.aliasCount();
    }

    /** An article joins the site: its tag and category names are counted, its URLs claimed. */
    private void count(ArticleFacts d) {
        FrontMatter fm = d.frontMatter();
        for (int i = 0; i < d.tagSlugs.size(); i++) {
            tags.add(d.tagSlugs.get(i), fm.tags().get(i));
        }
        if (d.categorySlug != null) {
            categories.add(d.categorySlug, fm.category());
        }
        claims.claim(d);
    }

    private void uncount(ArticleFacts d) {
        FrontMatter fm = d.frontMatter();
        for (int i = 0; i < d.tagSlugs.size(); i++) {
            tags.remove(d.tagSlugs.get(i), fm.tags().get(i));
        }
        if (d.categorySlug != null) {
            categories.remove(d.categorySlug, fm.category());
        }
        claims.release(d);
    }

    static Collator vietnameseCollator() {
        Collator collator = Collator.getInstance(Locale.forLanguageTag("vi"));
        collator.setStrength(Collator.TERTIARY);
        return collator;
    }
}
