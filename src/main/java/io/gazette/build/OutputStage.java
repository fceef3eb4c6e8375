package io.gazette.build;

import io.gazette.output.AliasPage;
import io.gazette.output.OutputSink;
import io.gazette.media.MediaException;
import io.gazette.media.MediaFile;
import io.gazette.problems.Problem;
import io.gazette.render.OutputPaths;
import io.gazette.render.Page;
import io.gazette.render.PagePlanner;
import io.gazette.render.TemplateRenderer;
import io.gazette.site.Article;
import io.gazette.site.Fingerprint;
import io.gazette.site.SinceLastBuild;
import io.gazette.site.Site;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Plans every file of the site — HTML pages, feeds, sitemap, robots.txt, alias pages, static
 * files — each with a fingerprint, so that a full build produces them all and a preview rebuild
 * produces only those whose fingerprint moved. Planning makes no file content: fingerprints come
 * from the hashes the model holds, and content is made only for the files produced. The feeds
 * are planned by {@link FeedPlanner}, the sitemaps and robots.txt by {@link SitemapPlanner}.
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
        for (Page page : pages) {
            files.add(new PlannedFile(page.path(), page.fingerprint(), (path, sink) -> renderPage(page, sink)));
        }
        Consumer<PlannedFile> planned = file -> {
            if (wanted.test(file.path(), file.fingerprint())) {
                files.add(file);
            }
        };
        feeds.plan(site, planned, wanted);
        SitemapPlanner.planSitemapAndRobots(site, planned);
        SitemapPlanner.planNewsSitemap(site, now, planned);
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
        staticFiles.forEach(planned);
        return files;
    }

    /** Static files (site-relative path → source) with fingerprints from their size and modification time. */
    static List<PlannedFile> planStatic(Map<String, Path> staticFiles) throws IOException {
        List<PlannedFile> files = new ArrayList<>(staticFiles.size());
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

    private void planAliases(List<Article> articles, Site site, Consumer<PlannedFile> files) {
        for (Article article : articles) {
            if (article.aliases().isEmpty()) {
                continue;
            }
            String target = site.urls().absolute(article.url());
            long fingerprint = new Fingerprint().add(target).add(site.config().language()).value();
            for (String alias : article.aliases()) {
                files.accept(new PlannedFile(paths.file(alias), fingerprint,
                        (path, sink) -> sink.write(path, AliasPage.to(target, site.config().language()))));
            }
        }
    }

    /**
     * The photos, documents and videos each article publishes into its folder. A photo that
     * cannot be decoded is found only here, when its copies are made: it is reported against the
     * article line that shows it.
     */
    private static void planMedia(List<Article> articles, Consumer<PlannedFile> files) {
        for (Article article : articles) {
            for (MediaFile file : article.media().files()) {
                files.accept(new PlannedFile(mediaPath(article, file), file.fingerprint(), (path, sink) -> {
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
