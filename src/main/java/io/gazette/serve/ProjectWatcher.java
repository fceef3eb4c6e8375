package io.gazette.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a project's sources ({@code content/}, {@code themes/}, {@code static/} recursively and
 * {@code site.yml}) and reports each burst of edits as ONE {@link ChangeSet}: it waits until the
 * files have been quiet for {@code quiet} (or {@code maxWait} has passed since the first event, so
 * a long {@code git checkout} still shows progress).
 *
 * <p>Events only say "look here"; what changed is decided when the burst ends, by comparing the
 * files that exist now with those known before. That makes the result independent of how an
 * editor saves (in place, or write-temp-then-rename) and of the order events arrive in: a file
 * created and removed within one burst is no change at all. New directories are registered (and
 * their files reported) as they appear; a deleted or renamed-away directory reports its files as
 * deleted. Editor temporaries ({@link IgnoredFiles}) are ignored entirely.
 */
public final class ProjectWatcher implements AutoCloseable {
    public static final List<String> DEFAULT_ROOTS = List.of("content", "themes", "static", "site.yml");
    /**
     * An editor's save arrives as a burst of events well within a few milliseconds (write in
     * place, or write a temporary and rename it); the wait is on the way of every save to its
     * page, so it is kept short. Longer bursts (a checkout) still make one rebuild per quiet gap.
     */
    public static final Duration DEFAULT_QUIET = Duration.ofMillis(30);
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(ProjectWatcher.class);

    private final Path projectDir;
    private final Set<String> roots;
    private final long quietNanos;
    private final long maxWaitNanos;
    private final ChangeListener listener;
    private final WatchService watch;
    private final Thread thread;

    // Everything below belongs to the watcher thread once start() has returned.
    private final Map<WatchKey, Path> dirsByKey = new HashMap<>();
    private final Map<Path, WatchKey> keysByDir = new HashMap<>();
    private final Set<Path> knownFiles = new HashSet<>();
    private final Set<Path> touched = new HashSet<>();
    private boolean lostTrack;
    private long burstStart;
    private long lastEvent;
    private volatile boolean closed;

    public ProjectWatcher(Path projectDir, List<String> roots, Duration quiet, Duration maxWait,
                          ChangeListener listener) throws IOException {
        this.projectDir = projectDir.toAbsolutePath().normalize();
        this.roots = Set.copyOf(roots);
        this.quietNanos = quiet.toNanos();
        this.maxWaitNanos = maxWait.toNanos();
        this.listener = listener;
        this.watch = this.projectDir.getFileSystem().newWatchService();
        this.thread = new Thread(this::run, "gazette-watcher");
        this.thread.setDaemon(true);
    }

    public static ProjectWatcher start(Path projectDir, ChangeListener listener) throws IOException {
        return new ProjectWatcher(projectDir, DEFAULT_ROOTS, DEFAULT_QUIET, DEFAULT_MAX_WAIT, listener).start();
    }

