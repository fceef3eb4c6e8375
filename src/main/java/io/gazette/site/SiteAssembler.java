package io.gazette.site;

import io.gazette.config.SiteConfig;
import io.gazette.content.FrontMatter;
import io.gazette.problems.Problem;
import io.gazette.problems.Problems;
import io.gazette.text.Slugs;
import java.text.Collator;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the {@link Site} model from rendered articles: decides what is published, gives every
 * article its URL, groups articles into tags, categories and the archive, and refuses two
 * articles (or aliases) that would claim the same URL.
 */
public final class SiteAssembler {
    /** Newest first; equal dates fall back to URL order so that output never depends on file order. */
    public static final Comparator<Article> NEWEST_FIRST = Comparator
            .comparing(Article::date, Comparator.reverseOrder())
            .thenComparing(Article::url);

    private final SiteConfig config;
    private final SiteUrls urls;
    private final ZonedDateTime now;

    public SiteAssembler(SiteConfig config, ZonedDateTime now) {
        this.config = config;
        this.urls = new SiteUrls(config.baseUrl(), config.basePath(), config.permalink());
        this.now = now;
    }

    public SiteUrls urls() {
        return urls;
    }

    public Site assemble(List<ArticleInput> inputs, Problems problems) {
        List<ArticleInput> published = inputs.stream().filter(this::isPublished).toList();
        Map<String, Term> tagTerms = canonicalTerms(published, fm -> fm.tags(), urls::tag);
        Map<String, Term> categoryTerms = canonicalTerms(published,
                fm -> fm.category().isEmpty() ? List.of() : List.of(fm.category()), urls::category);
        List<Article> articles = new ArrayList<>(published.size());
        for (ArticleInput input : published) {
            articles.add(toArticle(input, tagTerms, categoryTerms));
        }
        articles.sort(NEWEST_FIRST);
        // Only the first claimant of a URL stays in the model, so no file is written twice;
        // the build fails anyway on the errors reported for every claimant.
        articles.removeAll(checkUniqueUrls(articles, problems));
        return new Site(config, urls, List.copyOf(articles),
                termPages(articles, Article::tags),
                termPages(articles, a -> a.category() == null ? List.of() : List.of(a.category())),
                archive(articles),
                Map.of());
    }

    private boolean isPublished(ArticleInput input) {
        FrontMatter fm = input.source().frontMatter();
        return (config.drafts() || !fm.draft()) && (config.future() || !fm.date().isAfter(now));
    }

    private Article toArticle(ArticleInput input, Map<String, Term> tagTerms, Map<String, Term> categoryTerms) {
        FrontMatter fm = input.source().frontMatter();
        String slug = fm.slug().isEmpty() ? Slugs.forTitle(fm.title()) : fm.slug();
        if (slug.isEmpty()) {
            slug = "bai-viet";
        }
        List<Term> tags = fm.tags().stream().map(t -> tagTerms.get(Slugs.slugify(t))).toList();
        Term category = fm.category().isEmpty() ? null : categoryTerms.get(Slugs.slugify(fm.category()));
        String summary = fm.summary().isEmpty() ? Summaries.fromText(input.body().leadText().isEmpty() ? input.body().plainText() : input.body().leadText()) : fm.summary();
        return new Article(input.source().path(), fm.title(), slug, urls.article(fm.date(), slug), fm.date(),
                fm.lastmod() != null ? fm.lastmod() : fm.date(), fm.author(), tags, category, summary, fm.image(),
                fm.caption(), fm.aliases(), fm.draft(), input.body().html(), input.body().plainText(),
                input.body().wordCount(), fm.params(), input.contentHash());
    }

    /**
     * One {@link Term} per slug. When editors spell a tag differently ({@code Thi đua} and
     * {@code thi đua}), the most used spelling names it, the alphabetically first on a tie.
     */
    private static Map<String, Term> canonicalTerms(List<ArticleInput> inputs,
            Function<FrontMatter, List<String>> names, Function<String, String> url) {
        Map<String, Map<String, Integer>> spellings = new HashMap<>();
        for (ArticleInput input : inputs) {
            for (String name : names.apply(input.source().frontMatter())) {
                spellings.computeIfAbsent(Slugs.slugify(name), k -> new TreeMap<>()).merge(name, 1, Integer::sum);
            }
        }
        Map<String, Term> terms = new HashMap<>();
        spellings.forEach((slug, counts) -> {
            String name = counts.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue()
                            .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .orElseThrow().getKey();
            terms.put(slug, new Term(name, slug, url.apply(slug)));
        });
        return terms;
    }

    private static List<TermPage> termPages(List<Article> articles, Function<Article, List<Term>> termsOf) {
        Map<Term, List<Article>> grouped = new LinkedHashMap<>();
        for (Article article : articles) {
            for (Term term : termsOf.apply(article)) {
                grouped.computeIfAbsent(term, t -> new ArrayList<>()).add(article);
            }
        }
        Collator collator = vietnameseCollator();
        return grouped.entrySet().stream()
                .map(e -> new TermPage(e.getKey(), List.copyOf(e.getValue())))
                .sorted(Comparator.comparing((TermPage p) -> p.term().name(), collator)
                        .thenComparing(p -> p.term().slug()))
                .toList();
    }

    private List<ArchiveYear> archive(List<Article> articles) {
        Map<Integer, Map<Integer, List<Article>>> byYear = new TreeMap<>(Comparator.reverseOrder());
        for (Article article : articles) {
            byYear.computeIfAbsent(article.date().getYear(), y -> new TreeMap<>(Comparator.reverseOrder()))
                    .computeIfAbsent(article.date().getMonthValue(), m -> new ArrayList<>())
                    .add(article);
        }
        List<ArchiveYear> years = new ArrayList<>();
        byYear.forEach((year, months) -> {
            List<ArchiveMonth> monthPages = months.entrySet().stream()
                    .map(e -> new ArchiveMonth(year, e.getKey(), urls.month(year, e.getKey()), List.copyOf(e.getValue())))
                    .toList();
            List<Article> all = monthPages.stream().flatMap(m -> m.articles().stream()).toList();
            years.add(new ArchiveYear(year, urls.year(year), monthPages, all));
        });
        return List.copyOf(years);
    }

    /** Reports every URL claimed twice; returns the claimants to drop (all but the first of each URL). */
    private static java.util.Set<Article> checkUniqueUrls(List<Article> articles, Problems problems) {
        java.util.Set<Article> dropped = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Map<String, List<Article>> claims = new TreeMap<>();
        for (Article article : articles) {
            claims.computeIfAbsent(io.gazette.content.UrlPaths.fileFor(article.url()), u -> new ArrayList<>()).add(article);
            for (String alias : article.aliases()) {
                claims.computeIfAbsent(io.gazette.content.UrlPaths.fileFor(alias), u -> new ArrayList<>()).add(article);
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
                problems.add(Problem.error(owner.source(), 1, "output file " + url + " is also claimed by "
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
}
