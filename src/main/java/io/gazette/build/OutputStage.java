package io.gazette.build;

import io.gazette.output.AliasPage;
import io.gazette.output.NewsSitemap;
import io.gazette.output.OutputSink;
import io.gazette.output.Sitemap;
import io.gazette.media.MediaException;
import io.gazette.media.MediaFile;
import io.gazette.problems.Problem;
import io.gazette.render.DateFormats;
import io.gazette.render.OutputPaths;
import io.gazette.render.Page;
import io.gazette.render.PagePlanner;
import io.gazette.render.TemplateRenderer;
import io.gazette.site.Article;
import io.gazette.site.Fingerprint;
import io.gazette.site.SinceLastBuild;
import io.gazette.site.Site;
import io.gazette.site.SiteUrls;
import io.gazette.site.TermPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans every file of the site — HTML pages, feeds, sitemap, robots.txt, alias pages, static
 * files — each with a fingerprint, so that a full build produces them all and a preview rebuild
 * produces only those whose fingerprint moved. Planning makes no file content: fingerprints come
 * from the hashes the model holds, and content is made only for the files produced. The feeds
 * are planned by {@link FeedPlanner}.
 */
final class OutputStage {
    private final TemplateRenderer renderer;
    private final OutputPaths paths;
    private final SinceLastBuild since;
    private final FeedPlanner feeds;

    OutputStage(TemplateRenderer renderer, OutputPaths paths, SinceLastBuild since) {
        this.renderer = renderer;
        this.paths = paths;
        this.since = since;
        this.feeds = new FeedPlanner(paths, since);
    }

    /**
     * The files to produce: the {@code pages} (already chosen), and those of the feeds, sitemap,
     * robots.txt, alias pages and {@code staticFiles} that {@code wanted} says yes to. Unless
     * {@link SinceLastBuild#everything}, it looks only at the aliases and media of articles that
     * changed (and the {@link FeedPlanner} at the feeds of tags whose page the model rebuilt);
     * the others are as they were. Once per build.
     *
     * @param now the build's time, which decides what the news sitemap lists
     */
    List<PlannedFile> plan(Site site, List<Page> pages, List<PlannedFile> staticFiles, PagePlanner.Wanted wanted,
            Instant now) {
        boolean everything = since.everything();
        SinceLastBuild.ArticleChanges changes = since.articles();
        List<PlannedFile> files = new ArrayList<>(pages.size() + 16);
        // Whether each template is there, asked of the file system once per template, not per page.
        Map<String, Boolean> present = new HashMap<>();
        for (Page page : pages) {
            boolean exists = present.computeIfAbsent(page.template(), renderer::exists);
            files.add(new PlannedFile(page.path(), page.fingerprint(), (path, sink) -> renderPage(page, exists, sink)));
        }
        Planned planned = file -> {
            if (wanted.test(file.path(), file.fingerprint())) {
                files.add(file);
            }
        };
        feeds.plan(site, file -> {
            boolean produced = wanted.test(file.path(), file.fingerprint());
            if (produced) {
                files.add(file);
            }
            return produced;
        }, wanted);
        planSitemapAndRobots(site, planned);
        planNewsSitemap(site, now, planned);
        if (everything) {
            planAliases(site.articles(), site, planned);
            planMedia(site.articles(), planned);
        } else {
            for (Article gone : changes.removed()) {
                gone.aliases().forEach(alias -> wanted.released(paths.file(alias)));
                gone.media().files().forEach(file -> wanted.released(mediaPath(gone, file)));
            }
            planAliases(changes.added(), site, planned);
            planMedia(changes.added(), planned);
        }
        staticFiles.forEach(planned::add);
        return files;
    }

    /** Receives the planned files. */
    @FunctionalInterface
    private interface Planned {
        void add(PlannedFile file);
    }

    private void renderPage(Page page, boolean templateExists, OutputSink sink)
            throws IOException, PlannedFile.ProduceFailure {
        if (!templateExists) {
            throw new PlannedFile.ProduceFailure(Problem.error(Path.of("themes"), 0,
                    "the theme has no template " + page.template() + " (needed for " + page.path() + ")",
                    "add templates/" + page.template() + " to the theme"));
        }
        try {
            renderer.renderUtf8(page.template(), page.model(), (bytes, length) -> sink.write(page.path(), bytes, length));
        } catch (TemplateRenderer.RenderFailure e) {
            throw new PlannedFile.ProduceFailure(e.problem());
        }
    }

    /** The Google News sitemap: the articles of the two days before {@code now}. */
    private static void planNewsSitemap(Site site, Instant now, Planned files) {
        List<Article> recent = NewsSitemap.recent(site.articles(), now);
        Fingerprint fp = new Fingerprint().add(site.urls().baseUrl()).add(site.config().title())
                .add(site.config().language()).add(recent.size());
        recent.forEach(a -> fp.add(a.cardHash()));
        files.add(new PlannedFile(NewsSitemap.FILE, fp.value(), (path, sink) -> sink.write(path,
                NewsSitemap.write(recent, site.config().title(), site.config().language(), site.urls()))));
    }

