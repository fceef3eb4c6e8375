package io.gazette.build;

import io.gazette.config.SiteConfig;
import io.gazette.content.ArticleSource;
import io.gazette.content.ContentLoader;
import io.gazette.content.FrontMatterLines;
import io.gazette.markdown.MarkdownRenderer;
import io.gazette.markdown.MarkdownTooDeep;
import io.gazette.problems.Problem;
import io.gazette.markdown.RenderedMarkdown;
import io.gazette.media.ArticleMedia;
import io.gazette.media.MediaCache;
import io.gazette.media.MediaRefs;
import io.gazette.media.MediaResolver;
import io.gazette.problems.Problems;
import io.gazette.site.ArticleInput;
import io.gazette.site.BodyStore;
import io.gazette.site.Fingerprint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Content files → validated front matter + rendered Markdown, in parallel. Keeps the result of
 * each file keyed by its path so a long-lived session (the preview server) re-reads only the files
 * that changed, and keeps the list of files so that it walks the content folder only for a full
 * generation: an incremental one updates the list from the changed paths.
 */
final class ContentStage {
    private final ContentLoader loader;
    private final MarkdownRenderer markdown;
    private final Path projectDir;
    private final Path contentDir;
    private final MediaCache mediaCache;
    private final String language;
    private final Path cacheDir;
    /**
     * Where rendered bodies go; a new one for each full reading, so that a long session's store
     * holds only the bodies of its last full reading and the edits since (an older store is
     * closed when no article of an older generation refers to it any more).
     */
    private BodyStore bodies;
    /** The content files, in the order of their path text; null until the first full listing. */
    private TreeMap<String, Path> files;
    /** The listing's own problems (symbolic links leading out), reported with every generation. */
    private List<io.gazette.problems.Problem> listingProblems = List.of();
    private final Map<Path, Entry> cache = new HashMap<>();
    /** How many cached files have problems: when none, no generation needs to look for them. */
    private int filesWithProblems;
    /** Whether files came or went since {@link #lastInputs} was made. */
    private boolean listingChanged = true;
    /** The last result, and where each file's input is in it, to patch it for edited files. */
    private List<ArticleInput> lastInputs;
    private Map<Path, Integer> positions = Map.of();

    /** Renderings kept from earlier builds ({@code gazette build} only), or null. */
    private volatile MarkdownCache markdownCache;

    /** A file's last result; {@code input} is empty when the file had errors. */
    private record Entry(Optional<ArticleInput> input, List<io.gazette.problems.Problem> problems) {
    }

    ContentStage(SiteConfig config, io.gazette.markdown.EmbedRenderer embeds) {
        this.projectDir = config.projectDir().toAbsolutePath().normalize();
        this.contentDir = config.contentDir().toAbsolutePath().normalize();
        // Absolute, normalised folders: listed paths then equal the changed paths a session is given.
        this.loader = new ContentLoader(projectDir, contentDir, config.timeZone());
        this.markdown = new MarkdownRenderer(config.basePath(), config.allowRawHtml(), embeds);
        this.mediaCache = new MediaCache(config.cacheDir());
        this.language = config.language();
        this.cacheDir = config.cacheDir();
    }

