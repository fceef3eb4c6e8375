package io.gazette.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Brings an existing {@code search/} folder up to date in place: a file whose bytes are already
 * there is not touched (same bytes, same modification time, nothing for a sync to upload), a
 * changed or new one is written beside and moved over, and {@link #deleteOthers} removes the
 * files of the folder no export wrote this time. With the static index's stable file names this
 * costs in proportion to the edit; what it did is counted for the report.
 */
public final class IndexFolderUpdate implements IndexFiles {
    private final Path root;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong writtenBytes = new AtomicLong();
    private final AtomicLong unchanged = new AtomicLong();
    private long deleted;

    /** @param root the site's output folder (the one holding {@code search/}) */
    public IndexFolderUpdate(Path root) {
        this.root = root;
    }

    @Override
    public void write(String path, byte[] content) throws IOException {
        if (!path.startsWith(StaticIndexExporter.DIR + "/")) {
            throw new IllegalArgumentException("not below search/: " + path);
        }
        seen.add(path);
        Path target = root.resolve(path);
        if (Files.isRegularFile(target) && Files.size(target) == content.length
                && Arrays.equals(Files.readAllBytes(target), content)) {
            unchanged.incrementAndGet();
            return;
        }
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.write(temp, content);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        written.incrementAndGet();
        writtenBytes.addAndGet(content.length);
    }

    /** Deletes the files below {@code search/} that were not written (or kept) since this was made. */
    public void deleteOthers() throws IOException {
        Path dir = root.resolve(StaticIndexExporter.DIR);
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> stale = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                String relative = root.relativize(p).toString().replace('\\', '/');
                if (Files.isRegularFile(p) && !seen.contains(relative)) {
                    stale.add(p);
                }
            });
        }
        for (Path p : stale) {
            Files.delete(p);
            deleted++;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isDirectory(p) && !p.equals(dir)) {
                    try (Stream<Path> inside = Files.list(p)) {
                        if (inside.findAny().isEmpty()) {
                            Files.delete(p);
                        }
                    }
                }
            }
        }
    }

    /** Files written because their bytes changed (or were new). */
    public long written() {
        return written.get();
    }

    /** Bytes of the files written. */
    public long writtenBytes() {
        return writtenBytes.get();
    }

    /** Files left as they were. */
    public long unchanged() {
        return unchanged.get();
    }

    /** Files deleted by {@link #deleteOthers}. */
    public long deleted() {
        return deleted;
    }
}
