package io.gazette.build;

import io.gazette.config.BuildOverrides;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Fixture sites under src/test/resources/sites/, built with the repository's default theme. */
public final class TestSites {
    /** "Now" for fixture builds: an article dated 2026-12-31 is in the future, one dated 2015 is not. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

    private TestSites() {
    }

    public static Path projectRoot() {
        return Path.of(System.getProperty("gazette.projectDir", ".")).toAbsolutePath().normalize();
    }

    public static Path site(String name) {
        return projectRoot().resolve("src/test/resources/sites").resolve(name);
    }

    public static Path themes() {
        return projectRoot().resolve("themes");
    }

    /**
     * A copy of fixture {@code name} in {@code dir}, for tests that modify it: its sources only,
     * without {@code expected/} nor the {@code .gazette/} cache that tests building the fixture in
     * place leave beside it (a copy carrying that cache would build incrementally or not depending
     * on which tests ran before).
     */
    public static Path copy(String name, Path dir) throws IOException {
        Path source = site(name);
        copyTree(source, dir, file -> !file.startsWith("expected") && !file.startsWith(".gazette"));
        return dir;
    }

    /** Copies the file or folder {@code from} to {@code to}, with every file and folder below it. */
    public static void copyTree(Path from, Path to) throws IOException {
        copyTree(from, to, file -> true);
    }

    /**
     * Copies the file or folder {@code from} to {@code to}, leaving out the files whose path
     * relative to {@code from} the filter refuses (folders are made all the same).
     */
    public static void copyTree(Path from, Path to, Predicate<Path> filter) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path file : walk.toList()) {
                Path relative = from.relativize(file);
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (filter.test(relative)) {
                    Files.createDirectories(target.toAbsolutePath().getParent());
                    Files.copy(file, target);
                }
            }
        }
    }

    /**
     * A fresh copy of fixture {@code name} in a new folder under {@code temp}, to build: a build
     * writes its cache ({@code .gazette/}) into the project, so a fixture built in place would make
     * the next test's build incremental, and leave files in the source tree.
     */
    public static Path fresh(String name, Path temp) {
        try {
            return copy(name, Files.createTempDirectory(temp, name + "-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BuildOptions options(Path project, Path output) {
        return options(project, new BuildOverrides(null, output, null, null));
    }

    public static BuildOptions options(Path project, BuildOverrides overrides) {
        if (project.toAbsolutePath().normalize().startsWith(site(""))) {
            throw new IllegalArgumentException("build a copy of the fixture (TestSites.fresh), not " + project);
        }
        return new BuildOptions(project, overrides, themes(), CLOCK);
    }

    /** Every file below {@code root}: relative path → bytes, sorted. */
    public static Map<String, byte[]> tree(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
