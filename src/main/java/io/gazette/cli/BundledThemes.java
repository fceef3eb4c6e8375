package io.gazette.cli;

import io.gazette.hash.Hashes;
import io.gazette.output.TreeDeletion;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The themes shipped inside Gazette's jar ({@code gazette/themes/} on the class path). Pebble and
 * the static-file copy read themes from folders, so a jar's themes are unpacked once into
 * {@code ~/.cache/gazette/themes-<hash>/} (or {@code $XDG_CACHE_HOME}), named after a hash of
 * their entries: a new version of Gazette gets a new folder, and nothing is unpacked twice.
 */
final class BundledThemes {
    static final String PREFIX = "gazette/themes/";

    private BundledThemes() {
    }

    /** The folder holding the shipped themes ({@code default/}, …), or null when there are none. */
    static Path directory() throws IOException {
        URL marker = BundledThemes.class.getResource("/" + PREFIX + "default/templates/base.peb");
        if (marker == null) {
            return null;
        }
        if ("file".equals(marker.getProtocol())) {
            try {
                // Running from target/classes (tests, an IDE): the folder itself.
                return Path.of(marker.toURI()).getParent().getParent().getParent();
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        }
        Path jar = SelfLauncher.runningJar()
                .orElseThrow(() -> new IOException("cannot find Gazette's jar to unpack its theme from"));
        return unpack(jar, cacheRoot());
    }

    static Path cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "gazette");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "gazette");
    }

    /** Unpacks the themes of {@code jar} below {@code cache} unless already there; returns their folder. */
    static Path unpack(Path jar, Path cache) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<? extends ZipEntry> entries = zip.stream()
                    .filter(e -> e.getName().startsWith(PREFIX) && !e.isDirectory())
                    .sorted(Comparator.comparing(ZipEntry::getName)).toList();
            MessageDigest digest = Hashes.sha256();
            for (ZipEntry entry : entries) {
                digest.update(entry.getName().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Long.toString(entry.getCrc()).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) 0);
            }
            Path target = cache.resolve("themes-" + Hashes.hex(digest.digest()).substring(0, 16));
            if (Files.isDirectory(target)) {
                return target;
            }
            Files.createDirectories(cache);
            Path temp = Files.createTempDirectory(cache, ".themes-");
            try {
                for (ZipEntry entry : entries) {
                    Path file = temp.resolve(entry.getName().substring(PREFIX.length())).normalize();
                    if (!file.startsWith(temp)) {
                        throw new IOException("unexpected theme entry in the jar: " + entry.getName());
                    }
                    Files.createDirectories(file.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, file);
                    }
                }
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    if (!Files.isDirectory(target)) {
                        throw e;
                    }
                    // another Gazette unpacked the same themes meanwhile
                }
            } finally {
                TreeDeletion.delete(temp);
            }
            return target;
        }
    }
}
