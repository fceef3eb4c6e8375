package io.gazette.build;

import io.gazette.config.SiteConfig;
import io.gazette.content.ArticleSource;
import io.gazette.content.ContentLoader;
import io.gazette.markdown.MarkdownRenderer;
import io.gazette.markdown.RenderedMarkdown;
import io.gazette.problems.Problems;
import io.gazette.site.ArticleInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    /** The content files, in the order of their path text; null until the first full listing. */
    private TreeMap<String, Path> files;
    /** The listing's own problems (symbolic links leading out), reported with every generation. */
    private List<io.gazette.problems.Problem> listingProblems = List.of();
    private final Map<Path, Entry> cache = new HashMap<>();

    /** A file's last result; {@code input} is empty when the file had errors. */
    private record Entry(Optional<ArticleInput> input, List<io.gazette.problems.Problem> problems) {
    }

    ContentStage(SiteConfig config) {
        this.projectDir = config.projectDir().toAbsolutePath().normalize();
        this.contentDir = config.contentDir().toAbsolutePath().normalize();
        // Absolute, normalised folders: listed paths then equal the changed paths a session is given.
        this.loader = new ContentLoader(projectDir, contentDir, config.timeZone());
        boolean rawHtml = Boolean.TRUE.equals(config.params().get("allowRawHtml"));
        this.markdown = new MarkdownRenderer(config.basePath(), rawHtml);
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
            cache.keySet().retainAll(new java.util.HashSet<>(files.values()));
        }
        if (toRead.size() == 1) {
            cache.put(toRead.get(0), read(toRead.get(0)));
        } else {
            toRead.parallelStream().map(file -> Map.entry(file, read(file))).toList()
                    .forEach(e -> cache.put(e.getKey(), e.getValue()));
        }
        problems.addAll(listingProblems);
        List<ArticleInput> inputs = new ArrayList<>(files.size());
        for (Path file : files.values()) {
            Entry entry = cache.get(file);
            if (!entry.problems().isEmpty()) {
                problems.addAll(entry.problems());
            }
            entry.input().ifPresent(inputs::add);
        }
        return inputs;
    }

    private void listAll() throws IOException {
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
            if (name.endsWith(".md") && !name.startsWith(".") && Files.isRegularFile(file)) {
                if (!isInsideContent(file)) {
                    return false; // a linked folder leading out: the walk reports it
                }
                files.put(file.toString(), file);
                toRead.add(file);
            } else if (files.remove(file.toString()) != null) {
                cache.remove(file);
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
        Optional<ArticleSource> source = loader.read(file, problems);
        Optional<ArticleInput> input = source.map(s -> {
            RenderedMarkdown body = markdown.render(s.markdown());
            long hash = Objects.hash(s.frontMatter(), s.markdown()) * 0x9E3779B97F4A7C15L + s.markdown().length();
            return new ArticleInput(s, body, hash);
        });
        return new Entry(input, problems.sorted());
    }
}
