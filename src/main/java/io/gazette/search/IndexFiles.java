package io.gazette.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the static index's files go, by site-relative path ({@code search/...}). Called from
 * several threads at once. Search's own small interface, so that it does not depend on the
 * output package: the build adapts its output sink to it.
 */
@FunctionalInterface
public interface IndexFiles {
    void write(String path, byte[] content) throws IOException;

    /**
     * The file at {@code path} stays as the last export wrote it: an export in proportion to
     * the edit names every file of the index, written or kept, so that a sink that deletes the
     * files not named knows which are still wanted. Nothing to do for a plain folder.
     */
    default void keep(String path) throws IOException {
    }

    /** The files of the last export, as an export in proportion to the edit reads them back. */
    interface Previous {
        /** The bytes of a file of the last export; null when it is not there. */
        byte[] read(String path) throws IOException;

        /** Whether a file of the last export is there, to be kept. */
        boolean has(String path);
    }

    /** Plain files below {@code root} (tests, tools). */
    static IndexFiles directory(Path root) {
        return (path, content) -> {
            Path target = root.resolve(path);
            Files.createDirectories(target.getParent());
            Files.write(target, content);
        };
    }
}
