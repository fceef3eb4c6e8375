package io.gazette.output;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * A build writes into a fresh staging directory beside the output directory; only a build with
 * no errors replaces the output, by renames, so a failed or interrupted build leaves the
 * previous site exactly as it was, or, killed between the two renames, as the next build's
 * start puts it back. One build at a time writes an output directory: a lock file beside it
 * ({@code .public.lock}) says which.
 */
public final class StagingArea implements AutoCloseable {
    private final Path output;
    private final Path staging;
    private final FileChannel lockFile;
    private final FileLock lock;
    /** Deletes the replaced site after {@link #commit}, while the build finishes its other work; null before. */
    private java.util.concurrent.CompletableFuture<Void> oldDeletion;
    /** The replaced site that {@link #commit(boolean)} handed over; deleted at close if still there. */
    private Path replaced;

    private StagingArea(Path output, Path staging, FileChannel lockFile, FileLock lock) {
        this.output = output;
        this.staging = staging;
        this.lockFile = lockFile;
        this.lock = lock;
    }

    /**
     * Takes the output's lock, finishes or undoes whatever a killed build left behind (see
     * {@link #recover}), then makes a fresh staging directory.
     *
     * @throws IOException when the output path is unsafe to replace (see {@link #checkReplaceable})
     *                     or another build is writing it
     */
    public static StagingArea create(Path outputDir, Path projectDir) throws IOException {
        Path output = outputDir.toAbsolutePath().normalize();
        Path project = projectDir.toAbsolutePath().normalize();
        if (output.getParent() == null || project.startsWith(output)) {
            checkReplaceable(output, project);
        }
        Files.createDirectories(output.getParent());
        FileChannel channel = FileChannel.open(sibling(output, "lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("another Gazette build is writing " + output + " right now; wait for it to end");
        }
        try {
            recover(output);
            checkReplaceable(output, project);
            Path staging = Files.createTempDirectory(output.getParent(), "." + output.getFileName() + ".staging-");
            return new StagingArea(output, staging, channel, lock);
        } catch (IOException | RuntimeException e) {
            lock.release();
            channel.close();
            throw e;
        }
    }

    public Path directory() {
        return staging;
    }

    /**
     * Puts the staged site in place of the output directory in two renames: the output becomes
     * {@code .public.old}, the staging directory becomes the output, then the old one is removed.
     * A build killed between the renames leaves no {@code public/} but a complete
     * {@code .public.old}, which the next start puts back ({@link #recover}).
     */
    public void commit() throws IOException {
        commit(false);
    }

    /**
     * {@link #commit()}, but with {@code keepReplaced} the replaced site is not deleted: it is
     * returned (as {@code .public.old} beside the output) for the caller to move away, e.g. to
     * become the build cache's copy of the site; whatever is still there at {@link #close} is
     * deleted then. Empty when there was no output to replace or it is deleted.
     */
    public java.util.Optional<Path> commit(boolean keepReplaced) throws IOException {
        Path old = sibling(output, "old");
        if (Files.exists(old, LinkOption.NOFOLLOW_LINKS)) {
            TreeDeletion.delete(old);
        }
        boolean hadOutput = Files.exists(output, LinkOption.NOFOLLOW_LINKS);
        if (hadOutput) {
            move(output, old);
        }
        move(staging, output);
        if (hadOutput && keepReplaced) {
            replaced = old;
            return java.util.Optional.of(old);
        }
        if (hadOutput) {
            // The new site is live: removing the old one (tens of thousands of names, about a
            // second at 10,000 articles) runs beside what the build still does, and close() waits.
            deleteInBackground(old);
        }
        return java.util.Optional.empty();
    }

    private void deleteInBackground(Path old) {
        oldDeletion = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                TreeDeletion.delete(old);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, task -> {
            Thread thread = new Thread(task, "gazette-old-output-deletion");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** Throws the staged files away. */
    public void abandon() throws IOException {
        TreeDeletion.delete(staging);
    }

    /**
     * Waits for the old site's deletion, then releases the output's lock; the staging directory
     * must be committed or abandoned first.
     */
    @Override
    public void close() throws IOException {
        try {
            if (replaced != null) {
                TreeDeletion.delete(replaced); // not taken by the caller
            }
            if (oldDeletion != null) {
                try {
                    oldDeletion.join();
                } catch (java.util.concurrent.CompletionException e) {
                    if (e.getCause() instanceof java.io.UncheckedIOException io) {
                        throw io.getCause();
                    }
                    throw e;
                }
            }
        } finally {
            try {
                lock.release();
            } finally {
                lockFile.close();
            }
        }
    }

    /**
     * What a build killed at any moment leaves, made whole again: without {@code public/} but
     * with {@code .public.old}, the swap stopped between its renames and the old site is put back;
     * with both, it stopped after them and the old one goes; staging directories of killed
     * builds go. Called with the lock held, so no running build's files are touched.
     */
    static void recover(Path output) throws IOException {
        Path old = sibling(output, "old");
        if (Files.isDirectory(old, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
                TreeDeletion.delete(old);
            } else {
                move(old, output);
            }
        }
        String stagingPrefix = "." + output.getFileName() + ".staging-";
        try (Stream<Path> siblings = Files.list(output.getParent())) {
            for (Path leftover : siblings.filter(p -> p.getFileName().toString().startsWith(stagingPrefix)).toList()) {
                TreeDeletion.delete(leftover);
            }
        }
    }

    /** {@code .public.old}, {@code .public.lock}: the swap's own files beside the output. */
    static Path sibling(Path output, String kind) {
        return output.resolveSibling("." + output.getFileName() + "." + kind);
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
