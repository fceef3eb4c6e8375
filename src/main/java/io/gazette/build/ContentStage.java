package io.gazette.build;

import io.gazette.config.SiteConfig;
import io.gazette.content.ArticleSource;
import io.gazette.content.ContentLoader;
import io.gazette.content.FrontMatterLines;
import io.gazette.markdown.DeepStack;
import io.gazette.markdown.MarkdownRenderer;
import io.gazette.markdown.MarkdownTooDeep;
import io.gazette.problems.Problem;
import io.gazette.markdown.RenderedMarkdown;
import io.gazette.media.ArticleMedia;
import io.gazette.media.MediaCache;
import io.gazette.media.MediaRefs;
import io.gazette.media.MediaResolver;
import io.gazette.problems.Problems;
import io.gazette.site.ArticleBody;
import io.gazette.site.ArticleInput;
import io.gazette.site.BodyStore;
import io.gazette.site.Fingerprint;
import io.gazette.site.InputFacts;
import io.gazette.site.SiteUrls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Content files → validated front matter + rendered Markdown, in parallel. Keeps the result of
 * each file keyed by its path so a long-lived session (the preview server) re-reads only the files
 * that changed, and keeps the list of files ({@link ContentListing}) so that it walks the content
 * folder only for a full generation: an incremental one updates the list from the changed paths.
 */
final class ContentStage {
    private final ContentLoader loader;
    private final MarkdownRenderer markdown;
    private final Path projectDir;
    private final Path contentDir;
    private final MediaCache mediaCache;
    private final String language;
    private final Path cacheDir;
    /** Where articles go: what the content cache keeps of an article includes its URL ({@link io.gazette.site.InputFacts}). */
    private final SiteUrls urls;
    /**
     * Where rendered bodies go; a new one for each full reading, so that a long session's store
     * holds only the bodies of its last full reading and the edits since (an older store is
     * closed when no article of an older generation refers to it any more).
     */
    private BodyStore bodies;
    private final ContentListing listing;
    private final Map<Path, Entry> cache = new HashMap<>();
    /** How many cached files have problems: when none, no generation needs to look for them. */
    private int filesWithProblems;
    /** The last result, and where each file's input is in it, to patch it for edited files. */
    private List<ArticleInput> lastInputs;
    private Map<Path, Integer> positions = Map.of();

    /** Files the last {@link #load} parsed (the others came from the content cache, or were not read). */
    private final AtomicInteger parsed = new AtomicInteger();

    /** Files' results kept from earlier builds ({@code gazette build} only), or null. */
    private volatile ContentCache contentCache;

    /** A file's last result; {@code input} is empty when the file had errors. */
    private record Entry(Optional<ArticleInput> input, List<io.gazette.problems.Problem> problems) {
    }

    ContentStage(SiteConfig config, io.gazette.markdown.EmbedRenderer embeds) {
        this.projectDir = config.projectDir().toAbsolutePath().normalize();
        this.contentDir = config.contentDir().toAbsolutePath().normalize();
        // Absolute, normalised folders: listed paths then equal the changed paths a session is given.
        this.loader = new ContentLoader(projectDir, contentDir, config.timeZone());
        this.listing = new ContentListing(loader, projectDir, contentDir);
        this.markdown = new MarkdownRenderer(config.basePath(), config.allowRawHtml(), embeds);
        this.mediaCache = new MediaCache(config.cacheDir());
        this.language = config.language();
        this.cacheDir = config.cacheDir();
        this.urls = SiteUrls.of(config);
    }

    /**
     * Reads every content file, or, with {@code changed} given, only the changed ones (files
     * added, modified or deleted since the last call, absolute or relative to the project; paths
     * outside {@code content/} are ignored), reporting into {@code problems}.
     */
    List<ArticleInput> load(Problems problems, Set<Path> changed) throws IOException {
        parsed.set(0);
        if (changed == null || bodies == null) {
            bodies = BodyStore.create(cacheDir);
        }
        List<Path> toRead = new ArrayList<>();
        List<Path> gone = new ArrayList<>();
        Map<Path, Entry> read;
        if (changed != null && listing.listed() && listing.update(changed, toRead, gone)) {
            read = readEach(toRead);
        } else {
            gone.clear();
            read = listAndRead(changed);
            if (!cache.isEmpty()) { // a session's later walk: files may have gone
                Set<Path> listed = new HashSet<>(listing.files());
                for (Path file : cache.keySet()) {
                    if (!listed.contains(file)) {
                        gone.add(file);
                    }
                }
            }
        }
        gone.forEach(file -> remember(file, null));
        List<ArticleInput> inputs = listing.changed() ? null : patched(read);
        read.forEach(this::remember);
        if (inputs == null) {
            inputs = new ArrayList<>(listing.size());
            Map<Path, Integer> at = new HashMap<>(listing.size() * 2);
            for (Path file : listing.files()) {
                Optional<ArticleInput> input = cache.get(file).input();
                if (input.isPresent()) {
                    at.put(file, inputs.size());
                    inputs.add(input.get());
                }
            }
            positions = at;
            listing.settle();
        }
        lastInputs = inputs;
        problems.addAll(listing.problems());
        if (filesWithProblems > 0) {
            for (Path file : listing.files()) {
                problems.addAll(cache.get(file).problems());
            }
        }
        return inputs;
    }

