package io.gazette.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the pipeline puts rendered output. Site paths are relative and '/'-separated
 * ({@code 2014/hoi-nghi/index.html}; a leading '/' is tolerated). Implementations are safe to call
 * from several rendering threads at once.
 */
public interface PageSink {

    void write(String sitePath, byte[] bytes);

    void delete(String sitePath);

    /** Copies a file (a static asset) without the caller loading it; same as write otherwise. */
    default void writeFile(String sitePath, Path source) {
        try {
            write(sitePath, Files.readAllBytes(source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
