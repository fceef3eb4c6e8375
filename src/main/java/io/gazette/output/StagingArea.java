package io.gazette.output;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A build writes into a fresh staging directory beside the output directory; only a build with
 * no errors replaces the output, by renames, so a failed or interrupted build leaves the
 * previous site exactly as it was.
 */
public final class StagingArea {
    private final Path output;
    private final Path staging;

    private StagingArea(Path output, Path staging) {
        this.output = output;
        this.staging = staging;
    }

    /** @throws IOException when the output path is unsafe to replace (see {@link #checkReplaceable}) */
    public static StagingArea create(Path outputDir, Path projectDir) throws IOException {
        Path output = outputDir.toAbsolutePath().normalize();
        checkReplaceable(output, projectDir.toAbsolutePath().normalize());
        Files.createDirectories(output.getParent());
        Path staging = Files.createTempDirectory(output.getParent(), "." + output.getFileName() + ".staging-");
        return new StagingArea(output, staging);
    }

    public Path directory() {
        return staging;
    }

    /** Puts the staged site in place of the output directory; the old one is removed afterwards. */
    public void commit() throws IOException {
        Path old = null;
        if (Files.exists(output)) {
            old = output.resolveSibling("." + output.getFileName() + ".old-" + staging.getFileName());
            move(output, old);
        }
        move(staging, output);
        if (old != null) {
            TreeDeletion.delete(old);
        }
    }

    /** Throws the staged files away. */
    public void abandon() throws IOException {
        TreeDeletion.delete(staging);
    }

    /**
     * The output directory is deleted and replaced on every build, so it must not be the project
     * itself, contain it, or be an unrelated folder full of files someone cares about.
     */
    static void checkReplaceable(Path output, Path project) throws IOException {
        if (output.getParent() == null || project.startsWith(output)) {
            throw new IOException("output directory " + output + " contains the project; choose a folder inside it,"
                    + " such as public/");
        }
        for (String protectedDir : new String[] {"content", "themes", "static", "src", ".git"}) {
            if (output.startsWith(project.resolve(protectedDir))) {
                throw new IOException("output directory " + output + " is inside " + protectedDir
                        + "/; choose another, such as public/");
            }
        }
        if (Files.isDirectory(output) && !looksLikeSite(output)) {
            throw new IOException("output directory " + output + " exists and does not look like a built site"
                    + " (no index.html); refusing to replace it. Remove it or choose another --output");
        }
    }

    private static boolean looksLikeSite(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty() || Files.isRegularFile(dir.resolve("index.html"));
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}
