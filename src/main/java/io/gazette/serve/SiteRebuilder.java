package io.gazette.serve;

import io.gazette.build.BuildOptions;
import io.gazette.build.BuildResult;
import io.gazette.build.SiteBuild;
import io.gazette.config.ConfigLoader;
import io.gazette.search.SearchIndexer;
import io.gazette.output.OutputSink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The real pipeline behind {@code gazette serve}. A saved article re-renders only the pages whose
 * fingerprint moved and is published at once; search (related articles, the static index, the
 * Lucene index behind {@code /api/search}) is brought up to date by a follow-up rebuild it queues
 * for itself. Settings or theme changes reopen the whole build.
 */
public final class SiteRebuilder implements Rebuilder {
    /** The change the rebuilder queues for itself: "search is behind the pages". */
    static final Path SEARCH_MARKER = Path.of("[search index]");

    private final BuildOptions options;
    private SiteBuild session;
    private ChangeListener queue = changes -> { };

    public SiteRebuilder(BuildOptions options) {
        this.options = options;
    }

    @Override
    public void followUps(ChangeListener controllerQueue) {
        this.queue = controllerQueue;
    }

    @Override
    public RebuildResult rebuild(ChangeSet changes, PreviewSite.Transaction site) throws Exception {
        long start = System.nanoTime();
        boolean reopen = session == null || changes.full() || changes.all().stream().anyMatch(SiteRebuilder::affectsAll);
        if (reopen) {
            session = null; // a failed open is retried in full next time
            SiteBuild opened = SiteBuild.open(options);
            site.clear();
            BuildResult result = opened.generate(new TransactionSink(site), null, start, true);
            session = opened;
            return RebuildResult.of(result.problems().sorted());
        }
        Set<Path> content = changes.all().stream()
                .filter(p -> !p.equals(SEARCH_MARKER))
                .map(p -> options.projectDir().resolve(p).normalize())
                .collect(Collectors.toCollection(TreeSet::new));
        boolean searchOnly = content.isEmpty();
        BuildResult result = session.generate(new TransactionSink(site), content, start, searchOnly);
        if (!searchOnly && !result.problems().hasErrors()) {
            queue.onChanges(new ChangeSet(new TreeSet<>(), new TreeSet<>(Set.of(SEARCH_MARKER)), new TreeSet<>(), false));
        }
        return RebuildResult.of(result.problems().sorted());
    }

    /** {@code /api/search} for a project, from the Lucene index its builds keep in the cache. */
    public static SearchEndpoint searchEndpoint(Path projectDir) {
        return new LuceneSearchEndpoint(projectDir.resolve(ConfigLoader.CACHE_DIR).resolve(SearchIndexer.DIR_NAME));
    }

    /** site.yml, themes and languages: everything depends on them. */
    private static boolean affectsAll(Path changed) {
        return changed.startsWith("themes") || changed.equals(Path.of("site.yml"));
    }

    /** The pipeline's output sink on top of a preview transaction. */
    private record TransactionSink(PreviewSite.Transaction site) implements OutputSink {
        @Override
        public void write(String path, byte[] content) {
            site.write(path, content);
        }

        @Override
        public void copy(String path, Path source) throws IOException {
            site.writeFile(path, source);
        }

        @Override
        public void delete(String path) {
            site.delete(path);
        }
    }
}
