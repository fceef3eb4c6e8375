package io.gazette.build;

import io.gazette.problems.Quote;
import io.gazette.config.ConfigLoader;
import io.gazette.config.SiteConfig;
import io.gazette.output.DirectorySink;
import io.gazette.output.OutputSink;
import io.gazette.problems.BuildFailedException;
import io.gazette.problems.Problem;
import io.gazette.problems.Problems;
import io.gazette.render.Page;
import io.gazette.render.OutputPaths;
import io.gazette.render.PagePlanner;
import io.gazette.render.TemplateRenderer;
import io.gazette.render.Theme;
import io.gazette.render.Translations;
import io.gazette.site.ArticleInput;
import io.gazette.site.SinceLastBuild;
import io.gazette.site.Site;
import io.gazette.site.SiteAssembler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.io.UncheckedIOException;

import io.gazette.search.SearchIndexer;
import io.gazette.search.StaticIndexExporter;
import io.gazette.site.SiteUrls;
import java.util.List;
import java.util.TreeSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The build pipeline: config → content → markdown → site model → search → render → output.
 * {@link #buildToDirectory} is {@code gazette build}: everything goes to a staging directory that
 * replaces the output directory only when the build has no errors ({@link DirectoryBuild}).
 *
 * <p>One generation ({@link #generate}), in order: read the content (bodies go to disk, see
 * {@link ContentStage}), assemble the site model, start the search work (related articles now,
 * the Lucene index on another thread), plan pages and files by fingerprint, produce the planned
 * files ({@link FileWriting}), finish the static search index, delete files that vanished, then
 * commit or roll back the fingerprints and count the statistics ({@link StageTimes} times each).
 * Each step is a class of its own ({@link ContentStage}, {@link io.gazette.site.SiteAssembler},
 * {@link SearchWork}, {@link RelatedLinks}, {@link PagePlanner}, {@link OutputStage},
 * {@link StaticFilePlanner}, {@link FileFingerprints}); what changed since the last generation
 * they all ask {@link SinceLastBuild}. Its length is that of {@link #generate}, whose steps share
 * the generation's problems, times and changed paths.
 */
public final class SiteBuild {
    private final BuildOptions options;
    private final SiteConfig config;
    private final Theme theme;
    private final TemplateRenderer renderer;
    private final ContentStage content;
    private final SiteAssembler assembler;
    /** What changed since the last build: every stage below asks it. */
    private final SinceLastBuild since;
    private final RelatedLinks relatedLinks;
    private final StaticFilePlanner staticFiles;
    private volatile BuildProgress progress = BuildProgress.NONE;
    /** Given each generation's site model as soon as it is made (see {@link #whenSiteModelMade}), or null. */
    private volatile java.util.function.Consumer<Site> siteModelMade;
    /** Run before a generation first uses its sink or the fingerprints (see {@link #whenOutputWanted}), or null. */
    private volatile Runnable outputWanted;
    /** The fingerprint of every file the last successful generation produced. */
    private final FileFingerprints fingerprints;
    private final OutputPaths paths;
    private final PagePlanner pagePlanner;
    private final OutputStage output;
    /** Files of the static search index the preview was given last. */
    private List<String> searchPaths = List.of();
    /** What the last generation that ran search left in the Lucene index, or null. */
    private SearchStage.Synced lastSynced;
    /** What the session's last static index export left, for the next one to update; null at first. */
    private io.gazette.search.ExportState lastExport;
    /** Why the last generation's static index export was a full one, or null. */
    private String fullExportReason;
    /** Whether search keeps the related lists in the cache folder for the next process ({@code gazette build}). */
    private boolean keepRelated;
    /** Why the last search computed the related lists of every article instead of updating kept ones, or null. */
    private String relatedReason;
    /** What the last search's update of the kept related lists computed again, or null. */
    private String relatedReport;

    /** {@code gazette build}: this session's one generation into the output folder. */
    private final DirectoryBuild directory;

    /**
     * What the search documents are made under (the Gazette, theme and settings of the
     * {@link CacheKey}), for the keys that spare a sync reading every article (see {@link SearchKeys});
     * null when unknown: every article is then compared.
     */
    private Long searchKeysSalt;

    /** Warnings found while loading site.yml and the theme (a typo of a key): reported by every generation. */
    private List<Problem> configWarnings = List.of();

    /**
     * Articles up to which the static index export may start beside the related lists, and so the
     * output is wanted before the search (see {@link SearchWork#EXPORT_BESIDE_RELATED_UP_TO}); lowered by tests
     * to take the large archive's way with a few articles.
     */
    private final int exportBesideRelatedUpTo;

    private SiteBuild(BuildOptions options, SiteConfig config, Theme theme, Translations translations,
            SinceLastBuild since, FileFingerprints fingerprints, SiteAssembler assembler, TemplateRenderer renderer,
            CacheKey key, long themeHash, boolean showsArticleCount, boolean showsListLength,
            int exportBesideRelatedUpTo) {
        this.options = options;
        this.config = config;
        this.exportBesideRelatedUpTo = exportBesideRelatedUpTo;
        this.theme = theme;
        this.since = since;
        this.assembler = assembler;
        this.relatedLinks = new RelatedLinks(since);
        this.fingerprints = fingerprints;
        this.renderer = renderer;
        this.content = new ContentStage(config, new io.gazette.render.ThemeEmbeds(renderer, config.basePath()));
        this.paths = new OutputPaths(assembler.urls(), since);
        this.pagePlanner = new PagePlanner(translations, themeHash, showsArticleCount, showsListLength, paths, since);
        this.output = new OutputStage(renderer, paths, since);
        this.directory = new DirectoryBuild(this, config, key, content, fingerprints);
        this.staticFiles = new StaticFilePlanner(config.projectDir(), List.of(theme.staticFiles(), config.staticDir()),
                since);
    }

    /** Loads the configuration and theme; configuration and template errors are thrown together. */
    public static SiteBuild open(BuildOptions options) throws IOException, BuildFailedException {
        return open(options, null);
    }

    /**
     * {@code gazette build}: {@link #open} for a {@link #buildToDirectory} that starts from the
     * files and fingerprints the last build of the project kept in {@code .gazette/cache/build/}
     * (see {@link BuildCache}), and keeps its own there for the next one (a check's throwaway
     * build does not). The build's start (the cache opened, the staging folder made, the last
     * build's files being restored into it, see {@link DirectoryStart}) begins on a thread of its
     * own once the configuration is loaded, beside the rest of the opening, and is undone when the
     * opening fails.
     */
    public static SiteBuild openWithBuildCache(BuildOptions options) throws IOException, BuildFailedException {
        return open(options, OutputMirror.HARD_LINKS);
    }

    /**
     * {@link #open}, and with a {@code cacheLinker} (which makes the build cache's links; tests
     * simulate other file systems) {@link #openWithBuildCache}.
     */
    static SiteBuild open(BuildOptions options, OutputMirror.Linker cacheLinker)
            throws IOException, BuildFailedException {
        return open(options, cacheLinker, SearchWork.EXPORT_BESIDE_RELATED_UP_TO);
    }

    /**
     * {@link #open(BuildOptions, OutputMirror.Linker)} with {@code exportBesideRelatedUpTo} in place of
     * {@link SearchWork#EXPORT_BESIDE_RELATED_UP_TO}: a test's small site built the way of an archive above it.
     */
    static SiteBuild open(BuildOptions options, OutputMirror.Linker cacheLinker, int exportBesideRelatedUpTo)
            throws IOException, BuildFailedException {
        Problems problems = new Problems();
        SiteConfig config = ConfigLoader.load(options.projectDir(), options.overrides(), options.themeFallbackDir(),
                problems);
        Theme theme = new Theme(config.themeDir());
        Path shownTheme = shown(config.projectDir(), config.themeDir());
        if (!Files.isDirectory(theme.dir())) {
            problems.add(Problem.error(Path.of(ConfigLoader.FILE_NAME), 0, "theme " + Quote.code(config.theme()) + " not found in "
                    + config.themesDir(), "set `theme:` in site.yml to a folder of themes/"));
            throw new BuildFailedException(problems.sorted());
        }
        SinceLastBuild since = new SinceLastBuild();
        FileFingerprints fingerprints = new FileFingerprints(since);
        // Not with errors in site.yml: they are thrown with the templates' (below), and no build starts.
        DirectoryStart start = cacheLinker == null || problems.hasErrors() ? null
                : DirectoryStart.begin(config, theme, cacheLinker, fingerprints);
        try {
            SiteBuild build = open(options, problems, config, theme, shownTheme, since, fingerprints, start,
                    exportBesideRelatedUpTo);
            if (start != null) {
                build.directory.begunBeside(start, cacheLinker);
            } else if (cacheLinker != null) {
                build.useBuildCache(cacheLinker);
            }
            return build;
        } catch (IOException | BuildFailedException | RuntimeException | Error e) {
            if (start != null) {
                start.abandon();
            }
            throw e;
        }
    }

    /** The rest of {@link #open}, after the configuration: what needs a loaded theme. */
    private static SiteBuild open(BuildOptions options, Problems problems, SiteConfig config, Theme theme,
            Path shownTheme, SinceLastBuild since, FileFingerprints fingerprints, DirectoryStart start,
            int exportBesideRelatedUpTo) throws IOException, BuildFailedException {
        Translations translations = Translations.load(theme.i18n(), config.language(), shownTheme.resolve("i18n"),
                problems);
        SiteAssembler assembler = new SiteAssembler(config, since);
        TemplateRenderer renderer = new TemplateRenderer(theme, shownTheme, assembler.urls(), translations);
        problems.addAll(renderer.compileAll());
        if (problems.hasErrors()) {
            throw new BuildFailedException(problems.sorted());
        }
        long themeHash = ThemeHash.of(theme, config);
        // One hash of the theme's files for both: the build cache's key and the search keys' salt.
        CacheKey key = start == null ? CacheKey.of(theme, config) : start.key();
        SiteBuild build = new SiteBuild(options, config, theme, translations, since, fingerprints, assembler, renderer,
                key, themeHash,
                ThemeHash.mentions(theme, "articleCount"),
                ThemeHash.mentions(theme, "totalPages") || ThemeHash.mentions(theme, "totalItems"),
                exportBesideRelatedUpTo);
        build.configWarnings = problems.sorted();
        build.searchKeysSalt = new io.gazette.site.Fingerprint().add(key.gazette()).add(key.theme()).add(key.settings())
                .value();
        return build;
    }

    /** Where in {@code cacheDir} a build keeps what the next build of the project reuses. */
    public static Path buildCacheDir(Path cacheDir) {
        return cacheDir.resolve(DirectoryBuild.BUILD_CACHE_DIR);
    }

    /**
     * The Lucene index of record in a site's cache folder ({@link SiteConfig#cacheDir()}): what the
     * build's search brings up to date, and what {@code gazette search} and the preview's search read.
     */
    public static Path searchIndexDir(Path cacheDir) {
        return cacheDir.resolve(SearchIndexer.DIR_NAME);
    }

    public SiteConfig config() {
        return config;
    }

    /**
     * When the last generation's site changes by the clock alone (a scheduled article comes due,
     * a published one expires), or null when nothing is scheduled: the preview rebuilds then.
     */
    public java.time.Instant nextDue() {
        long due = assembler.nextDue();
        return due == Long.MAX_VALUE ? null : java.time.Instant.ofEpochSecond(due);
    }

    /** The build cache for {@link #buildToDirectory} (see {@link #openWithBuildCache}), its links made by {@code linker}. */
    void useBuildCache(OutputMirror.Linker linker) {
        directory.useBuildCache(linker);
    }

    /**
     * Why the last {@link #buildToDirectory} with the build cache made every file (no cache yet,
     * another Gazette, a changed theme or site.yml, a damaged cache), in one line; null when it
     * reused the last build's files, or did not use the cache.
     */
    public String fullBuildReason() {
        return directory.fullBuildReason();
    }

    /**
     * Why the last generation's static search index export wrote every file (no state of the last
     * one, a changed index, many articles renumbered), in one line; null when it updated the last one.
     */
    public String fullExportReason() {
        return fullExportReason;
    }

    /**
     * How many content files the last generation parsed (front matter and Markdown); with the
     * build cache, the unchanged ones are taken from it instead.
     */
    public int contentFilesParsed() {
        return content.parsedLastTime();
    }

    /**
     * How many articles the last generation's search sync read and compared with the index (the
     * others were known to be there as they are, see {@link SearchKeys}); -1 without a search.
     */
    public int searchDocumentsRead() {
        return lastSynced == null ? -1 : lastSynced.documentsRead();
    }

    /** How many content files the last generation listed. */
    public int contentFiles() {
        return content.listedLastTime();
    }

    /** {@code gazette build}: the whole site into the output directory, atomically. */
    public BuildResult buildToDirectory() throws IOException, BuildFailedException {
        keepRelated = true;
        return directory.build();
    }

    /**
     * Why the last generation's search computed the related articles of every article although
     * lists were kept from the last search (another Gazette, a damaged file, an index written
     * since), in one line; null when it updated them or there were none.
     */
    public String relatedFullReason() {
        return relatedReason;
    }

    /**
     * What the last generation's search computed again to bring the kept related lists up to date
     * (one line: articles changed, terms whose weight moved, lists scored again), or null when it
     * computed every list.
     */
    public String relatedReport() {
        return relatedReport;
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
     * Gives each generation's site model to {@code listener} as soon as it is made, before the
     * search: work that needs only the articles (the build's source map) can start then, on the
     * core the search leaves idle. Null for none.
     */
    void whenSiteModelMade(java.util.function.Consumer<Site> listener) {
        this.siteModelMade = listener;
    }

    /**
     * Runs {@code beforeOutput} in each generation before it first uses its sink or the
     * fingerprints: before the static index export starts or the pages are planned, not before
     * the search. A build directory's restoring of the last build's files (BuildCache) runs
     * until then on its own thread: at 100,000 articles, waited for right after the site model,
     * it held the main thread 0.3-0.6 s while the sync and the related update, which need
     * neither, could have run (inc13, fifteenth session). Null for none.
     */
    void whenOutputWanted(Runnable beforeOutput) {
        this.outputWanted = beforeOutput;
    }

    /** Where the stages and the count of written files are reported (nowhere by default). */
    public void progress(BuildProgress listener) {
        this.progress = listener == null ? BuildProgress.NONE : listener;
    }

    /**
     * @param withSearch false to skip the search work (analysis, related articles, static index,
     *                   Lucene) and reuse the last related lists: the preview renders a saved page
     *                   first and brings search up to date in a follow-up generation
     */
    public BuildResult generate(OutputSink sink, Set<Path> changed, long startNanos, boolean withSearch)
            throws IOException {
        Problems problems = new Problems();
        problems.addAll(configWarnings);
        StageTimes times = new StageTimes();
        BuildProgress progress = this.progress;
        since.start(changed);
        // A session's later searches update the lists they keep in memory; a first one reads the
        // last build's from the cache folder, beside the content stage (see SearchWork.KeptRelated).
        SearchWork.KeptRelated keptRelated = withSearch && lastSynced == null
                ? SearchWork.KeptRelated.startReading(config.cacheDir()) : null;
        ZonedDateTime now;
        Site site;
        Runnable beforeOutput;
        try {
            progress.stage("reading content");
            List<ArticleInput> inputs = content.load(problems, changed);
            times.lap("content + markdown");
            progress.stage("site model");
            now = ZonedDateTime.now(options.clock());
            site = assembler.assemble(inputs, now, problems);
            times.lap("site model");
            java.util.function.Consumer<Site> modelListener = siteModelMade;
            if (modelListener != null) {
                modelListener.accept(site);
            }
            progress.stage("search analysis");
            fingerprints.start(); // before the search: an edit's export may start beside the related lists
            beforeOutput = outputWanted;
            if (beforeOutput != null
                    && (!withSearch || SearchWork.smallEnoughToExportBesideRelated(site, exportBesideRelatedUpTo))) {
                beforeOutput.run(); // the export may start beside the related lists
                beforeOutput = null;
            }
        } catch (IOException | RuntimeException | Error e) {
            if (keptRelated != null) {
                keptRelated.discard();
            }
            throw e;
        }
        SearchWork search = withSearch ? SearchWork.start(site, config.cacheDir(), lastSynced, keepRelated, lastExport,
                searchKeysSalt, sink, fingerprints, exportBesideRelatedUpTo, keptRelated) : null;
        if (beforeOutput != null) {
            try {
                beforeOutput.run();
            } catch (RuntimeException | Error e) {
                search.awaitExportQuietly();
                throw e;
            }
        }
        if (search != null && search.relatedReport() != null) {
            // An incremental build (the kept related lists were updated): the export starts now,
            // into a build directory on its own thread, while the pages are planned and rendered;
            // it reads only the index, and its files are none of the pages'. At 100,000 articles
            // an added article's pages take ~0.45 s to plan and 0.05 s to render, against ~2 s of
            // export, which the main thread then waited for alone. A full build starts it after
            // the planning, as before: at 100,000 articles the full export and the planning of
            // every page at once ran out of the 1 GiB heap.
            search.startExport(sink, fingerprints);
        }
        List<Page> pages;
        List<PlannedFile> toProduce;
        boolean everything;
        try {
            if (search != null) {
                lastSynced = search.synced();
                relatedReason = search.relatedReason();
                relatedReport = search.relatedReport();
            }
            site = site.withRelated(relatedLinks.resolve(site, search == null ? null : search.related(),
                    search == null ? null : search.relatedListsChanged()));
            times.lap("search: analysis + related");
            if (search != null) {
                times.record("search: related (of the above)", search.relatedMillis());
                search.partMillis().forEach(times::record);
            }

            // After a failed generation (or with no generation before), look at every file: the
            // planners forget what they planned, and every file not planned again is deleted.
            everything = since.everything();
            PagePlanner.Wanted wanted = wantedByFingerprint();
            pages = pagePlanner.plan(site, wanted);
            times.lap("plan pages");
            List<PlannedFile> statics = staticFiles.plan(wanted, problems);
            toProduce = output.plan(site, pages, statics, wanted, now.toInstant());
            paths.dropUnused();
            times.lap("plan files");

            progress.stage("writing files");
            if (search != null) {
                search.startExport(sink, fingerprints); // unless started above; while the pages render
            }
            FileWriting.produceShowingFirst(toProduce, savedPages(everything ? null : since.articles()), sink, problems, progress, times);
        } catch (IOException | RuntimeException | Error e) {
            // The export thread must stop writing before the staging directory is deleted,
            // or it would make the folders again behind the deletion.
            if (search != null) {
                search.awaitExportQuietly();
            }
            throw e;
        } finally {
            // the theme's cached cards name this generation's articles only
            renderer.forgetCachedBlocks();
        }
        Set<String> changedPaths = new TreeSet<>();
        toProduce.forEach(f -> changedPaths.add(f.path()));
        times.lap("render + write");
        if (search != null) {
            progress.stage("search index");
            searchPaths.forEach(fingerprints::release);
            searchPaths = search.finish(sink, fingerprints, changedPaths, problems);
            lastExport = search.exportState();
            fullExportReason = search.fullExportReason();
        }
        times.lap("search: static index + lucene");
        deleteVanished(sink, everything, search != null, changedPaths);
        times.lap("delete vanished");
        commitOrRollback(problems);
        BuildStats stats = stats(site, toProduce, problems, startNanos, times);
        return new BuildResult(site, pages, stats, problems, Set.copyOf(changedPaths));
    }

    /** The most saved articles whose pages are shown ahead of the others. */
    private static final int SHOWN_FIRST = 8;

    /**
     * The output paths of the articles saved since the last build, when they are few enough to be
     * shown ahead of the list pages, neighbours and feeds (at 100,000 articles a title edit
     * re-renders list pages of tens of thousands of articles; the editor's own page need not wait).
     *
     * @param changes how the model's articles changed, or null when everything may have
     */
    private Set<String> savedPages(SinceLastBuild.ArticleChanges changes) {
        if (changes == null || changes.everything() || changes.added().isEmpty() || changes.added().size() > SHOWN_FIRST) {
            return Set.of();
        }
        Set<String> saved = new TreeSet<>();
        changes.added().forEach(article -> saved.add(paths.file(article.url())));
        return saved;
    }

    /** A file is wanted when its fingerprint moved since the last successful generation. */
    private PagePlanner.Wanted wantedByFingerprint() {
        return new PagePlanner.Wanted() {
            @Override
            public boolean test(String path, long fingerprint) {
                return fingerprints.record(path, fingerprint);
            }

            @Override
            public void released(String path) {
                fingerprints.release(path);
            }
        };
    }

    /**
     * Deletes the files the last successful generation produced and this one did not plan. A
     * generation without search keeps the static index from last time as it is.
     */
    private void deleteVanished(OutputSink sink, boolean everything, boolean searched, Set<String> changedPaths)
            throws IOException {
        Predicate<String> kept = searched ? path -> false : path -> path.startsWith(StaticIndexExporter.DIR + "/");
        for (String path : fingerprints.removeVanished(everything, kept)) {
            sink.delete(path);
            changedPaths.add(path);
        }
        if (sink instanceof DirectorySink directory) {
            directory.removeEmptiedFolders();
        }
    }

    /**
     * Keeps this generation's fingerprints when it had no errors, so the next one starts from
     * it; otherwise goes back to the last good ones, so that everything failed is produced again.
     */
    private void commitOrRollback(Problems problems) {
        boolean succeeded = !problems.hasErrors();
        since.finish(succeeded);
        if (succeeded) {
            fingerprints.commit();
        } else {
            fingerprints.rollback();
        }
    }

    private BuildStats stats(Site site, List<PlannedFile> produced, Problems problems, long startNanos,
            StageTimes times) {
        int warnings = (int) problems.sorted().stream().filter(p -> !p.isError()).count();
        int htmlPages = (int) produced.stream().filter(f -> f.path().endsWith(".html")).count();
        return new BuildStats(site.articles().size(), site.tags().size(), site.categories().size(), htmlPages,
                1 + site.tags().size() + site.categories().size(), assembler.aliasCount(), staticFiles.count(), warnings,
                (System.nanoTime() - startNanos) / 1_000_000, times.snapshot(), assembler.leftOut());
    }

    static Path shown(Path projectDir, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path project = projectDir.toAbsolutePath().normalize();
        return absolute.startsWith(project) ? project.relativize(absolute) : absolute;
    }
}
