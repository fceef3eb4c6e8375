package io.gazette.serve;

import io.methvin.watcher.visitor.FileTreeVisitor;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which files of a project the preview watches: those under its roots ({@code content/},
 * {@code themes/}, {@code static/}, {@code site.yml}) that {@link IgnoredFiles} does not name;
 * and the walks over them, for {@link ProjectWatcher} and for the watching library (as its
 * {@link FileTreeVisitor}), so that neither ever enters {@code public/} or {@code .git/}.
 */
final class WatchedTree {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectWatcher.class);

    private final Path projectDir;
    private final Set<String> roots;

    /** @param projectDir absolute and normalised */
    WatchedTree(Path projectDir, Set<String> roots) {
        this.projectDir = projectDir;
        this.roots = roots;
    }

    /** Inside a watched root and not in or under anything {@link IgnoredFiles} names. */
    boolean isWatched(Path path) {
        if (!path.startsWith(projectDir) || path.equals(projectDir)) {
            return false;
        }
        Path relative = projectDir.relativize(path);
        if (!roots.contains(relative.getName(0).toString())) {
            return false;
        }
        for (Path name : relative) {
            if (IgnoredFiles.isIgnoredName(name.toString())) {
                return false;
            }
        }
        return true;
    }

    /**
     * What the library registers and walks: the project folder itself (for {@code site.yml} and
     * roots created later), then only the watched roots, never {@code public/}, {@code .git/}...
     */
    void visit(Path start, FileTreeVisitor.Callback onDirectory, FileTreeVisitor.Callback onFile)
            throws IOException {
        Path top = start.toAbsolutePath().normalize();
        if (top.equals(projectDir)) {
            onDirectory.call(top);
            for (String root : roots) {
                Path path = projectDir.resolve(root);
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    visitTree(path, onDirectory, onFile);
                } else if (Files.isRegularFile(path)) {
                    onFile.call(path);
                }
            }
        } else if (isWatched(top)) {
            visitTree(top, onDirectory, onFile);
        }
    }

    private void visitTree(Path top, FileTreeVisitor.Callback onDirectory, FileTreeVisitor.Callback onFile)
            throws IOException {
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(top) && IgnoredFiles.isIgnored(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                onDirectory.call(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!IgnoredFiles.isIgnored(file) && attrs.isRegularFile()) {
                    onFile.call(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Calls {@code onFile} for every file below {@code top} that is not ignored. */
    void walk(Path top, Consumer<Path> onFile) throws IOException {
        visitTree(top, dir -> { }, onFile::accept);
    }

    /** {@link #walk}, for a folder that may be gone already. */
    void walkQuietly(Path top, Consumer<Path> onFile) {
        try {
            walk(top, onFile);
        } catch (IOException e) {
            // Gone again already (a temporary directory): its delete event will follow.
            LOG.debug("could not walk {}", top, e);
        }
    }
}
