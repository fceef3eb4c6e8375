package io.gazette.build;

import io.gazette.output.DirectorySink;
import io.gazette.threads.BackgroundWork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * What one {@code gazette build} hands to the next through {@code .gazette/cache/build/}: the
 * fingerprint of every file it wrote ({@link BuildStateFile}) and the files themselves
 * ({@link OutputMirror}). With them the next build, in another process and possibly on another
 * machine (CI restores {@code .gazette/}), starts as if it were the next generation of the same
 * session: its staging directory holds the last site, {@link FileFingerprints} holds the last
 * fingerprints, and only the files whose fingerprint moved are made again; the others were put
 * in place by a hard link.
 *
 * <p>The state is used only under the same {@link CacheKey}. Otherwise, and when it is missing or
 * damaged, the build is a full one, and {@link #fullBuildReason} says why in one line.
 */
final class BuildCache implements AutoCloseable {
    private final Path stateFile;
    private final Path dir;
    private ContentCache content;
    /** Whether {@link #openContent} ran (at {@link #open}, or at the first {@link #content}). */
    private boolean contentOpened;
    private FileChannel lockChannel;
    private FileLock lock;
    private final OutputMirror mirror;
    private final CacheKey key;
    private BuildStateFile.State usable;
    private String fullBuildReason;

    private final Path output;
    /** Whether the kept copies became this build's staging folder ({@link #prepare}). */
    private boolean rotated;
    /** Whether a kept file's inode was not the recorded one (a restored cache): the state is written again. */
    private boolean restoredInodesMoved;
    /**
     * Whether the state names kept copies that are gone while public/ is there: a build killed
     * while the copies were its staging folder (the next start deletes that folder). The
     * published files, the very ones recorded (their inodes), serve instead, and every file is
     * linked into the copies again at the end.
     */
    private boolean copiesLost;
    /** The restoring {@link #prepare} started (its time on its own thread, ms), or null. */
    private CompletableFuture<Long> restoring;
    /** The content cache's index being written beside the build ({@link #startSavingContent}), or null. */
    private CompletableFuture<Void> contentSaving;

    private BuildCache(Path dir, CacheKey key, Path output, OutputMirror.Linker linker) {
        this.dir = dir;
        this.stateFile = dir.resolve("state");
        this.mirror = new OutputMirror(dir.resolve("site"), linker);
        this.key = key;
        this.output = output;
    }

    /**
     * Reads the saved state of {@code dir} and decides whether this build, under {@code key}, into
     * {@code output}, can use it; {@code linker} makes the hard links (tests refuse some).
     */
    static BuildCache open(Path dir, CacheKey key, Path output, OutputMirror.Linker linker) {
        BuildCache cache = new BuildCache(dir, key, output, linker);
        if (!cache.lock()) {
            cache.fullBuildReason = "another Gazette build is using the build cache in " + shown(dir)
                    + "; this one neither reads nor keeps it";
            return cache;
        }
        try {
            BuildStateFile.State saved = BuildStateFile.read(cache.stateFile);
            if (saved == null) {
                cache.fullBuildReason = "no build cache yet in " + shown(dir);
            } else {
                cache.fullBuildReason = key.differenceFrom(saved.key());
                if (cache.fullBuildReason == null && !saved.mirrored() && !Files.isDirectory(output)) {
                    cache.fullBuildReason = shown(output) + " is gone and the build cache keeps no copy of it (it was on"
                            + " another file system than " + shown(dir) + ", where hard links cannot reach)";
                }
                cache.usable = cache.fullBuildReason == null ? saved : null;
            }
        } catch (BuildStateFile.Damaged e) {
            cache.fullBuildReason = "the build cache " + shown(cache.stateFile) + " is damaged (" + e.getMessage() + ")";
        } catch (IOException e) {
            cache.fullBuildReason = "the build cache " + shown(cache.stateFile) + " cannot be read (" + e + ")";
        }
        if (cache.usable != null) {
            // The restore must know first whether the content index is damaged (see openContent).
            cache.openContent();
        }
        return cache;
    }

    /**
     * Takes the cache for this build alone (two builds of one project into two output folders
     * must not both rewrite it); false when another build holds it.
     */
    private boolean lock() {
        try {
            Files.createDirectories(dir);
            lockChannel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by another build of this process
            }
            if (lock == null) {
                lockChannel.close();
                lockChannel = null;
            }
            return lock != null;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Content files as earlier builds under the same key parsed and rendered them (see
     * {@link ContentCache}); null when it cannot be opened, which costs only time. Opened here
     * when {@link #open} did not (the saved state could not serve this build): the build is about
     * to read its content then, while an opening of the site that failed after {@link #open}
     * (a template that does not compile, {@link DirectoryStart}) leaves the content cache of
     * another key as it was, for the next build under that key (opening it under this key
     * drops that key's entries).
     */
    ContentCache content() {
        if (lock == null) {
            return null;
        }
        if (!contentOpened) {
            openContent();
        }
        return content;
    }

    /**
     * Opens the content cache; when its index is there but damaged, the build is a full one
     * and says so (the cache costs only time, but a damaged cache may not be the only damage).
     */
    private void openContent() {
        contentOpened = true;
        try {
            content = ContentCache.open(dir, key);
        } catch (IOException e) {
            content = null;
            return;
        }
        if (content.damage() != null && fullBuildReason == null) {
            fullBuildReason = "the build cache " + shown(dir.resolve("content.index")) + " is damaged ("
                    + content.damage() + ")";
            usable = null;
        }
    }

    /**
     * Starts writing the content cache's index on a thread of its own, once the content stage is
     * done with it (nothing looks entries up or adds them after that): its entries are keyed by
     * the bytes of the files they came from, so they are right whatever becomes of this build, and
     * the index is replaced in one rename. At 100,000 articles the writing (~0.2-0.3 s) ran on
     * the main thread at the end of the build; now the site model and the related articles,
     * which leave a core idle, hide it. {@link #save} waits for it.
     */
    void startSavingContent() {
        if (lock == null || content == null || contentSaving != null) {
            return;
        }
        ContentCache saving = content;
        contentSaving = BackgroundWork.start("gazette-content-cache-save", () -> {
            saving.save();
            return null;
        });
    }

    /** Waits for the content cache's index started by {@link #startSavingContent}, or writes it now. */
    private void saveContent() throws IOException {
        CompletableFuture<Void> pending = contentSaving;
        if (pending != null) {
            BackgroundWork.await(pending);
        } else if (content != null) {
            content.save();
        }
    }

    @Override
    public void close() throws IOException {
        CompletableFuture<Void> pending = contentSaving;
        if (pending != null) {
            try {
                pending.join(); // the content cache's files stay open until its index is written
            } catch (java.util.concurrent.CompletionException e) {
                // A failed build's own failure is the one reported; save reported this one otherwise.
            }
        }
        try {
            if (content != null) {
                content.close();
            }
        } finally {
            if (lock != null) {
                lock.release();
                lockChannel.close();
                lock = null;
            }
        }
    }

    /** Why this build makes every file, or null when it reuses the last build's. */
    String fullBuildReason() {
        return fullBuildReason;
    }

    /**
     * The sink of a build into {@code staging}: with a usable state, the last build's files are
     * put there first (linked from the output folder, or else from the kept copies) and their
     * fingerprints given to {@code fingerprints}, so the build makes only what changed and
     * deletes what vanished. That restoring runs on a thread of its own, while the content is
     * read and the site model made, which need neither: at 100,000 articles it is a stat of
     * 229,000 files (1.8-2.2 s, most of it in the kernel), and reading the content and making
     * the model leave a core idle for much of their 4 s. Nothing may use the sink or the
     * fingerprints before {@link #awaitRestored} returned.
     */
    DirectorySink prepare(Path staging, FileFingerprints fingerprints) {
        if (usable == null) {
            return new DirectorySink(staging);
        }
        CompletableFuture<Long> pending = BackgroundWork.start("gazette-build-cache-restore", () -> {
            long started = System.nanoTime();
            restore(staging, fingerprints);
            return (System.nanoTime() - started) / 1_000_000;
        });
        restoring = pending;
        return DirectorySink.replacing(staging);
    }

    /**
     * Waits for the restoring {@link #prepare} started, if any; returns how long it took on its
     * thread (ms), or -1 when there was none.
     */
    long awaitRestored() throws IOException {
        CompletableFuture<Long> pending = restoring;
        if (pending == null) {
            return -1;
        }
        return BackgroundWork.await(pending);
    }

    /** Waits for the restoring, its outcome ignored: the build failed already, and the staging folder is to go. */
    void awaitRestoredQuietly() {
        try {
            awaitRestored();
        } catch (IOException | RuntimeException e) {
            // The build's own failure is the one reported.
        }
    }

    private void restore(Path staging, FileFingerprints fingerprints) throws IOException {
        OutputMirror.Restored restored = null;
        if (usable.mirrored() && Files.isDirectory(output)) {
            // The kept copies become the staging folder, and the replaced site the kept copies
            // (save): no link made or name deleted for an unchanged file. Without public/ (a
            // fresh checkout) there is no replaced site to keep, so the copies stay and are linked.
            restored = mirror.rotateInto(staging, usable.files());
            rotated = restored != null;
        }
        if (restored == null) {
            copiesLost = usable.mirrored() && !Files.isDirectory(mirror.root()) && Files.isDirectory(output);
            try {
                restored = mirror.populate(staging, output, usable.mirrored() && !copiesLost, usable.files());
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        restoredInodesMoved = restored.inodesMoved();
        usable = new BuildStateFile.State(usable.key(), usable.mirrored(), restored.files());
        for (Map.Entry<String, BuildStateFile.Entry> file : restored.files().entrySet()) {
            fingerprints.preload(file.getKey(), file.getValue().fingerprint());
        }
    }

    /**
     * After a failed build: when the staging folder was the kept copies ({@link #prepare}), it
     * becomes them again, so the next build still reuses every file the failed one did not
     * touch; false when it was not, or cannot be moved back (then it is simply deleted).
     */
    boolean takeBack(Path staging) {
        return rotated && mirror.takeBack(staging);
    }

    /**
     * After the site went live in the output folder: keeps its files (links; none where links
     * cannot reach) and their fingerprints for the next build. The old state is removed first,
     * so a build killed half way through this leaves no state that names files the mirror does
     * not hold.
     *
     * @param changed  the paths this build wrote or deleted
     * @param replaced the site this build replaced, handed over when {@link #keepsReplacedSite()}
     */
    void save(Collection<String> changed, FileFingerprints fingerprints, Path replaced) throws IOException {
        if (lock == null) {
            return;
        }
        Map<String, BuildStateFile.Entry> before = usable == null ? Map.of() : usable.files();
        boolean mirroredBefore = usable == null || (usable.mirrored() && !copiesLost);
        if (rotated) {
            // The replaced site holds the last build's files, as the copies did: it becomes them.
            if (replaced == null || !mirror.adopt(replaced)) {
                mirror.clear();
                before = Map.of(); // nothing kept: every file is linked again
            }
        }
        if (usable != null && usable.mirrored() && !copiesLost && !mirror.copiedAny() && changed.isEmpty() && !restoredInodesMoved
                && !before.isEmpty() && sameFingerprints(fingerprints.snapshot(), before)) {
            // Nothing written, deleted or planned anew, and every kept copy still a link: the
            // kept state is this build's (at 100,000 articles writing it again cost 2 s for nothing).
            mirror.markTree();
            saveContent();
            return;
        }
        Files.deleteIfExists(stateFile);
        if (usable == null) {
            mirror.clear();
        }
        OutputMirror.Kept kept;
        try {
            kept = mirror.update(output, changed, fingerprints.snapshot(), before, mirroredBefore);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        mirror.markTree();
        usable = new BuildStateFile.State(key, kept.mirrored(), kept.files());
        BuildStateFile.write(stateFile, usable);
        saveContent();
    }

    /** Whether {@link #save} takes the site this build replaces (the staging folder was the kept copies). */
    boolean keepsReplacedSite() {
        return rotated;
    }

    /** Whether {@code now} names exactly the files of {@code before}, each with the fingerprint recorded there. */
    private static boolean sameFingerprints(Map<String, Long> now, Map<String, BuildStateFile.Entry> before) {
        if (now.size() != before.size()) {
            return false;
        }
        for (Map.Entry<String, Long> file : now.entrySet()) {
            BuildStateFile.Entry entry = before.get(file.getKey());
            if (entry == null || entry.fingerprint() != file.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static String shown(Path path) {
        Path project = Path.of("").toAbsolutePath();
        Path absolute = path.toAbsolutePath().normalize();
        return (absolute.startsWith(project) ? project.relativize(absolute) : absolute).toString().replace('\\', '/');
    }
}