    /**
     * Reads every content file, or, with {@code changed} given, only the changed ones (files
     * added, modified or deleted since the last call, absolute or relative to the project; paths
     * outside {@code content/} are ignored), reporting into {@code problems}.
     */
    List<ArticleInput> load(Problems problems, Set<Path> changed) throws IOException {
        List<Path> toRead = new ArrayList<>();
        if (changed == null || files == null || !updateListing(changed, toRead)) {
            toRead.clear();
            listAll();
            for (Path file : files.values()) {
                if (changed == null || changed.contains(file) || !cache.containsKey(file)) {
                    toRead.add(file);
                }
            }
            java.util.Set<Path> listed = new java.util.HashSet<>(files.values());
            for (Path gone : List.copyOf(cache.keySet())) {
                if (!listed.contains(gone)) {
                    remember(gone, null);
                }
            }
        }
        if (changed == null || bodies == null) {
            bodies = BodyStore.create(cacheDir);
        }
        Map<Path, Entry> read = new HashMap<>();
        if (toRead.size() == 1) {
            read.put(toRead.get(0), read(toRead.get(0)));
        } else {
            toRead.parallelStream().map(file -> Map.entry(file, read(file))).toList()
                    .forEach(e -> read.put(e.getKey(), e.getValue()));
        }
        List<ArticleInput> inputs = listingChanged ? null : patched(read);
        read.forEach(this::remember);
        if (inputs == null) {
            inputs = new ArrayList<>(files.size());
            Map<Path, Integer> at = new HashMap<>(files.size() * 2);
            for (Path file : files.values()) {
                Optional<ArticleInput> input = cache.get(file).input();
                if (input.isPresent()) {
                    at.put(file, inputs.size());
                    inputs.add(input.get());
                }
            }
            positions = at;
            listingChanged = false;
        }
        lastInputs = inputs;
        problems.addAll(listingProblems);
        if (filesWithProblems > 0) {
            for (Path file : files.values()) {
                problems.addAll(cache.get(file).problems());
            }
        }
        return inputs;
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

    private void listAll() throws IOException {
        listingChanged = true;
        Problems listing = new Problems();
        files = new TreeMap<>();
        for (Path file : loader.listMarkdownFiles(listing)) {
            files.put(file.toString(), file);
        }
        listingProblems = listing.sorted();
    }

    /**
     * Applies changed paths to the listing, the way a walk would see them now; false when a
     * change needs a real walk (a directory, a symbolic link, anything but a plain file).
     */
    private boolean updateListing(Set<Path> changed, List<Path> toRead) {
        if (!listingProblems.isEmpty()) {
            return false;
        }
        for (Path path : changed) {
            Path file = projectDir.resolve(path).normalize();
            if (!file.startsWith(contentDir) || file.equals(contentDir)) {
                continue;
            }
            if (Files.isDirectory(file) || Files.isSymbolicLink(file)) {
                return false;
            }
            String name = file.getFileName().toString();
            String bundle = file.resolveSibling("index.md").toString();
            if (!name.endsWith(".md") && files.containsKey(bundle)) {
                // A photo or document of an article's folder: the article publishes it, read it again.
                toRead.add(files.get(bundle));
                continue;
            }
            if (name.endsWith(".md") && !name.startsWith(".") && Files.isRegularFile(file)) {
                if (!isInsideContent(file)) {
                    return false; // a linked folder leading out: the walk reports it
                }
                if (files.put(file.toString(), file) == null) {
                    listingChanged = true;
                }
                toRead.add(file);
            } else if (files.remove(file.toString()) != null) {
                remember(file, null);
                listingChanged = true;
            } else {
                String below = file + file.getFileSystem().getSeparator();
                String next = files.ceilingKey(below);
                if (next != null && next.startsWith(below)) {
                    return false; // a folder went away with files we listed
                }
            }
        }
        return true;
    }

    private boolean isInsideContent(Path file) {
        try {
            return file.toRealPath().startsWith(contentDir.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private Entry read(Path file) {
        Problems problems = new Problems();
        Path shown = loader.shown(file);
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = 0; // reading it reports the problem
        }
        Optional<ArticleInput> input;
        try (Watchdog.Handle watched = Watchdog.SHARED.watch(shown, size, "reading and rendering")) {
            Optional<ArticleSource> source = loader.read(file, problems);
            input = source.flatMap(s -> render(file, s, problems));
        } catch (RuntimeException | StackOverflowError e) {
            // The last resort: a bug met by one file must not end the build, so that every
            // other file is still read and every other problem reported.
            problems.add(Problem.error(shown, 1, "Gazette failed on this file: " + e,
                    "this is a bug in Gazette; please report it with the file attached, and until then"
                            + " simplify the part of the file you changed last"));
            input = Optional.empty();
        }
        return new Entry(input, problems.sorted());
    }

    /** Takes renderings from {@code cache} and keeps new ones there (null: none). */
    void useMarkdownCache(MarkdownCache cache) {
        this.markdownCache = cache;
    }

    private Optional<ArticleInput> render(Path file, ArticleSource s, Problems problems) {
        MarkdownCache cache = markdownCache;
        // A bundle's rendering depends on the files of its folder too: never kept.
        MarkdownCache.Key key = cache == null || file.getFileName().toString().equals("index.md") ? null
                : MarkdownCache.keyOf(s.path().toString(), s.frontMatter().image(), s.bodyFirstLine(), s.markdown());
        RenderedMarkdown kept = key == null ? null : cache.get(key);
        if (kept != null) {
            return Optional.of(input(s, kept, ArticleMedia.NONE));
        }
        MediaResolver media = new MediaResolver(contentDir, file, s.path(), mediaCache, language);
        String image = s.frontMatter().image();
        if (MediaRefs.isRelative(image)) {
            media.lead(image, FrontMatterLines.lineOf(file, "image"));
        }
        RenderedMarkdown body;
        try {
            body = markdown.render(s.markdown(), media, s.bodyFirstLine());
        } catch (MarkdownTooDeep e) {
            problems.add(Problem.error(s.path(), s.bodyFirstLine() + e.line() - 1, e.getMessage(), e.hint()));
            return Optional.empty();
        }
        ArticleMedia published = media.result();
        problems.addAll(media.problems());
        if (key != null && published == ArticleMedia.NONE && media.problems().isEmpty()) {
            // Nothing but the Markdown went into this rendering: the next build may take it as is.
            cache.put(key, body);
        }
        return Optional.of(input(s, body, published));
    }

    private ArticleInput input(ArticleSource s, RenderedMarkdown body, ArticleMedia published) {
        long hash = SourceHash.of(s);
        // Nothing reads the Markdown once it is rendered and hashed, and every input is kept
        // for the whole build (and session): dropping it keeps a third of the article text
        // (26 M characters, 52 MB, at 10,000 real articles) out of the heap.
        ArticleSource kept = new ArticleSource(s.path(), s.frontMatter(), "", s.bodyFirstLine());
        // The body goes to disk: the model keeps its place there, not its text.
        return new ArticleInput(kept, bodies.put(body), new Fingerprint().add(hash).add(published.hash()).value(),
                published);
    }
}