    /**
     * Walks {@code content/} and reads each file the walk lists that {@code changed} names (all
     * when null) or that has no result yet, on Flexmark's large-stack threads while the walk goes
     * on: at 10,000 articles the walk (one {@code lstat} per file) took as long as finding the
     * 10,000 unchanged files in the content cache after it.
     */
    private Map<Path, Entry> listAndRead(Set<Path> changed) throws IOException {
        Map<Path, Entry> read = new ConcurrentHashMap<>();
        // The walk's thread decides what to read: nothing changes the results kept before the reading is done.
        DeepStack.<Listed>forEachAsGiven(
                take -> listing.listAll((file, stat) -> {
                    if (changed == null || changed.contains(file) || !cache.containsKey(file)) {
                        take.accept(new Listed(file, stat));
                    }
                }),
                listed -> read.put(listed.file(), read(listed.file(), listed.stat())));
        return read;
    }

    /** A file as the walk listed it, with the stat the walk read (null for a symbolic link). */
    private record Listed(Path file, FileStat stat) {
    }

    /** Reads the given files (an update of the listing named them), each stated when it is read. */
    private Map<Path, Entry> readEach(List<Path> files) {
        Map<Path, Entry> read = new HashMap<>();
        if (files.size() == 1) {
            read.put(files.get(0), read(files.get(0), null));
        } else {
            // On Flexmark's large-stack threads: it then runs where the file is read.
            List<Entry> entries = DeepStack.map(files, file -> read(file, null));
            for (int i = 0; i < entries.size(); i++) {
                read.put(files.get(i), entries.get(i));
            }
        }
        return read;
    }

    /**
     * The last inputs with those of re-read files replaced, or null when that is not enough: a
     * file that gained or lost its input (it had errors, or has them now) changes the list.
     */
    private List<ArticleInput> patched(Map<Path, Entry> read) {
        List<ArticleInput> inputs = lastInputs;
        for (Map.Entry<Path, Entry> file : read.entrySet()) {
            Entry before = cache.get(file.getKey());
            Optional<ArticleInput> input = file.getValue().input();
            if (inputs == null || before == null || before.input().isPresent() != input.isPresent()) {
                return null;
            }
            if (input.isPresent()) {
                if (inputs == lastInputs) {
                    inputs = new ArrayList<>(lastInputs);
                }
                inputs.set(positions.get(file.getKey()), input.get());
            }
        }
        return inputs;
    }

    /** Caches a file's result (null: the file is gone), keeping count of files with problems. */
    private void remember(Path file, Entry entry) {
        Entry before = entry == null ? cache.remove(file) : cache.put(file, entry);
        if (before != null && !before.problems().isEmpty()) {
            filesWithProblems--;
        }
        if (entry != null && !entry.problems().isEmpty()) {
            filesWithProblems++;
        }
    }