    /**
     * The sitemap lists every article with its {@code lastmod}, and every tag and category page
     * with its newest article's: each part's fingerprint hashes the {@link Article#sitemapHash}
     * of the articles it lists (URL and lastmod, not the title: a title edit does not make a
     * 50,000-URL part again), and a part's content is made only when it is produced, from its own
     * entries. Articles are listed oldest first, then the home page and the tags and categories
     * (whose lastmod moves with their newest article), so that a new article changes the last
     * part only, as list pages are numbered from the oldest; the index changes only with the
     * number of parts.
     */
    private static void planSitemapAndRobots(Site site, Planned files) {
        List<TermPage> terms = new ArrayList<>(site.tags());
        terms.addAll(site.categories());
        List<Article> articles = site.articles();
        int count = articles.size() + 1 + terms.size();
        long[] entryHashes = new long[count];
        int i = 0;
        for (int a = articles.size() - 1; a >= 0; a--) {
            entryHashes[i++] = articles.get(a).sitemapHash();
        }
        entryHashes[i++] = articles.isEmpty() ? 0 : articles.get(0).sitemapHash();
        for (TermPage term : terms) {
            entryHashes[i++] = new Fingerprint().add(term.term().url()).add(term.articles().get(0).sitemapHash()).value();
        }
        List<String> names = Sitemap.fileNames(count);
        for (int part = 0; part < names.size(); part++) {
            Fingerprint fp = new Fingerprint().add(site.urls().baseUrl());
            if (part < names.size() - 1) {
                int from = part * Sitemap.MAX_URLS_PER_FILE;
                int to = Math.min(count, from + Sitemap.MAX_URLS_PER_FILE);
                fp.add(to - from);
                for (int e = from; e < to; e++) {
                    fp.add(entryHashes[e]);
                }
                files.add(new PlannedFile(names.get(part), fp.value(),
                        (path, sink) -> sink.write(path, Sitemap.part(sitemapEntries(site, terms, from, to)))));
            } else {
                // The index (last) depends on the number of parts and the other sitemaps' names only.
                fp.add(names.size()).add(NewsSitemap.FILE);
                files.add(new PlannedFile(names.get(part), fp.value(), (path, sink) -> sink.write(path,
                        Sitemap.index(count, site.urls().baseUrl(), List.of(NewsSitemap.FILE)))));
            }
        }
        // The index lists the news sitemap too; naming it here as well costs nothing and lets
        // crawlers that read robots.txt but not indexes find it.
        byte[] robots = ("User-agent: *\nAllow: /\n\nSitemap: " + site.urls().absolute(Sitemap.INDEX) + "\nSitemap: "
                + site.urls().absolute(NewsSitemap.FILE) + "\n").getBytes(StandardCharsets.UTF_8);
        files.add(new PlannedFile("robots.txt", java.util.Arrays.hashCode(robots), (path, sink) -> sink.write(path, robots)));
    }

    /**
     * Entries {@code from} (inclusive) to {@code to} of the sitemap, in its order: every article,
     * oldest first, then the home page (with the newest article's lastmod), then every tag and
     * category page (with its newest article's).
     */
    private static List<Sitemap.Entry> sitemapEntries(Site site, List<TermPage> terms, int from, int to) {
        SiteUrls urls = site.urls();
        List<Article> articles = site.articles();
        int n = articles.size();
        List<Sitemap.Entry> entries = new ArrayList<>(to - from);
        for (int e = from; e < to; e++) {
            if (e < n) {
                Article article = articles.get(n - 1 - e);
                entries.add(new Sitemap.Entry(urls.absolute(article.url()), DateFormats.iso(article.lastmod())));
            } else if (e == n) {
                entries.add(new Sitemap.Entry(urls.absolute(""),
                        articles.isEmpty() ? null : DateFormats.iso(articles.get(0).lastmod())));
            } else {
                TermPage term = terms.get(e - 1 - n);
                entries.add(new Sitemap.Entry(urls.absolute(term.term().url()),
                        DateFormats.iso(term.articles().get(0).lastmod())));
            }
        }
        return entries;
    }

    private void planAliases(List<Article> articles, Site site, Planned files) {
        for (Article article : articles) {
            if (article.aliases().isEmpty()) {
                continue;
            }
            String target = site.urls().absolute(article.url());
            long fingerprint = new Fingerprint().add(target).add(site.config().language()).value();
            for (String alias : article.aliases()) {
                files.add(new PlannedFile(paths.file(alias), fingerprint,
                        (path, sink) -> sink.write(path, AliasPage.to(target, site.config().language()))));
            }
        }
    }

    /**
     * The photos, documents and videos each article publishes into its folder. A photo that
     * cannot be decoded is found only here, when its copies are made: it is reported against the
     * article line that shows it.
     */
    private static void planMedia(List<Article> articles, Planned files) {
        for (Article article : articles) {
            for (MediaFile file : article.media().files()) {
                files.add(new PlannedFile(mediaPath(article, file), file.fingerprint(), (path, sink) -> {
                    try {
                        sink.copy(path, file.publishedFile());
                    } catch (MediaException e) {
                        throw new PlannedFile.ProduceFailure(Problem.error(article.source(), file.line(),
                                "the photo `" + file.source().getFileName() + "` cannot be used: " + e.getMessage(),
                                "replace it with a JPEG or PNG file that opens in an image viewer"));
                    }
                }));
            }
        }
    }

    private static String mediaPath(Article article, MediaFile file) {
        String url = article.url();
        return url.substring(0, url.lastIndexOf('/') + 1) + file.file();
    }
}
