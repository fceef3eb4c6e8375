package io.gazette.build;

import io.gazette.content.UrlPaths;
import io.gazette.output.AliasPage;
import io.gazette.output.AtomFeed;
import io.gazette.output.OutputSink;
import io.gazette.output.Sitemap;
import io.gazette.problems.Problem;
import io.gazette.render.DateFormats;
import io.gazette.render.Page;
import io.gazette.render.TemplateRenderer;
import io.gazette.site.Article;
import io.gazette.site.Site;
import io.gazette.site.SiteUrls;
import io.gazette.site.TermPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plans every file of the site — HTML pages, feeds, sitemap, robots.txt, alias pages, static
 * files — each with a fingerprint, so that a full build produces them all and a preview rebuild
 * produces only those whose fingerprint moved.
 */
final class OutputStage {
    private final TemplateRenderer renderer;

    OutputStage(TemplateRenderer renderer) {
        this.renderer = renderer;
    }

    List<PlannedFile> plan(Site site, List<Page> pages, Map<String, Path> staticFiles) throws IOException {
        List<PlannedFile> files = new ArrayList<>(pages.size() + site.tags().size() + 16);
        for (Page page : pages) {
            files.add(new PlannedFile(page.path(), page.fingerprint(), (path, sink) -> renderPage(page, sink)));
        }
        planFeeds(site, files);
        planSitemapAndRobots(site, files);
        planAliases(site, files);
        for (Map.Entry<String, Path> file : staticFiles.entrySet()) {
            Path source = file.getValue();
            long fingerprint = Files.getLastModifiedTime(source).toMillis() * 31 + Files.size(source);
            files.add(new PlannedFile(file.getKey(), fingerprint, (path, sink) -> sink.copy(path, source)));
        }
        return files;
    }

    private void renderPage(Page page, OutputSink sink) throws IOException, PlannedFile.ProduceFailure {
        if (!renderer.exists(page.template())) {
            throw new PlannedFile.ProduceFailure(Problem.error(Path.of("themes"), 0,
                    "the theme has no template " + page.template() + " (needed for " + page.path() + ")",
                    "add templates/" + page.template() + " to the theme"));
        }
        try {
            sink.write(page.path(), renderer.render(page.template(), page.model()).getBytes(StandardCharsets.UTF_8));
        } catch (TemplateRenderer.RenderFailure e) {
            throw new PlannedFile.ProduceFailure(e.problem());
        }
    }

    /**
     * The site feed carries whole articles; tag feeds carry summaries, or a thousand tag feeds
     * would each repeat twenty full articles.
     */
    private static void planFeeds(Site site, List<PlannedFile> files) {
        SiteUrls urls = site.urls();
        int size = site.config().feedSize();
        String language = site.config().language();
        List<Article> latest = first(site.articles(), size);
        files.add(new PlannedFile(SiteUrls.FEED, entriesHash(latest, site.config().title()), (path, sink) ->
                sink.write(path, AtomFeed.write(site.config().title(), path, "", language, latest, urls, true))));
        for (TermPage tag : site.tags()) {
            String feed = urls.feedOf(tag.term().url());
            String title = site.config().title() + " – " + tag.term().name();
            List<Article> entries = first(tag.articles(), size);
            files.add(new PlannedFile(feed, entriesHash(entries, title), (path, sink) ->
                    sink.write(path, AtomFeed.write(title, path, tag.term().url(), language, entries, urls, false))));
        }
    }

    private static void planSitemapAndRobots(Site site, List<PlannedFile> files) {
        SiteUrls urls = site.urls();
        List<Sitemap.Entry> entries = new ArrayList<>();
        String newest = site.articles().isEmpty() ? null : DateFormats.iso(site.articles().get(0).lastmod());
        entries.add(new Sitemap.Entry(urls.absolute(""), newest));
        for (Article article : site.articles()) {
            entries.add(new Sitemap.Entry(urls.absolute(article.url()), DateFormats.iso(article.lastmod())));
        }
        for (List<TermPage> terms : List.of(site.tags(), site.categories())) {
            for (TermPage term : terms) {
                entries.add(new Sitemap.Entry(urls.absolute(term.term().url()),
                        DateFormats.iso(term.articles().get(0).lastmod())));
            }
        }
        Map<String, byte[]> sitemaps = Sitemap.write(entries, urls.baseUrl());
        for (Map.Entry<String, byte[]> sitemap : sitemaps.entrySet()) {
            byte[] bytes = sitemap.getValue();
            files.add(new PlannedFile(sitemap.getKey(), java.util.Arrays.hashCode(bytes) * 31L + bytes.length,
                    (path, sink) -> sink.write(path, bytes)));
        }
        byte[] robots = ("User-agent: *\nAllow: /\n\nSitemap: " + urls.absolute("sitemap.xml") + "\n")
                .getBytes(StandardCharsets.UTF_8);
        files.add(new PlannedFile("robots.txt", java.util.Arrays.hashCode(robots), (path, sink) -> sink.write(path, robots)));
    }

    private static void planAliases(Site site, List<PlannedFile> files) {
        for (Article article : site.articles()) {
            String target = site.urls().absolute(article.url());
            for (String alias : article.aliases()) {
                files.add(new PlannedFile(UrlPaths.fileFor(alias), target.hashCode(),
                        (path, sink) -> sink.write(path, AliasPage.to(target, site.config().language()))));
            }
        }
    }

    private static long entriesHash(List<Article> entries, String title) {
        long hash = title.hashCode();
        for (Article article : entries) {
            hash = hash * 31 + article.url().hashCode();
            hash = hash * 31 + article.contentHash();
        }
        return hash;
    }

    private static <T> List<T> first(List<T> list, int n) {
        return list.subList(0, Math.min(n, list.size()));
    }
}
