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
import java.io.UncheckedIOException;

import io.gazette.search.StaticIndexExporter;
import io.gazette.site.SiteUrls;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
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
    /** Path → fingerprint of every file the last successful generation produced. */
    private Map<String, Long> lastFingerprints = Map.of();
    /** Article URL → related article URLs, from the last generation that ran search. */
    private Map<String, List<String>> lastRelated = Map.of();

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
     * Generates the site into {@code sink}: everything on the first call; on later calls of a
     * long-lived session (the preview server) only the files whose fingerprint moved, deleting
     * files that no longer exist.
     *
     * @param changed content files known to have changed since the last call, or null to re-read all
     */
    public BuildResult generate(OutputSink sink, Set<Path> changed, long startNanos) throws IOException {
        return generate(sink, changed, startNanos, true);
    }

    /**
     * @param withSearch false to skip the search work (analysis, related articles, static index,
     *                   Lucene) and reuse the last related lists: the preview renders a saved page
     *                   first and brings search up to date in a follow-up generation
     */
    public BuildResult generate(OutputSink sink, Set<Path> changed, long startNanos, boolean withSearch)
            throws IOException {
        Problems problems = new Problems();
        stageMillis.clear();
        long t = System.nanoTime();
        List<ArticleInput> inputs = content.load(problems, changed);
        t = lap("content + markdown", t);
        Site site = new SiteAssembler(config, ZonedDateTime.now(options.clock())).assemble(inputs, problems);
        t = lap("site model", t);
        SearchWork search = withSearch ? SearchWork.start(site, config.cacheDir()) : null;
        if (search != null) {
            lastRelated = search.related();
        }
        site = site.withRelated(SearchStage.resolve(site, lastRelated));
        t = lap("search: analysis + related", t);
        List<Page> pages = PagePlanner.plan(site, translations, themeHash);
        t = lap("plan pages", t);
        Map<String, Path> statics = StaticFiles.collect(List.of(theme.staticFiles(), config.staticDir()),
                config.projectDir(), problems);
        List<PlannedFile> planned = new OutputStage(renderer).plan(site, pages, statics);
        t = lap("plan files", t);
        Map<String, Long> fingerprints = new HashMap<>(planned.size() * 2);
        List<PlannedFile> toProduce = new ArrayList<>();
        for (PlannedFile file : planned) {
            fingerprints.put(file.path(), file.fingerprint());
            Long before = lastFingerprints.get(file.path());
            if (before == null || before != file.fingerprint()) {
                toProduce.add(file);
            }
        }
        Set<String> reported = ConcurrentHashMap.newKeySet();
        toProduce.parallelStream().forEach(file -> {
            try {
                file.producer().produce(file.path(), sink);
            } catch (PlannedFile.ProduceFailure e) {
                // One broken template fails every page using it: report it once.
                if (reported.add(e.problem().format())) {
                    problems.add(e.problem());
                }
                fingerprints.remove(file.path());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Set<String> changedPaths = new TreeSet<>();
        toProduce.forEach(f -> changedPaths.add(f.path()));
        t = lap("render + write", t);
        if (search != null) {
            search.finish(sink, fingerprints, lastFingerprints, changedPaths, problems);
        } else {
            // Not searched this time: the static index from last time stays as it is.
            lastFingerprints.forEach((path, fingerprint) -> {
                if (path.startsWith(StaticIndexExporter.DIR + "/")) {
                    fingerprints.put(path, fingerprint);
                }
            });
        }
        t = lap("search: static index + lucene", t);
        for (String path : new TreeSet<>(lastFingerprints.keySet())) {
            if (!fingerprints.containsKey(path)) {
                sink.delete(path);
                changedPaths.add(path);
            }
        }
        lap("delete vanished", t);
        if (!problems.hasErrors()) {
            lastFingerprints = fingerprints;
        }
        List<Problem> sorted = problems.sorted();
        int warnings = (int) sorted.stream().filter(p -> !p.isError()).count();
        int htmlPages = (int) toProduce.stream().filter(f -> f.path().endsWith(".html")).count();
        int feeds = (int) planned.stream().filter(f -> f.path().endsWith(SiteUrls.FEED)).count();
        int aliases = site.articles().stream().mapToInt(a -> a.aliases().size()).sum();
        BuildStats stats = new BuildStats(site.articles().size(), site.tags().size(), site.categories().size(),
                htmlPages, feeds, aliases, statics.size(), warnings, (System.nanoTime() - startNanos) / 1_000_000,
                Map.copyOf(stageMillis));
        return new BuildResult(site, pages, stats, problems, Set.copyOf(changedPaths));
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
