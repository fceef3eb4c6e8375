package io.gazette.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes files below a root directory, refusing any path that would land outside it, and
 * remembering which paths were written twice (two pages claiming one URL) so the build can report
 * them instead of letting the last writer silently win.
 */
public final class DirectorySink implements OutputSink {
    private final Path root;
    private final Set<String> written = ConcurrentHashMap.newKeySet();
    private final Set<String> duplicates = ConcurrentHashMap.newKeySet();
    /**
     * Folders already made: 38,000 files go into 20,000 folders at 10,000 articles, and asking the
     * file system again for each file's folder chain is two system calls per level.
     */
    private final Set<Path> folders = ConcurrentHashMap.newKeySet();
    /** Folders a deletion may have left empty. */
    private final Set<Path> emptied = ConcurrentHashMap.newKeySet();
    /** Whether the directory starts with files that are hard links to kept copies (see {@link #replacing}). */
    private final boolean replaces;

    public DirectorySink(Path root) {
        this(root, false);
    }

    private DirectorySink(Path root, boolean replaces) {
        this.root = root.toAbsolutePath().normalize();
        this.replaces = replaces;
    }

    /**
     * A sink for a directory that already holds files, possibly hard links to copies kept
     * elsewhere (an incremental build's staging directory): a file is replaced by a new one,
     * never written into, so the kept copy is not changed through its link.
     */
    public static DirectorySink replacing(Path root) {
        return new DirectorySink(root, true);
    }

    @Override
    public void write(String path, byte[] content) throws IOException {
        write(path, content, content.length);
    }

    /** Writes the bytes straight from the caller's array, without keeping it. */
    @Override
    public void write(String path, byte[] content, int length) throws IOException {
        Path target = claim(path);
        if (replaces) {
            Files.deleteIfExists(target);
        }
        // One write of the whole page: Files.write hands a channel 8 KB at a time, two or
        // three system calls and copies for a page of 11 KB.
        try (FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content, 0, length);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    /** A file of the last build the directory started with (see {@link #replacing}); null otherwise. */
    @Override
    public byte[] previous(String path) throws IOException {
        if (!replaces) {
            return null;
        }
        Path target = root.resolve(path).normalize();
        if (!target.startsWith(root) || !Files.isRegularFile(target)) {
            return null;
        }
        return Files.readAllBytes(target);
    }

    /**
     * Deletes a file; the folders it leaves empty go at {@link #removeEmptiedFolders}, so the
     * directory looks as if the file had never been written.
     */
    @Override
    public void delete(String path) throws IOException {
        Path target = root.resolve(path).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IOException("refusing to delete outside the output directory: " + path);
        }
        Files.deleteIfExists(target);
        emptied.add(target.getParent());
    }

    /**
     * Removes the folders that deletions left empty, deepest first, once after all of them: a
     * new search index version deletes the tens of thousands of files of the last.
     */
    public void removeEmptiedFolders() throws IOException {
        java.util.TreeSet<Path> candidates = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
        for (Path folder : emptied) {
            for (Path f = folder; f != null && !f.equals(root) && f.startsWith(root); f = f.getParent()) {
                candidates.add(f);
            }
        }
        emptied.clear();
        for (Path folder : candidates) {
            try (var entries = Files.list(folder)) {
                if (entries.findAny().isPresent()) {
                    continue;
                }
            } catch (java.nio.file.NoSuchFileException e) {
                continue;
            }
            Files.delete(folder);
            folders.remove(folder);
        }
    }

    @Override
    public void copy(String path, Path source) throws IOException {
        Path target = claim(path);
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    }

    public Path root() {
        return root;
    }

    /** Paths written more than once, sorted. */
    public List<String> duplicates() {
        return List.copyOf(new TreeSet<>(duplicates));
    }

    public int fileCount() {
        return written.size();
    }

    private Path claim(String path) throws IOException {
        Path target = root.resolve(path).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IOException("refusing to write outside the output directory: " + path);
        }
        if (!written.add(path)) {
            duplicates.add(path);
        }
        Path folder = target.getParent();
        if (!folders.contains(folder)) {
            Files.createDirectories(folder);
            folders.add(folder);
        }
        return target;
    }
}
