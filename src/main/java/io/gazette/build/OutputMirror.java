package io.gazette.build;

import io.gazette.output.TreeDeletion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last build's site kept in {@code .gazette/cache/build/site/}, file for file, so that a
 * build without {@code public/} (a fresh CI checkout with the cache restored) still has every
 * unchanged file at hand. Files are hard links to the published ones: no bytes copied, no space
 * used twice.
 *
 * <p>Where links are impossible (the output folder is on another file system than
 * {@code .gazette/}, say a RAM disk) nothing is kept here: copying the whole site on every build
 * would cost about what making it costs. The output folder itself is then the only source of
 * unchanged files; the recorded size and time of each file are those of the published file, so
 * the next build reuses {@code public/} while it still matches (and is still the same file: its
 * inode), and makes every file when it is gone ({@link BuildCache} says so).
 *
 * <p>A kept or published file is trusted only while its size and modification second are those
 * recorded: a file changed in place (a hard link shares its bytes with {@code public/}) or lost
 * is simply made again. Writers never change a file in place: the staging sink replaces files
 * ({@link io.gazette.output.DirectorySink#replacing}).
 */
final class OutputMirror {
    /** Makes {@code link} a hard link to {@code existing}; fails where the file systems differ. */
    @FunctionalInterface
    interface Linker {
        void link(Path existing, Path link) throws IOException;
    }

    static final Linker HARD_LINKS = (existing, link) -> Files.createLink(link, existing);

    private final Path root;
    private final Linker linker;
    /** Whether a file had to be copied rather than linked (another file system) since this mirror was made. */
    private volatile boolean copied;

    OutputMirror(Path root, Linker linker) {
        this.root = root;
        this.linker = linker;
    }

    Path root() {
        return root;
    }

    /**
     * Puts every file of {@code files} whose recorded size and time still hold into
     * {@code staging}: from the kept copies when {@code mirrored} (only Gazette writes those),
     * else from {@code output}, the published site, where the file must also still be the very
     * file recorded (its inode): a {@code public/} replaced by another build or tool, even with
     * files of the same size and second, is not taken for the recorded one. Returns the paths
     * it put there. Runs on every core: a large site has tens of thousands.
     */
    Set<String> populate(Path staging, Path output, boolean mirrored, Map<String, BuildStateFile.Entry> files) {
        Set<String> placed = ConcurrentHashMap.newKeySet();
        Set<Path> folders = ConcurrentHashMap.newKeySet();
        Path from = mirrored ? root : output;
        files.entrySet().parallelStream().forEach(file -> {
            try {
                Path source = from.resolve(file.getKey());
                if (!intact(source, file.getValue(), !mirrored)) {
                    return; // changed in place, replaced or lost: made again
                }
                Path target = staging.resolve(file.getKey());
                Path folder = target.getParent();
                if (!folders.contains(folder)) {
                    Files.createDirectories(folder);
                    folders.add(folder);
                }
                linkOrCopy(source, target);
                placed.add(file.getKey());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return placed;
    }

    private static boolean intact(Path file, BuildStateFile.Entry recorded, boolean sameInode) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return attributes.isRegularFile() && attributes.size() == recorded.size()
                    && second(attributes) == recorded.modifiedSecond()
                    && (!sameInode || (recorded.inode() >= 0 && inode(file) == recorded.inode()));
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** The file's inode number, or -1 where the file system has none to tell. */
    private static long inode(Path file) throws IOException {
        try {
            Object ino = Files.getAttribute(file, "unix:ino", LinkOption.NOFOLLOW_LINKS);
            return ino instanceof Number number ? number.longValue() : -1;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return -1;
        }
    }

    /** What {@link #update} kept: each file's recorded entry, and whether the copies are here. */
    record Kept(Map<String, BuildStateFile.Entry> files, boolean mirrored) {
    }

    /**
     * Brings the kept copies in line with the published site after a build: the {@code changed}
     * paths (and those whose fingerprint moved) are linked again from {@code output}, or removed
     * when the build deleted them. When links from {@code output} are impossible, the copies are
     * dropped instead and each file's entry describes the published file.
     *
     * @param before   the entries of the last state ({@code mirrored} says whether it kept copies)
     */
    Kept update(Path output, Collection<String> changed, Map<String, Long> fingerprints,
            Map<String, BuildStateFile.Entry> before, boolean mirrored) throws IOException {
        Set<String> again = ConcurrentHashMap.newKeySet();
        again.addAll(changed);
        boolean linkable = linkable(output, again.isEmpty() ? fingerprints.keySet() : again, fingerprints);
        if (linkable && !mirrored) {
            // The last state kept no copies (its output was elsewhere): every file is linked now.
            clear();
            again.addAll(fingerprints.keySet());
        } else if (!linkable && mirrored) {
            clear();
            again.addAll(fingerprints.keySet()); // each published file's inode is recorded now
        }
        Map<String, BuildStateFile.Entry> kept = new ConcurrentHashMap<>(fingerprints.size() * 4 / 3 + 16);
        fingerprints.forEach((path, fingerprint) -> {
            BuildStateFile.Entry old = before.get(path);
            if (old == null || old.fingerprint() != fingerprint) {
                again.add(path);
            } else if (!again.contains(path)) {
                kept.put(path, old);
            }
        });
        List<String> paths = new ArrayList<>(again);
        Set<Path> folders = ConcurrentHashMap.newKeySet();
        paths.parallelStream().forEach(path -> {
            Path copy = root.resolve(path);
            Path source = output.resolve(path);
            try {
                if (linkable) {
                    Files.deleteIfExists(copy);
                }
                Long fingerprint = fingerprints.get(path);
                if (fingerprint == null) {
                    return;
                }
                // One read of the published file's attributes: its copy is a link to it (or a
                // copy with its time), so both have the size and time recorded.
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(source, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    return;
                }
                if (!attributes.isRegularFile()) {
                    return;
                }
                if (linkable) {
                    if (!folders.contains(copy.getParent())) {
                        Files.createDirectories(copy.getParent());
                        folders.add(copy.getParent());
                    }
                    linkOrCopy(source, copy);
                }
                kept.put(path, new BuildStateFile.Entry(fingerprint, attributes.size(), second(attributes),
                        linkable ? -1 : inode(source)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return new Kept(kept, linkable);
    }

    /**
     * Whether files of {@code output} can be linked here, tried on one of {@code candidates}
     * that exists (a link made and removed); true when there is none to try and nothing to keep.
     */
    private boolean linkable(Path output, Collection<String> candidates, Map<String, Long> fingerprints)
            throws IOException {
        for (String path : candidates) {
            Path source = output.resolve(path);
            if (!fingerprints.containsKey(path) || !Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Files.createDirectories(root.getParent());
            Path probe = root.resolveSibling("link-probe");
            Files.deleteIfExists(probe);
            try {
                linker.link(source, probe);
                return true;
            } catch (UnsupportedOperationException | IOException e) {
                return false;
            } finally {
                Files.deleteIfExists(probe);
            }
        }
        return true;
    }

    /** Forgets every kept file. */
    void clear() throws IOException {
        if (Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            TreeDeletion.delete(root);
        }
    }

    private static long second(BasicFileAttributes attributes) {
        return attributes.lastModifiedTime().toMillis() / 1000;
    }

    /** A hard link, or a copy where the file systems differ or links are not supported. */
    private void linkOrCopy(Path existing, Path link) throws IOException {
        try {
            linker.link(existing, link);
        } catch (FileAlreadyExistsException e) {
            Files.delete(link);
            linkOrCopy(existing, link);
        } catch (UnsupportedOperationException | IOException e) {
            copied = true;
            Files.copy(existing, link, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    /** Whether some file was copied, not linked: the output and the kept copies are on different file systems. */
    boolean copiedAny() {
        return copied;
    }
}
