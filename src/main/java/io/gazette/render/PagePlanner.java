package io.gazette.render;

import io.gazette.site.ArchiveMonth;
import io.gazette.site.ArchiveYear;
import io.gazette.site.Article;
import io.gazette.site.Fingerprint;
import io.gazette.site.Pager;
import io.gazette.site.SinceLastBuild;
import io.gazette.site.Site;
import io.gazette.site.SiteAssembler;
import io.gazette.site.SiteUrls;
import io.gazette.site.TermPage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Lists the HTML pages of the site with their templates and fingerprints, without rendering
 * anything or making any template model: a page's model is made only if the page is rendered.
 *
 * <p>Fingerprints are built from hashes the model already holds ({@link Article#contentHash()}
 * for an article's own page, {@link Article#cardHash()} wherever an article is only listed or
 * linked). A planner serves a whole session and remembers what it planned last time, so that the
 * next plan looks only at pages whose inputs are not the same objects as before: the articles
 * between the first and the last one that moved or changed (and their neighbours), those whose
 * related articles changed, the pages of home that show any of them, and the tag, category and
 * archive lists the model rebuilt. The pages it does not look at are the same as last time.
 * What changed since the last build it learns from {@link SinceLastBuild}; when that says to look
 * at everything, it forgets its last plan.
 *
 * <p>One job although it is long: every kind of page (home, articles, tag, category and archive
 * lists, the single pages) is planned in one run that shares the base fingerprint, the stretch of
 * articles that changed and the paths of the last plan; apart, they would pass all three around.
 */
public final class PagePlanner {
    public static final String NOT_FOUND = "404.html";

    private final Translations strings;
    private final long themeHash;
    private final boolean showsArticleCount;
    private final boolean showsListLength;
    private final OutputPaths paths;
    private final SinceLastBuild since;

    // What the last plan made, to plan the next in proportion to what changed.
    private long lastBase;
    private List<Article> lastArticles = List.of();
    /** Output paths of the article pages of {@link #lastArticles}, in the same order. */
    private String[] articlePaths = new String[0];
    private String[] homePaths = new String[0];
    /** Paginated lists other than home (tags, categories, years, months) by list URL. */
    private final Map<String, ListPlan> lists = new HashMap<>();

    /** Told about every page a plan looks at, and about every path it may no longer make. */
    public interface Wanted {
        /** Whether the page with this path and fingerprint must be rendered. */
        boolean test(String path, long fingerprint);

        /** A path the last plan made that this plan may not make again. */
        default void released(String path) {
        }
    }

    /** The pages of one paginated list, and the model object they were planned from. */
    private static final class ListPlan extends SinceLastBuild.Kept {
        final Object source;
        final String[] paths;

        ListPlan(Object source, String[] paths) {
            this.source = source;
            this.paths = paths;
        }
    }

    /**
     * @param themeHash         changes when templates, strings or site settings change: every page
     *                          depends on them
     * @param showsArticleCount whether any template uses {@code site.articleCount}, which makes
     *                          every page depend on the number of articles
     * @param showsListLength   whether any template uses {@code pager.totalPages} or
     *                          {@code pager.totalItems}, which make every numbered page of a list
     *                          depend on its length ({@link Pager}); the default theme does not
     * @param paths             output paths, shared with the planning of the other files
     * @param since             what changed since the last build of the session
     */
    public PagePlanner(Translations strings, long themeHash, boolean showsArticleCount, boolean showsListLength,
            OutputPaths paths, SinceLastBuild since) {
        this.strings = strings;
        this.themeHash = themeHash;
        this.showsArticleCount = showsArticleCount;
        this.showsListLength = showsListLength;
        this.paths = paths;
        this.since = since;
    }

    /**
     * Plans the pages of {@code site}, putting those it looks at to {@code wanted} in a stable
     * order; returns the wanted pages, with their models still to be made. Once per build.
     */
    public List<Page> plan(Site site, Wanted wanted) {
        boolean everything = since.everything();
        if (everything) {
            forget();
        }
        Run run = new Run(site, wanted, everything);
        run.planAll(since.relatedChanged());
        return run.pages;
    }

    /** Forgets the last plan (and cannot release its paths): the last build failed, or there was none. */
    private void forget() {
        lastArticles = List.of();
        articlePaths = new String[0];
        homePaths = new String[0];
        lists.clear();
    }

    /** One planning of one site model. */
    private final class Run {
        private final Site site;
        private final SiteUrls urls;
        private final SiteView siteView;
        private final long base;
        private final int pageSize;
        private final Wanted wanted;
        private final boolean everything;
        private final List<Page> pages = new ArrayList<>();

        private Run(Site site, Wanted wanted, boolean forgotten) {
            this.site = site;
            this.urls = site.urls();
            this.siteView = SiteView.of(site);
            this.pageSize = site.config().pageSize();
            this.wanted = wanted;
            // Every page shows the site view: the copyright year is the newest article's. The
            // article count changes with every article added, so it counts only for themes that
            // show it.
            Fingerprint fp = new Fingerprint().add(themeHash).add(siteView.copyrightYear());
            if (showsArticleCount) {
                fp.add(siteView.articleCount());
            }
            this.base = fp.value();
            this.everything = forgotten || base != lastBase;
        }

        private void planAll(Collection<Article> relatedChanged) {
            List<Article> articles = site.articles();
            // Articles before `first` and from `articles.size() - last` on are the same objects
            // in the same order as last time.
            int first = 0;
            int last = 0;
            if (!everything) {
                int common = Math.min(articles.size(), lastArticles.size());
                while (first < common && articles.get(first) == lastArticles.get(first)) {
                    first++;
                }
                while (last < common - first && articles.get(articles.size() - 1 - last)
                        == lastArticles.get(lastArticles.size() - 1 - last)) {
                    last++;
                }
            }
            home(articles, first, last);
            articlePages(articles, first, last, relatedChanged);
            terms("tags", SiteUrls.TAGS, strings.get("tags.title"), site.tags());
            for (TermPage tag : site.tags()) {
                list(tag, "tag", tag.term().name(), tag.term().url(), tag.articles(), paths.feed(tag.term().url()),
                        Map.of("term", tag.term()));
            }
            terms("categories", SiteUrls.CATEGORIES, strings.get("categories.title"), site.categories());
            for (TermPage category : site.categories()) {
                list(category, "category", category.term().name(), category.term().url(), category.articles(),
                        paths.feed(category.term().url()), Map.of("term", category.term()));
            }
            archive();
            single("search", "search.peb", strings.get("search.title"), SiteUrls.SEARCH);
            single("404", "404.peb", strings.get("notfound.title"), NOT_FOUND);
            // Lists that are gone (a tag no article uses any more, an emptied month).
            since.dropUnused(lists, (url, plan) -> release(plan.paths));
            lastArticles = articles;
            lastBase = base;
        }

        private void home(List<Article> articles, int first, int last) {
            String title = site.config().title();
            int n = articles.size();
            int numbered = Pager.numberedPages(n, pageSize);
            String[] planned = new String[numbered + 1];
            // Numbered pages from..to (inclusive) are planned again, and the first page; the
            // others show the same article objects with the same links as last time.
            int from = 1;
            int to = numbered;
            int numberedBefore = homePaths.length - 1;
            if (!everything && homePaths.length > 0) {
                if (n == lastArticles.size()) {
                    // the same number of articles: only the pages showing the changed stretch
                    // (newest-first indexes first .. n-last-1) differ
                    from = Math.max(1, last / pageSize + 1);
                    to = Math.min(numbered, first >= n ? 0 : (n - 1 - first) / pageSize + 1);
                } else if (!showsListLength) {
                    // Articles older than the common tail moved: numbered pages holding only
                    // tail articles keep them; the newest numbered page before and now change
                    // their "newer" link. (A theme showing the list's length on every page has
                    // them all planned again.)
                    from = Math.max(1, Math.min(last / pageSize + 1, Math.min(numberedBefore, numbered)));
                }
                for (int k = 1; k < Math.min(from, planned.length); k++) {
                    planned[k] = homePaths[k];
                }
                for (int k = to + 1; k <= numbered; k++) {
                    planned[k] = homePaths[k];
                }
                for (int k = from; k <= numberedBefore; k++) {
                    if (k <= to || k > numbered) { // planned again, or gone
                        wanted.released(homePaths[k]);
                    }
                }
            } else {
                release(homePaths);
            }
            long listHash = listHash("home", title, Map.of());
            planned[0] = listPage(listHash, "home", "home.peb", title, "", articles, 0, numbered, SiteUrls.FEED,
                    Map.of());
            for (int k = from; k <= to; k++) {
                planned[k] = listPage(listHash, "home", "home.peb", title, "", articles, k, numbered, SiteUrls.FEED,
                        Map.of());
            }
            homePaths = planned;
        }

        private void articlePages(List<Article> articles, int first, int last, Collection<Article> relatedChanged) {
            String[] planned = new String[articles.size()];
            int from = 0;
            int to = articles.size();
            if (!everything) {
                // the changed stretch, with the neighbours on either side, whose links changed
                from = Math.max(0, first - 1);
                to = Math.min(articles.size(), articles.size() - last + 1);
                int lastTo = Math.min(lastArticles.size(), lastArticles.size() - last + 1);
                System.arraycopy(articlePaths, 0, planned, 0, from);
                System.arraycopy(articlePaths, lastTo, planned, to, articles.size() - to);
                release(Arrays.copyOfRange(articlePaths, from, lastTo));
            } else {
                release(articlePaths);
            }
            for (int i = from; i < to; i++) {
                planned[i] = article(articles, i);
            }
            if (!everything && relatedChanged != null) {
                for (Article article : relatedChanged) {
                    int i = Collections.binarySearch(articles, article, SiteAssembler.NEWEST_FIRST);
                    if (i >= 0 && articles.get(i) == article && (i < from || i >= to)) {
                        article(articles, i);
                    }
                }
            } else if (!everything) {
                for (int i = 0; i < articles.size(); i++) {
                    if (i < from || i >= to) {
                        article(articles, i);
                    }
                }
            }
            articlePaths = planned;
        }

        private String article(List<Article> articles, int i) {
            Article article = articles.get(i);
            // articles are newest first: the previous (older) article is the next one in the list
            Article newer = i > 0 ? articles.get(i - 1) : null;
            Article older = i + 1 < articles.size() ? articles.get(i + 1) : null;
            List<Article> related = site.relatedTo(article);
            Fingerprint fp = new Fingerprint().add(base).add(article.contentHash()).add(article.cardHash())
                    .add(newer == null ? 0 : newer.cardHash()).add(older == null ? 0 : older.cardHash())
                    .add(related.size());
            for (Article r : related) {
                fp.add(r.cardHash());
            }
            String path = paths.file(article.url());
            add(path, "article.peb", () -> {
                Map<String, Object> model = model(new PageMeta("article", article.title(), article.url(),
                        article.summary(), null, 0));
                model.put("article", article);
                model.put("metadata", ArticleMetadata.of(article, site.config(), urls));
                model.put("newer", newer);
                model.put("older", older);
                model.put("related", related);
                return model;
            }, fp.value());
            return path;
        }

        /** A paginated list (tag, category, year, month): planned again only when its model object is new. */
        private void list(Object source, String kind, String title, String listUrl, List<Article> items,
                String feedUrl, Map<String, Object> extra) {
            ListPlan before = lists.get(listUrl);
            if (!everything && before != null && before.source == source) {
                since.markUsed(before);
                return;
            }
            if (before != null) {
                release(before.paths);
            }
            int numbered = Pager.numberedPages(items.size(), pageSize);
            String[] planned = new String[numbered + 1];
            long listHash = listHash(kind, title, extra);
            for (int k = 0; k <= numbered; k++) {
                planned[k] = listPage(listHash, kind, "list.peb", title, listUrl, items, k, numbered, feedUrl, extra);
            }
            ListPlan plan = new ListPlan(source, planned);
            since.markUsed(plan);
            lists.put(listUrl, plan);
        }

        /** What every page of one list shows alike (not its length: numbered pages do not show it). */
        private long listHash(String kind, String title, Map<String, Object> extra) {
            Fingerprint fp = new Fingerprint().add(base).add(kind).add(title);
            // In key order: Map.of's order changes from one run of the JVM to the next, and a
            // fingerprint must not, or every month page is made again by each build.
            new java.util.TreeMap<>(extra).forEach((k, v) -> fp.add(k).add(String.valueOf(v)));
            return fp.value();
        }

        /**
         * Page {@code k} of a list ({@link Pager}: 0 the first page, else numbered from the
         * oldest). A numbered page's fingerprint holds its number, its articles' cards and whether
         * its "newer" link is the first page, not the list's length (unless the theme shows it
         * there), so it stays the same while newer articles are added; the first page's holds the
         * length and the number of pages.
         */
        private String listPage(long listHash, String kind, String template, String title, String listUrl,
                List<Article> items, int k, int numbered, String feedUrl, Map<String, Object> extra) {
            Fingerprint fp = new Fingerprint().add(listHash).add(k);
            if (k == 0 || showsListLength) {
                fp.add(items.size()).add(numbered);
            }
            if (k > 0) {
                fp.add(k == numbered ? 1 : 0);
            }
            for (Article item : Pager.itemsOf(items, pageSize, k)) {
                fp.add(item.cardHash());
            }
            String path = paths.page(listUrl, k);
            add(path, template, () -> {
                Map<String, Object> model = model(new PageMeta(kind, title, urls.page(listUrl, k), "", feedUrl, k));
                model.put("pager", Pager.page(items, pageSize, k, listUrl, urls));
                model.putAll(extra);
                return model;
            }, fp.value());
            return path;
        }

        private void terms(String kind, String url, String title, List<TermPage> terms) {
            Fingerprint fp = new Fingerprint().add(base).add(kind);
            terms.forEach(t -> fp.add(t.term().name()).add(t.count()));
            add(paths.file(url), "terms.peb", () -> {
                Map<String, Object> model = model(new PageMeta(kind, title, url, "", null, 0));
                model.put("terms", terms);
                return model;
            }, fp.value());
        }

        private void archive() {
            Fingerprint fp = new Fingerprint().add(base).add("archive");
            for (ArchiveYear year : site.archive()) {
                year.months().forEach(m -> fp.add(m.url()).add(m.count()));
            }
            String title = strings.get("archive.title");
            add(paths.file(SiteUrls.ARCHIVE), "archive.peb", () -> {
                Map<String, Object> model = model(new PageMeta("archive", title, SiteUrls.ARCHIVE, "", null, 0));
                model.put("years", site.archive());
                return model;
            }, fp.value());
            for (ArchiveYear year : site.archive()) {
                list(year, "year", strings.get("archive.year") + " " + year.year(), year.url(), year.articles(), null,
                        Map.of("year", year.year()));
                for (ArchiveMonth month : year.months()) {
                    list(month, "month", strings.get("archive.month") + " " + month.month() + "/" + year.year(),
                            month.url(), month.articles(), null, Map.of("year", year.year(), "month", month.month()));
                }
            }
        }

        private void single(String kind, String template, String title, String url) {
            add(paths.file(url), template, () -> model(new PageMeta(kind, title, url, "", null, 0)),
                    new Fingerprint().add(base).add(kind).value());
        }

        private void add(String path, String template, Supplier<Map<String, Object>> model, long fingerprint) {
            if (wanted.test(path, fingerprint)) {
                pages.add(new Page(path, template, model, fingerprint));
            }
        }

        private void release(String[] released) {
            for (String path : released) {
                wanted.released(path);
            }
        }

        private Map<String, Object> model(PageMeta meta) {
            Map<String, Object> model = new HashMap<>();
            model.put("site", siteView);
            model.put("page", meta);
            return model;
        }
    }
}
