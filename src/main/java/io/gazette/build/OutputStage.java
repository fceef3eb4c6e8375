package io.gazette.build;

import io.gazette.output.AliasPage;
import io.gazette.output.AtomFeed;
import io.gazette.output.OutputSink;
import io.gazette.output.Sitemap;
import io.gazette.render.DateFormats;
import io.gazette.render.Page;
import io.gazette.render.TemplateRenderer;
import io.gazette.site.Article;
import io.gazette.site.Site;
import io.gazette.site.SiteUrls;
import io.gazette.site.TermPage;
import io.gazette.problems.Problems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Writes a planned site into a sink: HTML pages, feeds, sitemap, robots.txt, alias pages, static files. */
final class OutputStage {
    private final TemplateRenderer renderer;

    OutputStage(TemplateRenderer renderer) {
        this.renderer = renderer;
    }

    /** Renders {@code pages} in parallel; template failures are reported, not thrown. */
    int renderPages(List<Page> pages, OutputSink sink, Problems problems) {
        AtomicInteger written = new AtomicInteger();
        java.util.Set<String> reportedTemplates = java.util.concurrent.ConcurrentHashMap.newKeySet();
        pages.parallelStream().forEach(page -> {
            if (!renderer.exists(page.template())) {
                if (reportedTemplates.add(page.template())) {
                    problems.add(io.gazette.problems.Problem.error(Path.of("themes"), 0,
                            "the theme has no template " + page.template() + " (needed for " + page.path() + ")",
                            "add templates/" + page.template() + " to the theme"));
                }
                return;
            }
            try {
                sink.write(page.path(), renderer.render(page.template(), page.model()).getBytes(StandardCharsets.UTF_8));
                written.incrementAndGet();
            } catch (TemplateRenderer.RenderFailure e) {
                // One broken template fails every page using it; report it once.
                if (reportedTemplates.add(e.problem().format())) {
                    problems.add(e.problem());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return written.get();
    }

    /** Feeds for the site and every tag; returns how many were written. */
    int writeFeeds(Site site, OutputSink sink) throws IOException {
        SiteUrls urls = site.urls();
        int size = site.config().feedSize();
        String language = site.config().language();
        sink.write(SiteUrls.FEED, AtomFeed.write(site.config().title(), SiteUrls.FEED, "", language,
                first(site.articles(), size), urls));
        List<TermPage> tags = site.tags();
        tags.parallelStream().forEach(tag -> {
            String feed = urls.feedOf(tag.term().url());
            try {
                sink.write(feed, AtomFeed.write(site.config().title() + " – " + tag.term().name(), feed,
                        tag.term().url(), language, first(tag.articles(), size), urls));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return 1 + tags.size();
    }

    void writeSitemapAndRobots(Site site, OutputSink sink) throws IOException {
        SiteUrls urls = site.urls();
        List<Sitemap.Entry> entries = new ArrayList<>();
        String newest = site.articles().isEmpty() ? null : DateFormats.iso(site.articles().get(0).lastmod());
        entries.add(new Sitemap.Entry(urls.absolute(""), newest));
        for (Article article : site.articles()) {
            entries.add(new Sitemap.Entry(urls.absolute(article.url()), DateFormats.iso(article.lastmod())));
        }
        for (TermPage tag : site.tags()) {
            entries.add(new Sitemap.Entry(urls.absolute(tag.term().url()), DateFormats.iso(tag.articles().get(0).lastmod())));
        }
        for (TermPage category : site.categories()) {
            entries.add(new Sitemap.Entry(urls.absolute(category.term().url()),
                    DateFormats.iso(category.articles().get(0).lastmod())));
        }
        for (Map.Entry<String, byte[]> file : Sitemap.write(entries, urls.baseUrl()).entrySet()) {
            sink.write(file.getKey(), file.getValue());
        }
        String robots = "User-agent: *\nAllow: /\n\nSitemap: " + urls.absolute("sitemap.xml") + "\n";
        sink.write("robots.txt", robots.getBytes(StandardCharsets.UTF_8));
    }

    int writeAliases(Site site, OutputSink sink) throws IOException {
        int count = 0;
        for (Article article : site.articles()) {
            for (String alias : article.aliases()) {
                sink.write(io.gazette.content.UrlPaths.fileFor(alias),
                        AliasPage.to(site.urls().absolute(article.url()), site.config().language()));
                count++;
            }
        }
        return count;
    }

    static int copyStatic(Map<String, Path> files, OutputSink sink) {
        files.entrySet().parallelStream().forEach(e -> {
            try {
                sink.copy(e.getKey(), e.getValue());
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
        return files.size();
    }

    private static <T> List<T> first(List<T> list, int n) {
        return list.subList(0, Math.min(n, list.size()));
    }
}
