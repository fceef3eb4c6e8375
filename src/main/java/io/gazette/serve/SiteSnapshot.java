package io.gazette.serve;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One whole version of the preview site, never modified once published: a request resolves every
 * path against the single snapshot it picked up first, so it cannot mix two builds.
 * {@code generation} counts commits, 0 being the empty site before the first build.
 */
public final class SiteSnapshot {
    private final long generation;
    private final SnapshotEntries entries;
    private final BlobStore store;

    SiteSnapshot(long generation, Map<String, SiteEntry> entries, BlobStore store) {
        this(generation, SnapshotEntries.of(entries), store);
    }

    SiteSnapshot(long generation, SnapshotEntries entries, BlobStore store) {
        this.generation = generation;
        this.entries = entries;
        this.store = store;
    }

    static SiteSnapshot empty(BlobStore store) {
        return new SiteSnapshot(0, SnapshotEntries.EMPTY, store);
    }

    public long generation() {
        return generation;
    }

    public Optional<SiteEntry> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public boolean contains(String key) {
        return entries.get(key) != null;
    }

    public int size() {
        return entries.size();
    }

    /** All site paths in sorted order. */
    public List<String> paths() {
        List<String> paths = new ArrayList<>(entries.size());
        entries.forEach((path, entry) -> paths.add(path));
        paths.sort(null);
        return List.copyOf(paths);
    }

    /** The bytes of a path; {@link java.nio.file.NoSuchFileException} when absent or swept away. */
    public byte[] read(String key) throws IOException {
        return store.read(require(key).blob());
    }

    public InputStream open(String key) throws IOException {
        return store.open(require(key).blob());
    }

    SnapshotEntries entries() {
        return entries;
    }

    private SiteEntry require(String key) throws IOException {
        SiteEntry entry = entries.get(key);
        if (entry == null) {
            throw new java.nio.file.NoSuchFileException(key);
        }
        return entry;
    }

    @Override
    public String toString() {
        return "SiteSnapshot[generation=" + generation + ", files=" + entries.size() + "]";
    }
}
