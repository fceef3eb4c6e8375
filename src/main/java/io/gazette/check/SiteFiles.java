package io.gazette.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every file and directory of a built site, by site path ({@code 2014/08/slug/index.html}, always
 * {@code /}-separated). Scanned once so that checking a link is a set lookup, not a file system call.
 */
final class SiteFiles {
    private final Path root;
    private final Set<String> files;
    private final Set<String> directories;
    private final List<String> sortedFiles;

    private SiteFiles(Path root, Set<String> files, Set<String> directories) {
        this.root = root;
        this.files = files;
        this.directories = directories;
        List<String> sorted = new ArrayList<>(files);
        sorted.sort(null);
        this.sortedFiles = List.copyOf(sorted);
    }

    static SiteFiles scan(Path root) throws IOException {
        Set<String> files = new HashSet<>();
        Set<String> directories = new HashSet<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.forEach(path -> {
                String sitePath = sitePathOf(root, path);
                if (Files.isDirectory(path)) {
                    directories.add(sitePath);
                } else {
                    files.add(sitePath);
                }
            });
        }
        return new SiteFiles(root, files, directories);
    }

    static String sitePathOf(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    Path root() {
        return root;
    }

    /** All files, sorted, so that work is handed out and reported in the same order every time. */
    List<String> files() {
        return sortedFiles;
    }

    boolean isFile(String sitePath) {
        return files.contains(sitePath);
    }

    /** How a decoded site path (no leading slash) maps to a file, the way static hosts serve it. */
    Target lookUp(String sitePath) {
        if (sitePath.isEmpty() || sitePath.endsWith("/")) {
            String index = sitePath + "index.html";
            return new Target(index, files.contains(index) ? Target.Kind.FOUND : Target.Kind.MISSING);
        }
        if (files.contains(sitePath)) {
            return new Target(sitePath, Target.Kind.FOUND);
        }
        String index = sitePath + "/index.html";
        if (directories.contains(sitePath) && files.contains(index)) {
            return new Target(index, Target.Kind.DIRECTORY_WITHOUT_SLASH);
        }
        return new Target(sitePath, Target.Kind.MISSING);
    }

    /** The file a site path stands for; {@code file} is the expected file when it is missing. */
    record Target(String file, Kind kind) {
        enum Kind {
            FOUND,
            /** Served through a redirect to the same path with a trailing slash. */
            DIRECTORY_WITHOUT_SLASH,
            MISSING
        }
    }
}
