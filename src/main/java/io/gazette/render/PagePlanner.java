package io.gazette.render;

import io.gazette.content.UrlPaths;
import io.gazette.site.ArchiveMonth;
import io.gazette.site.ArchiveYear;
import io.gazette.site.Article;
import io.gazette.site.Pager;
import io.gazette.site.Site;
import io.gazette.site.SiteUrls;
import io.gazette.site.TermPage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists every HTML page of the site with its template and model, without rendering anything.
 * Cheap enough to run on every preview rebuild: the fingerprints then say which pages to render.
 */
public final class PagePlanner {
    public static final String NOT_FOUND = "404.html";

    private final Site site;
    private final SiteUrls urls;
    private final Translations strings;
    private final SiteView siteView;
    private final long themeHash;
    private final List<Page> pages = new ArrayList<>();

    private PagePlanner(Site site, Translations strings, long themeHash) {
        this.site = site;
        this.urls = site.urls();
        this.strings = strings;
        this.siteView = SiteView.of(site);
        this.themeHash = themeHash;
    }

    /** @param themeHash changes when templates, strings or site settings change: every page depends on them */
    public static List<Page> plan(Site site, Translations strings, long themeHash) {
        PagePlanner planner = new PagePlanner(site, strings, themeHash);
        planner.planAll();
        return List.copyOf(planner.pages);
    }

    private void planAll() {
        int pageSize = site.config().pageSize();
        paginated("home", "home.peb", site.config().title(), "", site.articles(), pageSize, SiteUrls.FEED, Map.of());
        List<Article> articles = site.articles();
        for (int i = 0; i < articles.size(); i++) {
            // articles are newest first: the previous (older) article is the next one in the list
            Article newer = i > 0 ? articles.get(i - 1) : null;
            Article older = i + 1 < articles.size() ? articles.get(i + 1) : null;
            article(articles.get(i), newer, older);
        }
        terms("tags", SiteUrls.TAGS, strings.get("tags.title"), site.tags());
        for (TermPage tag : site.tags()) {
            paginated("tag", "list.peb", tag.term().name(), tag.term().url(), tag.articles(), pageSize,
                    urls.feedOf(tag.term().url()), Map.of("term", tag.term()));
        }
        terms("categories", SiteUrls.CATEGORIES, strings.get("categories.title"), site.categories());
        for (TermPage category : site.categories()) {
            paginated("category", "list.peb", category.term().name(), category.term().url(), category.articles(),
                    pageSize, null, Map.of("term", category.term()));
        }
        archive();
        single("search", "search.peb", strings.get("search.title"), SiteUrls.SEARCH);
        single("404", "404.peb", strings.get("notfound.title"), NOT_FOUND);
    }

    private void article(Article article, Article newer, Article older) {
        List<Article> related = site.relatedTo(article);
        Fingerprint fp = base().add(article.contentHash()).add(article.url());
        for (Article link : new Article[] {newer, older}) {
            fp.add(link == null ? "" : link.url()).add(link == null ? "" : link.title());
        }
        article.tags().forEach(t -> fp.add(t.name()));
        related.forEach(r -> fp.add(r.url()).add(r.title()).add(r.contentHash()));
        Map<String, Object> model = model(new PageMeta("article", article.title(), article.url(), article.summary(),
                null, 1));
        model.put("article", article);
        model.put("newer", newer);
        model.put("older", older);
        model.put("related", related);
        pages.add(new Page(UrlPaths.fileFor(article.url()), "article.peb", model, fp.value()));
    }

    private void paginated(String kind, String template, String title, String listUrl, List<Article> items,
            int pageSize, String feedUrl, Map<String, Object> extra) {
        for (Pager pager : Pager.paginate(items, pageSize, listUrl, urls)) {
            Fingerprint fp = base().add(kind).add(title).add(pager.number()).add(pager.totalPages());
            pager.items().forEach(a -> fp.add(a.url()).add(a.contentHash()));
            extra.values().forEach(v -> fp.add(String.valueOf(v)));
            Map<String, Object> model = model(new PageMeta(kind, title, pager.url(), "", feedUrl, pager.number()));
            model.put("pager", pager);
            model.putAll(extra);
            pages.add(new Page(UrlPaths.fileFor(pager.url()), template, model, fp.value()));
        }
    }

    private void terms(String kind, String url, String title, List<TermPage> terms) {
        Fingerprint fp = base().add(kind);
        terms.forEach(t -> fp.add(t.term().name()).add(t.count()));
        Map<String, Object> model = model(new PageMeta(kind, title, url, "", null, 1));
        model.put("terms", terms);
        pages.add(new Page(UrlPaths.fileFor(url), "terms.peb", model, fp.value()));
    }

    private void archive() {
        Fingerprint fp = base().add("archive");
        for (ArchiveYear year : site.archive()) {
            year.months().forEach(m -> fp.add(m.url()).add(m.count()));
        }
        Map<String, Object> model = model(new PageMeta("archive", strings.get("archive.title"), SiteUrls.ARCHIVE,
                "", null, 1));
        model.put("years", site.archive());
        pages.add(new Page(UrlPaths.fileFor(SiteUrls.ARCHIVE), "archive.peb", model, fp.value()));
        int pageSize = site.config().pageSize();
        for (ArchiveYear year : site.archive()) {
            paginated("year", "list.peb", strings.get("archive.year") + " " + year.year(), year.url(),
                    year.articles(), pageSize, null, Map.of("year", year.year()));
            for (ArchiveMonth month : year.months()) {
                paginated("month", "list.peb", strings.get("archive.month") + " " + month.month() + "/" + year.year(),
                        month.url(), month.articles(), pageSize, null,
                        Map.of("year", year.year(), "month", month.month()));
            }
        }
    }

    private void single(String kind, String template, String title, String url) {
        Map<String, Object> model = model(new PageMeta(kind, title, url, "", null, 1));
        pages.add(new Page(UrlPaths.fileFor(url), template, model, base().add(kind).value()));
    }

    private Map<String, Object> model(PageMeta meta) {
        Map<String, Object> model = new HashMap<>();
        model.put("site", siteView);
        model.put("page", meta);
        return model;
    }

    private Fingerprint base() {
        return new Fingerprint().add(themeHash);
    }
}
