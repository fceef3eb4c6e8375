package io.gazette.build;

import io.gazette.config.ConfigLoader;
import io.gazette.config.SiteConfig;
import io.gazette.output.DirectorySink;
import io.gazette.output.OutputSink;
import io.gazette.output.StagingArea;
import io.gazette.output.StaticFiles;
import io.gazette.problems.BuildFailedException;
import io.gazette.problems.Problem;
import io.gazette.problems.Problems;
import io.gazette.render.Page;
import io.gazette.render.PagePlanner;
import io.gazette.render.TemplateRenderer;
import io.gazette.render.Theme;
import io.gazette.render.Translations;
import io.gazette.site.ArticleInput;
import io.gazette.site.Site;
import io.gazette.site.SiteAssembler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The build pipeline: config → content → markdown → site model → search → render → output.
 * {@link #buildToDirectory} is {@code gazette build}: everything goes to a staging directory that
 * replaces the output directory only when the build has no errors.
 */
public final class SiteBuild {
    private final BuildOptions options;
    private final SiteConfig config;
    private final Theme theme;
    private final Translations translations;
    private final TemplateRenderer renderer;
    private final ContentStage content;
    private final long themeHash;
    private final Map<String, Long> stageMillis = new LinkedHashMap<>();

    private SiteBuild(BuildOptions options, SiteConfig config, Theme theme, Translations translations,
            TemplateRenderer renderer, long themeHash) {
        this.options = options;
        this.config = config;
        this.theme = theme;
        this.translations = translations;
        this.renderer = renderer;
        this.content = new ContentStage(config);
        this.themeHash = themeHash;
    }

    /** Loads the configuration and theme; configuration and template errors are thrown together. */
    public static SiteBuild open(BuildOptions options) throws IOException, BuildFailedException {
        Problems problems = new Problems();
        SiteConfig config = ConfigLoader.load(options.projectDir(), options.overrides(), options.themeFallbackDir(),
                problems);
        Theme theme = new Theme(config.themeDir());
        Path shownTheme = shown(config.projectDir(), config.themeDir());
        if (!Files.isDirectory(theme.dir())) {
            problems.add(Problem.error(Path.of(ConfigLoader.FILE_NAME), 0, "theme `" + config.theme() + "` not found in "
                    + config.themesDir(), "set `theme:` in site.yml to a folder of themes/"));
            throw new BuildFailedException(problems.sorted());
        }
        Translations translations = Translations.load(theme.i18n(), config.language(), shownTheme.resolve("i18n"),
                problems);
        SiteAssembler assembler = new SiteAssembler(config, ZonedDateTime.now(options.clock()));
        TemplateRenderer renderer = new TemplateRenderer(theme, shownTheme, assembler.urls(), translations);
        problems.addAll(renderer.compileAll());
        if (problems.hasErrors()) {
            throw new BuildFailedException(problems.sorted());
        }
        long themeHash = ThemeHash.of(theme, config);
        return new SiteBuild(options, config, theme, translations, renderer, themeHash);
    }

    public SiteConfig config() {
        return config;
    }

    /** {@code gazette build}: the whole site into the output directory, atomically. */
    public BuildResult buildToDirectory() throws IOException, BuildFailedException {
        long start = System.nanoTime();
        StagingArea staging = StagingArea.create(config.outputDir(), config.projectDir());
        boolean committed = false;
        try {
            DirectorySink sink = new DirectorySink(staging.directory());
            BuildResult result = generate(sink, null, start);
            for (String duplicate : sink.duplicates()) {
                result.problems().add(Problem.error(null, 0,
                        "two pages were written to the same output file " + duplicate,
                        "an article's slug, permalink or alias collides with a page Gazette generates"
                                + " (tag, archive, search); change the slug or alias"));
            }
            if (result.problems().hasErrors()) {
                throw new BuildFailedException(result.problems().sorted());
            }
            staging.commit();
            committed = true;
            return result.withTotal(System.nanoTime() - start);
        } finally {
            if (!committed) {
                staging.abandon();
            }
        }
    }

    /**
     * Generates the site into {@code sink}.
     *
     * @param changed content files known to have changed since the last call, or null to re-read all
     */
    public BuildResult generate(OutputSink sink, Set<Path> changed, long startNanos) throws IOException {
        Problems problems = new Problems();
        stageMillis.clear();
        long t = System.nanoTime();
        List<ArticleInput> inputs = content.load(problems, changed);
        t = lap("content + markdown", t);
        Site site = new SiteAssembler(config, ZonedDateTime.now(options.clock())).assemble(inputs, problems);
        t = lap("site model", t);
        List<Page> pages = PagePlanner.plan(site, translations, themeHash);
        t = lap("plan", t);
        OutputStage output = new OutputStage(renderer);
        int rendered = output.renderPages(pages, sink, problems);
        t = lap("render", t);
        int feeds = output.writeFeeds(site, sink);
        output.writeSitemapAndRobots(site, sink);
        int aliases = output.writeAliases(site, sink);
        Map<String, Path> statics = StaticFiles.collect(List.of(theme.staticFiles(), config.staticDir()),
                config.projectDir(), problems);
        int staticCount = OutputStage.copyStatic(statics, sink);
        lap("feeds, sitemap, static", t);
        List<Problem> sorted = problems.sorted();
        int warnings = (int) sorted.stream().filter(p -> !p.isError()).count();
        BuildStats stats = new BuildStats(site.articles().size(), site.tags().size(), site.categories().size(),
                rendered, feeds, aliases, staticCount, warnings, (System.nanoTime() - startNanos) / 1_000_000,
                Map.copyOf(stageMillis));
        return new BuildResult(site, pages, stats, problems);
    }

    private long lap(String stage, long since) {
        long now = System.nanoTime();
        stageMillis.merge(stage, (now - since) / 1_000_000, Long::sum);
        return now;
    }

    static Path shown(Path projectDir, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path project = projectDir.toAbsolutePath().normalize();
        return absolute.startsWith(project) ? project.relativize(absolute) : absolute;
    }
}
