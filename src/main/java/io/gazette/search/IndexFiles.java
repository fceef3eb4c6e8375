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

    /** Plain files below {@code root} (tests, tools). */
    static IndexFiles directory(Path root) {
        return (path, content) -> {
            Path target = root.resolve(path);
            Files.createDirectories(target.getParent());
            Files.write(target, content);
        };
    }
}
