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
 * The last build's site kept in {@code .gazette/build/site/}, file for file, so that a build
 * without {@code public/} (a fresh CI checkout with the cache restored) still has every unchanged
 * file at hand. Files are hard links to the published ones where the file system allows (no
 * bytes copied, no space used twice), copies elsewhere.
 *
 * <p>A kept file is trusted only while its size and modification second are those recorded when
 * it was kept: a file changed in place (a hard link shares its bytes with {@code public/}) or
 * lost is simply made again. Writers never change a file in place: the staging sink replaces
 * files ({@link io.gazette.output.DirectorySink#replacing}).
 */
final class OutputMirror {
    private final Path root;

    OutputMirror(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /**
     * Puts the kept copy of every file of {@code files} whose copy is intact into {@code staging};
     * returns the paths it put there. Runs on every core: a large site has tens of thousands.
     */
    Set<String> populate(Path staging, Map<String, BuildStateFile.Entry> files) {
        Set<String> placed = ConcurrentHashMap.newKeySet();
        Set<Path> folders = ConcurrentHashMap.newKeySet();
        files.entrySet().parallelStream().forEach(file -> {
            Path kept = root.resolve(file.getKey());
            try {
                BasicFileAttributes attributes = Files.readAttributes(kept, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (!attributes.isRegularFile() || attributes.size() != file.getValue().size()
                        || second(attributes) != file.getValue().modifiedSecond()) {
                    return;
                }
                Path target = staging.resolve(file.getKey());
                Path folder = target.getParent();
                if (!folders.contains(folder)) {
                    Files.createDirectories(folder);
                    folders.add(folder);
                }
                link(kept, target);
                placed.add(file.getKey());
            } catch (NoSuchFileException e) {
                // lost: made again
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return placed;
    }

    /**
     * Brings the kept copies in line with the published site after a build: the {@code changed}
     * paths are linked again from {@code output} (or removed, when the build deleted them).
     * Returns the recorded size and time of each file kept.
     */
    Map<String, BuildStateFile.Entry> update(Path output, Collection<String> changed,
            Map<String, Long> fingerprints, Map<String, BuildStateFile.Entry> before) throws IOException {
        Map<String, BuildStateFile.Entry> kept = new ConcurrentHashMap<>(fingerprints.size() * 4 / 3 + 16);
        Set<String> again = ConcurrentHashMap.newKeySet();
        again.addAll(changed);
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
                Files.deleteIfExists(copy);
                Long fingerprint = fingerprints.get(path);
                if (fingerprint == null || !Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
                    return;
                }
                if (!folders.contains(copy.getParent())) {
                    Files.createDirectories(copy.getParent());
                    folders.add(copy.getParent());
                }
                link(source, copy);
                BasicFileAttributes attributes = Files.readAttributes(copy, BasicFileAttributes.class);
                kept.put(path, new BuildStateFile.Entry(fingerprint, attributes.size(), second(attributes)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return kept;
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
    private static void link(Path existing, Path link) throws IOException {
        try {
            Files.createLink(link, existing);
        } catch (FileAlreadyExistsException e) {
            Files.delete(link);
            link(existing, link);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(existing, link, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }
}
