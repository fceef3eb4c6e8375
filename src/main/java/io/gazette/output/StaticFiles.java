package io.gazette.output;

import io.gazette.problems.Problem;
import io.gazette.problems.Problems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Static assets: the theme's {@code static/} first, then the site's own {@code static/}, whose
 * files win on a name clash so a site can replace a theme's logo or stylesheet.
 */
public final class StaticFiles {
    private StaticFiles() {
    }

    /** Site-relative path → source file, in sorted order; links leading out of a folder are reported and skipped. */
    public static Map<String, Path> collect(List<Path> roots, Path projectDir, Problems problems) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            Path realRoot = root.toRealPath();
            try (Stream<Path> walk = Files.walk(root, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
                walk.filter(Files::isRegularFile).forEach(file -> {
                    String relative = root.relativize(file).toString().replace('\\', '/');
                    if (isHidden(relative)) {
                        return;
                    }
                    try {
                        if (!file.toRealPath().startsWith(realRoot)) {
                            problems.add(Problem.error(shown(file, projectDir), 0,
                                    "symbolic link leads outside " + root.getFileName() + "/",
                                    "copy the file into the folder instead of linking to it"));
                            return;
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    files.put(relative, file);
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return files;
    }

    private static boolean isHidden(String relative) {
        for (String segment : relative.split("/")) {
            if (segment.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static Path shown(Path file, Path projectDir) {
        Path absolute = file.toAbsolutePath().normalize();
        Path project = projectDir.toAbsolutePath().normalize();
        return absolute.startsWith(project) ? project.relativize(absolute) : file;
    }
}
