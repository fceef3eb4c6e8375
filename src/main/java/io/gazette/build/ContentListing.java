package io.gazette.build;

import io.gazette.content.ContentLoader;
import io.gazette.problems.Problem;
import io.gazette.problems.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

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
    /**
     * The content files by the text of their path below {@code content/} (the order of their
     * whole path's text: they all begin with the folder's); made from {@link #walked} when a
     * session first updates the listing. Without the folder's 40-odd characters in front, sorting
     * 100,000 keys compares far fewer.
     */
    private TreeMap<String, Path> files;
    /**
     * The files of the last walk, in the same order, until an update needs {@link #files}; null
     * before the first walk. A walk's files sorted once, at its end: put into the tree one by one
     * as the walk listed them, every file cost a descent of the tree on the walk's thread, which
     * the content stage waits for (~0.1 s of CPU at 100,000 articles, in every build), and
     * {@code gazette build} never updates a listing.
     */
    private List<Path> walked;
    /** How many characters of a file's path text name {@code content/} and its separator. */
    private final int prefix;
    /** When the last walk started (wall clock, nanoseconds since the epoch). */
    private long walkNanos;
    /** The walk's own problems (symbolic links leading out), reported with every generation. */
    private List<Problem> problems = List.of();
    /** Whether files came or went since {@link #settle}. */
    private boolean changed = true;

    /** @param projectDir and {@code contentDir} absolute and normalised, as the loader's */
    ContentListing(ContentLoader loader, Path projectDir, Path contentDir) {
        this.loader = loader;
        this.projectDir = projectDir;
        this.contentDir = contentDir;
        String folder = contentDir.toString();
        this.prefix = folder.length() + (folder.endsWith(contentDir.getFileSystem().getSeparator()) ? 0 : 1);
    }

    /** The key of a file below {@code content/} (absolute and normalised). */
    private String key(Path file) {
        return file.toString().substring(prefix);
    }

    /** Whether a walk was made. */
    boolean listed() {
        return files != null || walked != null;
    }

    /**
     * Walks {@code content/}, giving each file to {@code found} as the walk lists it, with its
     * {@link FileStat} as the walk read it (null for a symbolic link, stated through it when it is
     * read, and where the JDK's own attributes cannot be read: see {@link FileStat#of(java.nio.file.attribute.BasicFileAttributes)}):
     * the walk asks every file whether it is a symbolic link, and the same {@code lstat} answers
     * that and gives the stat, one system call per file instead of two. {@code found}
     * runs on this thread; the content stage hands each file to its reading threads from there,
     * so that they read while the walk goes on.
     */
    void listAll(BiConsumer<Path, FileStat> found) throws IOException {
        changed = true;
        Problems problems = new Problems();
        List<Listed> listed = new ArrayList<>();
        walkNanos = FileSystemClock.wallNanos();
        loader.walkMarkdownFiles(problems, (file, attributes) -> {
            listed.add(new Listed(key(file), file));
            found.accept(file, attributes == null ? null : FileStat.of(attributes));
        });
        listed.sort(null);
        List<Path> inOrder = new ArrayList<>(listed.size());
        for (Listed file : listed) {
            inOrder.add(file.file());
        }
        walked = inOrder;
        files = null;
        this.problems = problems.sorted();
    }

    /** A file the walk listed, by its key: in the order of the keys' text (no two files have one key). */
    private record Listed(String key, Path file) implements Comparable<Listed> {
        @Override
        public int compareTo(Listed other) {
            return key.compareTo(other.key);
        }
    }

    /** The listing as a tree, which updates need; made from the walk's list the first time. */
    private TreeMap<String, Path> tree() {
        if (files == null) {
            files = new TreeMap<>();
            for (Path file : walked) {
                files.put(key(file), file);
            }
            walked = null;
        }
        return files;
    }

    /** When the last walk started (wall clock, nanoseconds since the epoch): its stats were settled by then. */
    long walkNanos() {
        return walkNanos;
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
        TreeMap<String, Path> files = tree();
        for (Path path : changedPaths) {
            Path file = projectDir.resolve(path).normalize();
            if (!file.startsWith(contentDir) || file.equals(contentDir)) {
                continue;
            }
            if (Files.isDirectory(file) || Files.isSymbolicLink(file)) {
                return false;
            }
            String name = file.getFileName().toString();
            String bundle = key(file.resolveSibling("index.md"));
            if (!name.endsWith(".md") && files.containsKey(bundle)) {
                // A photo or document of an article's folder: the article publishes it, read it again.
                toRead.add(files.get(bundle));
                continue;
            }
            if (name.endsWith(".md") && !name.startsWith(".") && Files.isRegularFile(file)) {
                if (!isInsideContent(file)) {
                    return false; // a linked folder leading out: the walk reports it
                }
                if (files.put(key(file), file) == null) {
                    changed = true;
                }
                toRead.add(file);
            } else if (files.remove(key(file)) != null) {
                gone.add(file);
                changed = true;
            } else {
                String below = key(file) + file.getFileSystem().getSeparator();
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
        return files != null ? files.values() : walked;
    }

    int size() {
        return files != null ? files.size() : walked.size();
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
