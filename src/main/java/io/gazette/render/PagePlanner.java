package io.gazette.render;

import io.gazette.site.ArchiveMonth;
import io.gazette.site.ArchiveYear;
import io.gazette.site.Article;
import io.gazette.site.Fingerprint;
import io.gazette.site.Pager;
import io.gazette.site.Site;
import io.gazette.site.SiteUrls;
import io.gazette.site.TermPage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Lists every HTML page of the site with its template and fingerprint, without rendering anything
 * or making any template model: a page's model is made only if the page is rendered. Cheap enough
 * to run on every preview rebuild of a large site: the fingerprints then say which pages to render.
 *
 * <p>Fingerprints are built from hashes the model already holds ({@link Article#contentHash()}
 * for an article's own page, {@link Article#cardHash()} wherever an article is only listed or
 * linked), so planning costs a few operations per article shown, not per character.
 */
public final class PagePlanner {
    public static final String NOT_FOUND = "404.html";

    private final Translations strings;
    private final long themeHash;
    private final boolean showsArticleCount;
    private final OutputPaths paths;

    /** Decides, from its path and fingerprint, whether a planned page is wanted (to be rendered). */
    @FunctionalInterface
    public interface Wanted {
        boolean test(String path, long fingerprint);
    }

    /**
     * @param themeHash         changes when templates, strings or site settings change: every page
     *                          depends on them
     * @param showsArticleCount whether any template uses {@code site.articleCount}, which makes
     *                          every page depend on the number of articles
     * @param paths             output paths, shared with the planning of the other files
     */
    public PagePlanner(Translations strings, long themeHash, boolean showsArticleCount, OutputPaths paths) {
        this.strings = strings;
        this.themeHash = themeHash;
        this.showsArticleCount = showsArticleCount;
        this.paths = paths;
    }

    /**
     * Works out the path and fingerprint of every page of {@code site} and asks {@code wanted}
     * about each, in a stable order; returns the wanted pages, with their models still to be made.
     */
    public List<Page> plan(Site site, Wanted wanted) {
        Run run = new Run(site, wanted);
        run.planAll();
        return run.pages;
    }

    /** Every page of {@code site}. */
    public List<Page> planAll(Site site) {
        return plan(site, (path, fingerprint) -> true);
    }

    /** One planning of one site model. */
    private final class Run {
        private final Site site;
        private final SiteUrls urls;
        private final SiteView siteView;
        private final long base;
        private final int pageSize;
        private final Wanted wanted;
        private final List<Page> pages = new ArrayList<>();

        private Run(Site site, Wanted wanted) {
            this.site = site;
            this.urls = site.urls();
            this.siteView = SiteView.of(site);
            this.pageSize = site.config().pageSize();
            this.wanted = wanted;
            // Every page shows the site view: the copyright year is the newest article's. The article
            // count changes with every article added, so it counts only for themes that show it.
            Fingerprint fp = new Fingerprint().add(themeHash).add(siteView.copyrightYear());
            if (showsArticleCount) {
                fp.add(siteView.articleCount());
            }
            this.base = fp.value();
        }

        private void planAll() {
            paginated("home", "home.peb", site.config().title(), "", site.articles(), SiteUrls.FEED, Map.of());
            List<Article> articles = site.articles();
            for (int i = 0; i < articles.size(); i++) {
                // articles are newest first: the previous (older) article is the next one in the list
                Article newer = i > 0 ? articles.get(i - 1) : null;
                Article older = i + 1 < articles.size() ? articles.get(i + 1) : null;
                article(articles.get(i), newer, older);
            }
            terms("tags", SiteUrls.TAGS, strings.get("tags.title"), site.tags());
            for (TermPage tag : site.tags()) {
                paginated("tag", "list.peb", tag.term().name(), tag.term().url(), tag.articles(),
                        paths.feed(tag.term().url()), Map.of("term", tag.term()));
            }
            terms("categories", SiteUrls.CATEGORIES, strings.get("categories.title"), site.categories());
            for (TermPage category : site.categories()) {
                paginated("category", "list.peb", category.term().name(), category.term().url(), category.articles(),
                        null, Map.of("term", category.term()));
            }
            archive();
            single("search", "search.peb", strings.get("search.title"), SiteUrls.SEARCH);
            single("404", "404.peb", strings.get("notfound.title"), NOT_FOUND);
        }

        private void article(Article article, Article newer, Article older) {
            List<Article> related = site.relatedTo(article);
            Fingerprint fp = new Fingerprint().add(base).add(article.contentHash()).add(article.cardHash())
                    .add(newer == null ? 0 : newer.cardHash()).add(older == null ? 0 : older.cardHash())
                    .add(related.size());
            for (Article r : related) {
                fp.add(r.cardHash());
            }
            add(paths.file(article.url()), "article.peb", () -> {
                Map<String, Object> model = model(new PageMeta("article", article.title(), article.url(),
                        article.summary(), null, 1));
                model.put("article", article);
                model.put("newer", newer);
                model.put("older", older);
                model.put("related", related);
                return model;
            }, fp.value());
        }

        private void paginated(String kind, String template, String title, String listUrl, List<Article> items,
                String feedUrl, Map<String, Object> extra) {
            Fingerprint listFp = new Fingerprint().add(base).add(kind).add(title).add(items.size());
            extra.values().forEach(v -> listFp.add(String.valueOf(v)));
            long listHash = listFp.value();
            int total = Pager.pageCount(items.size(), pageSize);
            for (int n = 1; n <= total; n++) {
                Fingerprint fp = new Fingerprint().add(listHash).add(n).add(total);
                for (Article item : Pager.itemsOf(items, pageSize, n)) {
                    fp.add(item.cardHash());
                }
                int number = n;
                add(paths.page(listUrl, n), template, () -> {
                    Map<String, Object> model = model(new PageMeta(kind, title, urls.page(listUrl, number), "", feedUrl,
                            number));
                    model.put("pager", Pager.page(items, pageSize, number, listUrl, urls));
                    model.putAll(extra);
                    return model;
                }, fp.value());
            }
        }

        private void terms(String kind, String url, String title, List<TermPage> terms) {
            Fingerprint fp = new Fingerprint().add(base).add(kind);
            terms.forEach(t -> fp.add(t.term().name()).add(t.count()));
            add(paths.file(url), "terms.peb", () -> {
                Map<String, Object> model = model(new PageMeta(kind, title, url, "", null, 1));
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
                Map<String, Object> model = model(new PageMeta("archive", title, SiteUrls.ARCHIVE, "", null, 1));
                model.put("years", site.archive());
                return model;
            }, fp.value());
            for (ArchiveYear year : site.archive()) {
                paginated("year", "list.peb", strings.get("archive.year") + " " + year.year(), year.url(),
                        year.articles(), null, Map.of("year", year.year()));
                for (ArchiveMonth month : year.months()) {
                    paginated("month", "list.peb", strings.get("archive.month") + " " + month.month() + "/" + year.year(),
                            month.url(), month.articles(), null, Map.of("year", year.year(), "month", month.month()));
                }
            }
        }

        private void single(String kind, String template, String title, String url) {
            add(paths.file(url), template, () -> model(new PageMeta(kind, title, url, "", null, 1)),
                    new Fingerprint().add(base).add(kind).value());
        }

        private void add(String path, String template, Supplier<Map<String, Object>> model, long fingerprint) {
            if (wanted.test(path, fingerprint)) {
                pages.add(new Page(path, template, model, fingerprint));
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
