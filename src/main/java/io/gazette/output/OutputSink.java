package io.gazette.output;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where generated files go: a staging directory for {@code gazette build}, the preview server's
 * snapshots for {@code gazette serve}. Paths are site-relative ({@code 2014/08/a/index.html}).
 * Implementations must accept calls from several threads.
 */
public interface OutputSink {
    void write(String path, byte[] content) throws IOException;

    /**
     * Writes the first {@code length} bytes of {@code content}. The array is the caller's, used
     * again once this returns (a build renders every page of a thread into one buffer): a sink
     * that keeps the bytes copies them, as this default does.
     */
    default void write(String path, byte[] content, int length) throws IOException {
        write(path, java.util.Arrays.copyOf(content, length));
    }

    /** Copies a file as is (static assets); sinks may link instead of copying. */
    void copy(String path, Path source) throws IOException;

    /**
     * The files written so far at these paths may be shown now, before the rest of the
     * generation: the preview publishes a saved article's page before the list pages naming it.
     * A sink that publishes everything at once (a build directory) does nothing.
     */
    default void showFirst(java.util.Collection<String> paths) throws IOException {
    }

    /**
     * The bytes of a file as the last generation left it, or null when the sink does not know
     * them: an export in proportion to the edit reads back the files it changes.
     */
    default byte[] previous(String path) throws IOException {
        return null;
    }

    /** Removes a file an earlier generation wrote (incremental rebuilds); a fresh directory has none. */
    default void delete(String path) throws IOException {
        throw new UnsupportedOperationException("this sink only receives whole builds");
    }
}