    /** Registers every directory before returning: any change made after this is reported. */
    public ProjectWatcher start() throws IOException {
        register(projectDir);
        for (String root : roots) {
            Path path = projectDir.resolve(root);
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                registerTree(path, knownFiles::add);
            } else if (Files.isRegularFile(path)) {
                knownFiles.add(path);
            }
        }
        thread.start();
        return this;
    }

    @Override
    public void close() {
        closed = true;
        try {
            watch.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (Thread.currentThread() != thread) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        try {
            while (!closed) {
                WatchKey key;
                if (touched.isEmpty() && !lostTrack) {
                    key = watch.take();
                } else {
                    long deadline = Math.min(lastEvent + quietNanos, burstStart + maxWaitNanos);
                    long wait = deadline - System.nanoTime();
                    key = wait > 0 ? watch.poll(wait, TimeUnit.NANOSECONDS) : null;
                    if (key == null) {
                        flush();
                        continue;
                    }
                }
                boolean wasIdle = touched.isEmpty() && !lostTrack;
                boolean relevant = false;
                for (; key != null; key = watch.poll()) {
                    relevant |= process(key);
                }
                if (relevant) {
                    lastEvent = System.nanoTime();
                    if (wasIdle) {
                        burstStart = lastEvent;
                    }
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("the file watcher stopped; restart `gazette serve` to pick up edits", e);
        }
    }

    /** Notes what a key's events point at; true when any of it may matter. */
    private boolean process(WatchKey key) {
        Path dir = dirsByKey.get(key);
        boolean relevant = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (dir == null) {
                continue;
            }
            if (event.kind() == OVERFLOW) {
                lostTrack = true;
                relevant = true;
                continue;
            }
            Path child = dir.resolve((Path) event.context());
            if (dir.equals(projectDir) && !roots.contains(child.getFileName().toString())) {
                continue;
            }
            if (IgnoredFiles.isIgnored(child)) {
                continue;
            }
            relevant = true;
            touched.add(child);
            if (event.kind() == ENTRY_DELETE && keysByDir.containsKey(child)) {
                forgetTree(child);
            }
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                // Files may already be inside (moved in, or written before we registered): report them.
                registerTreeQuietly(child, touched::add);
            }
        }
        if (!key.reset()) {
            Path gone = dirsByKey.remove(key);
            if (gone != null && keysByDir.get(gone) == key) {
                keysByDir.remove(gone);
            }
        }
        return relevant;
    }

    private void flush() {
        if (lostTrack) {
            // Events were dropped: compare a fresh walk with what we knew.
            touched.addAll(knownFiles);
            for (String root : roots) {
                Path path = projectDir.resolve(root);
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    registerTreeQuietly(path, touched::add);
                } else {
                    touched.add(path);
                }
            }
        }
        TreeSet<Path> added = new TreeSet<>();
        TreeSet<Path> modified = new TreeSet<>();
        TreeSet<Path> deleted = new TreeSet<>();
        for (Path path : touched) {
            boolean exists = Files.isRegularFile(path);
            boolean known = knownFiles.contains(path);
            Path relative = projectDir.relativize(path);
            if (exists && known) {
                modified.add(relative);
            } else if (exists) {
                added.add(relative);
                knownFiles.add(path);
            } else if (known) {
                deleted.add(relative);
                knownFiles.remove(path);
            }
        }
        boolean full = lostTrack;
        touched.clear();
        lostTrack = false;
        ChangeSet changes = new ChangeSet(added, modified, deleted, full);
        if (!changes.isEmpty()) {
            try {
                listener.onChanges(changes);
            } catch (RuntimeException e) {
                LOG.error("change listener failed for {}", changes, e);
            }
        }
    }

    private void registerTreeQuietly(Path dir, Consumer<Path> onFile) {
        try {
            registerTree(dir, onFile);
        } catch (IOException e) {
            // Gone again already (a temporary directory): its delete event will follow.
            LOG.debug("could not watch {}", dir, e);
        }
    }

    private void registerTree(Path top, Consumer<Path> onFile) throws IOException {
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(top) && IgnoredFiles.isIgnored(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                register(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!IgnoredFiles.isIgnored(file) && Files.isRegularFile(file)) {
                    onFile.accept(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void register(Path dir) throws IOException {
        WatchKey key = dir.register(watch, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
        // A directory renamed back and forth can come back with its old key (inotify watches the
        // inode): the path we register it under now is the one that counts.
        Path previous = dirsByKey.put(key, dir);
        if (previous != null && !previous.equals(dir) && keysByDir.get(previous) == key) {
            keysByDir.remove(previous);
        }
        keysByDir.put(dir, key);
    }

    /** A directory went away (deleted or renamed): stop watching it, and its files count as touched. */
    private void forgetTree(Path dir) {
        keysByDir.entrySet().removeIf(entry -> {
            if (!entry.getKey().startsWith(dir)) {
                return false;
            }
            entry.getValue().cancel();
            dirsByKey.remove(entry.getValue());
            return true;
        });
        for (Path file : knownFiles) {
            if (file.startsWith(dir)) {
                touched.add(file);
            }
        }
    }
}