    /**
     * @param walkStat the stat the walk that listed {@code file} read of it (settled by the walk's
     *                 start), or null: the file is stated now
     */
    private Entry read(Path file, FileStat walkStat) {
        Path shown = loader.shown(file);
        // A bundle's result depends on the files of its folder too: never kept.
        ContentCache cache = isBundle(file) ? null : contentCache;
        // Stat first, then read: a write after the stat shows in the next build's. The walk
        // stated the files it listed; the stat's size is the watchdog's too (a second stat per
        // file cost 100,000 calls at 100,000 articles).
        FileStat walkedStat = cache == null ? null : walkStat;
        FileStat stat = walkedStat != null || cache == null ? walkedStat : FileStat.of(file);
        long size;
        try {
            size = stat != null ? stat.size() : Files.size(file);
        } catch (IOException e) {
            size = 0; // reading it reports the problem
        }
        Optional<ArticleInput> input;
        Problems problems = null; // made only for a file that is parsed: most are found in the cache
        try (Watchdog.Handle watched = Watchdog.SHARED.watch(shown, size, "reading and rendering")) {
            // For a stat the walk read, the time it started: the stat must be settled by then.
            long readNanos = walkedStat != null ? listing.walkNanos() : FileSystemClock.wallNanos();
            String path = shown.toString();
            // Unchanged since the last build saw it: its entry is found without reading it.
            SourceHash hash = cache == null ? null : cache.knownHash(path, stat);
            ContentCache.Parsed kept = hash == null ? null : cache.get(hash);
            byte[] bytes = null;
            if (kept == null) {
                problems = new Problems();
                bytes = loader.readBytes(file, problems);
                if (bytes == null) {
                    return new Entry(Optional.empty(), problems.sorted());
                }
                hash = SourceHash.of(shown, bytes);
                kept = cache == null ? null : cache.get(hash);
            }
            if (kept != null) {
                cache.saw(path, stat, hash, readNanos);
                ArticleSource source = new ArticleSource(shown, kept.frontMatter(), "", kept.bodyFirstLine());
                return new Entry(Optional.of(new ArticleInput(source, kept.body(),
                        new Fingerprint().add(hash.contentHash()).add(ArticleMedia.NONE.hash()).value(), ArticleMedia.NONE,
                        kept.facts())),
                        List.of());
            }
            parsed.incrementAndGet();
            Problems reported = problems;
            Optional<ArticleSource> source = loader.parse(file, bytes, reported);
            SourceHash read = hash;
            input = source.flatMap(s -> render(file, s, read, cache, reported));
            if (cache != null && input.isPresent() && input.get().body() instanceof ContentCache.Body) {
                cache.saw(path, stat, hash, readNanos); // kept: the next build may find it by its stat
            }
        } catch (RuntimeException | StackOverflowError e) {
            // The last resort: a bug met by one file must not end the build, so that every
            // other file is still read and every other problem reported.
            if (problems == null) {
                problems = new Problems();
            }
            problems.add(Problem.error(shown, 1, "Gazette failed on this file: " + e,
                    "this is a bug in Gazette; please report it with the file attached, and until then"
                            + " simplify the part of the file you changed last"));
            input = Optional.empty();
        }
        return new Entry(input, problems.sorted());
    }

    /**
     * Whether {@code file} is an article's folder's {@code index.md}, from the path's text (the
     * listing made it): its own file name object for each of 100,000 files was garbage.
     */
    private static boolean isBundle(Path file) {
        String text = file.toString();
        return text.endsWith("index.md") && file.getFileName().toString().equals("index.md");
    }

    /** How many files the last {@link #load} parsed: read, but not found in the content cache. */
    int parsedLastTime() {
        return parsed.get();
    }

    /** How many content files the last {@link #load} listed. */
    int listedLastTime() {
        return listing.listed() ? listing.size() : 0;
    }

    /** Takes files' results from {@code cache} and keeps new ones there (null: none). */
    void useContentCache(ContentCache cache) {
        this.contentCache = cache;
    }

    /** @param cache where to keep the result, or null when it must not be kept */
    private Optional<ArticleInput> render(Path file, ArticleSource s, SourceHash hash, ContentCache cache,
            Problems problems) {
        MediaResolver media = new MediaResolver(contentDir, file, s.path(), mediaCache, language);
        String image = s.frontMatter().image();
        if (MediaRefs.isRelative(image)) {
            media.lead(image, FrontMatterLines.lineOf(file, "image"));
        }
        RenderedMarkdown rendered;
        try {
            rendered = markdown.render(s.markdown(), media, s.bodyFirstLine());
        } catch (MarkdownTooDeep e) {
            problems.add(Problem.error(s.path(), s.bodyFirstLine() + e.line() - 1, e.getMessage(), e.hint()));
            return Optional.empty();
        }
        ArticleMedia published = media.result();
        problems.addAll(media.problems());
        ArticleBody body = null;
        InputFacts facts = null;
        if (cache != null && published == ArticleMedia.NONE && problems.isEmpty()) {
            // Nothing but the file's bytes went into this result, and nothing is reported about
            // it: the next build may take it as is. Its body is written there, and only there;
            // the facts kept with it serve this build's model too.
            ContentCache.Parsed cached = cache.put(hash, s.path(), s.frontMatter(), s.bodyFirstLine(), rendered, urls);
            if (cached != null) {
                body = cached.body();
                facts = cached.facts();
            }
        }
        if (body == null) {
            body = bodies.put(rendered); // the model keeps the body's place on disk, not its text
        }
        // Nothing reads the Markdown once it is rendered, and every input is kept for the whole
        // build (and session): dropping it keeps a third of the article text (26 M characters,
        // 52 MB, at 10,000 real articles) out of the heap.
        ArticleSource kept = new ArticleSource(s.path(), s.frontMatter(), "", s.bodyFirstLine());
        return Optional.of(new ArticleInput(kept, body,
                new Fingerprint().add(hash.contentHash()).add(published.hash()).value(), published, facts));
    }
}
