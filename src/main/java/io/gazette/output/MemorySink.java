package io.gazette.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Collects files in memory, for a stage whose output is compared before it is written on. */
public final class MemorySink implements OutputSink {
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    @Override
    public void write(String path, byte[] content) {
        files.put(path, content);
    }

    @Override
    public void copy(String path, Path source) throws IOException {
        files.put(path, Files.readAllBytes(source));
    }

    @Override
    public void delete(String path) {
        files.remove(path);
    }

    /** Path → content, sorted by path. */
    public Map<String, byte[]> contents() {
        return new TreeMap<>(files);
    }
}
