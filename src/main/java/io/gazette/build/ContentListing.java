package io.gazette.build;

import io.gazette.content.ContentLoader;
import io.gazette.problems.Problem;
import io.gazette.problems.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The content files of a session, in the order of their path text: listed by a walk of
 * {@code content/} for a full reading, and for an incremental one updated from the changed paths
 * the way a walk would see them now (a real walk only when a change needs one: a folder, a
 * symbolic link, a listing that had problems).
 */
final class ContentListing {
    private final ContentLoader loader;
    private final Path projectDir;
    private final Path contentDir;
    /** The content files by path text; null until the first walk. */
    private TreeMap<String, Path> files;
    /** The walk's own problems (symbolic links leading out), reported with every generation. */
    private List<Problem> problems = List.of();
    /** Whether files came or went since {@link #settle}. */
    private boolean changed = true;

    /** @param projectDir and {@code contentDir} absolute and normalised, as the loader's */
    ContentListing(ContentLoader loader, Path projectDir, Path contentDir) {
        this.loader = loader;
        this.projectDir = projectDir;
        this.contentDir = contentDir;
    }

    /** Whether a walk was made. */
    boolean listed() {
        return files != null;
    }

    /** Walks {@code content/}. */
    void listAll() throws IOException {
        changed = true;
        Problems found = new Problems();
        files = new TreeMap<>();
        for (Path file : loader.listMarkdownFiles(found)) {
            files.put(file.toString(), file);
        }
        problems = found.sorted();
    }

    /**
     * Applies changed paths to the listing, the way a walk would see them now, adding the files to
     * read again to {@code toRead} and those gone to {@code gone}; false when a change needs a
     * real walk (a directory, a symbolic link, anything but a plain file).
     */
    boolean update(Set<Path> changedPaths, List<Path> toRead, List<Path> gone) {
        if (!problems.isEmpty()) {
            return false;
        }
        for (Path path : changedPaths) {
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
                    changed = true;
                }
                toRead.add(file);
            } else if (files.remove(file.toString()) != null) {
                gone.add(file);
                changed = true;
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

    /** The listed files, in the order of their path text. */
    Collection<Path> files() {
        return files.values();
    }

    int size() {
        return files.size();
    }

    /** The last walk's problems. */
    List<Problem> problems() {
        return problems;
    }

    /** Whether files came or went since the last {@link #settle}. */
    boolean changed() {
        return changed;
    }

    /** The list of inputs now follows the listing. */
    void settle() {
        changed = false;
    }
}
