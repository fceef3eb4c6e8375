package io.gazette.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;

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
 *
 * <p>The events come from {@code io.methvin:directory-watcher}: native FSEvents on macOS (where
 * the JDK's {@code WatchService} polls, seconds per change), the JDK's inotify/Windows service
 * elsewhere. It registers new directories (and reports the files already in them) by itself;
 * {@link WatchedTree} keeps it out of everything but the watched roots and ignored folders.
 */
public final class ProjectWatcher implements AutoCloseable {
    public static final List<String> DEFAULT_ROOTS = List.of("content", "themes", "static", "site.yml");
    /**
     * An editor's save arrives as a burst of events well within a few milliseconds (write in
     * place, or write a temporary and rename it); the wait is on the way of every save to its
     * page, so it is kept short. Longer bursts (a checkout) still make one rebuild per quiet gap.
     * A save caught in between by so short a wait is held back as half-written (see
     * {@link #DEFAULT_HALF_WRITTEN_GRACE}), so the wait need not cover slow editors.
     */
    public static final Duration DEFAULT_QUIET = Duration.ofMillis(15);
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(1);
    /**
     * How long a burst is held back, after its last event, while a file in it looks half-written
     * (empty, an article with its front matter not closed yet, or a known file missing: an
     * editor's truncate-then-write or write-temp-then-rename caught in between). A save finishes
     * well within it; a file that stays that way is then built, and its error shown.
     */
    public static final Duration DEFAULT_HALF_WRITTEN_GRACE = Duration.ofMillis(1000);
    /** A checkout touching thousands of files is not read through to guess at half-written ones. */
    private static final int MAX_FILES_CHECKED = 200;
    private static final Logger LOG = LoggerFactory.getLogger(ProjectWatcher.class);

    private final Path projectDir;
    private final Set<String> roots;
    private final WatchedTree tree;
    private final long quietNanos;
    private final long maxWaitNanos;
    private final long graceNanos;
    private final ChangeListener listener;
    private final DirectoryWatcher events;
    /** The library calls back on its own thread; bursts are gathered on ours. */
    private final BlockingQueue<DirectoryChangeEvent> heard = new LinkedBlockingQueue<>();
    private final ExecutorService eventThread;
    private final Thread thread;

    // Everything below belongs to the watcher thread once start() has returned.
    private final Set<Path> knownFiles = new HashSet<>();
    private final Set<Path> touched = new HashSet<>();
    private boolean lostTrack;
    private long burstStart;
    private long lastEvent;
    /** While a burst is held back for a half-written file: until when (System.nanoTime), else 0. */
    private long holdUntil;
    private volatile boolean closed;

    public ProjectWatcher(Path projectDir, List<String> roots, Duration quiet, Duration maxWait,
                          ChangeListener listener) throws IOException {
        this(projectDir, roots, quiet, maxWait, DEFAULT_HALF_WRITTEN_GRACE, listener);
    }

    public ProjectWatcher(Path projectDir, List<String> roots, Duration quiet, Duration maxWait,
                          Duration halfWrittenGrace, ChangeListener listener) throws IOException {
        this.projectDir = projectDir.toAbsolutePath().normalize();
        this.roots = Set.copyOf(roots);
        this.tree = new WatchedTree(this.projectDir, this.roots);
        this.quietNanos = quiet.toNanos();
        this.maxWaitNanos = maxWait.toNanos();
        this.graceNanos = halfWrittenGrace.toNanos();
        this.listener = listener;
        this.events = DirectoryWatcher.builder()
                .path(this.projectDir)
                // Our own comparison decides what changed; hashing every file would read the archive.
                .fileHashing(false)
                .fileTreeVisitor(tree::visit)
                .listener(heard::add)
                .logger(LOG)
                .build();
        this.eventThread = Executors.newSingleThreadExecutor(runnable -> {
            Thread events = new Thread(runnable, "gazette-watcher-events");
            events.setDaemon(true);
            return events;
        });
        this.thread = new Thread(this::run, "gazette-watcher");
        this.thread.setDaemon(true);
    }

    public static ProjectWatcher start(Path projectDir, ChangeListener listener) throws IOException {
        return new ProjectWatcher(projectDir, DEFAULT_ROOTS, DEFAULT_QUIET, DEFAULT_MAX_WAIT, listener).start();
    }

    /** Registers every directory before returning: any change made after this is reported. */
    public ProjectWatcher start() throws IOException {
        for (String root : roots) {
            Path path = projectDir.resolve(root);
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                tree.walk(path, knownFiles::add);
            } else if (Files.isRegularFile(path)) {
                knownFiles.add(path);
            }
        }
        try {
            // Registration happens here, synchronously; only the event loop runs on eventThread.
            events.watchAsync(eventThread);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        thread.start();
        return this;
    }

    @Override
    public void close() {
        closed = true;
        try {
            events.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            eventThread.shutdownNow();
            thread.interrupt();
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
                DirectoryChangeEvent event;
                if (touched.isEmpty() && !lostTrack) {
                    event = heard.take();
                } else {
                    long deadline = holdUntil != 0 ? holdUntil
                            : Math.min(lastEvent + quietNanos, burstStart + maxWaitNanos);
                    long wait = deadline - System.nanoTime();
                    event = wait > 0 ? heard.poll(wait, TimeUnit.NANOSECONDS) : null;
                    if (event == null) {
                        if (holdUntil == 0 && !lostTrack && anyHalfWritten()) {
                            // The rest of the save is probably a moment away: wait for it, but a
                            // long burst still reports within maxWait + grace.
                            holdUntil = Math.min(lastEvent, burstStart + maxWaitNanos) + graceNanos;
                            continue;
                        }
                        holdUntil = 0;
                        flush();
                        continue;
                    }
                }
                boolean wasIdle = touched.isEmpty() && !lostTrack;
                boolean relevant = false;
                for (; event != null; event = heard.poll()) {
                    relevant |= process(event);
                }
                if (relevant) {
                    holdUntil = 0; // more of the save arrived: quiet, then look again
                    lastEvent = System.nanoTime();
                    if (wasIdle) {
                        burstStart = lastEvent;
                    }
                }
            }
        } catch (InterruptedException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("the file watcher stopped; restart `gazette serve` to pick up edits", e);
        }
    }

    /** Notes what an event points at; true when it may matter. */
    private boolean process(DirectoryChangeEvent event) {
        if (event.eventType() == DirectoryChangeEvent.EventType.OVERFLOW) {
            lostTrack = true;
            return true;
        }
        Path path = event.path();
        if (path == null || !tree.isWatched(path)) {
            return false;
        }
        touched.add(path);
        if (event.eventType() == DirectoryChangeEvent.EventType.DELETE) {
            // A directory went away (deleted or renamed): its files count as touched.
            for (Path file : knownFiles) {
                if (file.startsWith(path)) {
                    touched.add(file);
                }
            }
        } else if (event.eventType() == DirectoryChangeEvent.EventType.CREATE
                && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            // The library reports the files inside on Linux, not with FSEvents: look ourselves.
            tree.walkQuietly(path, touched::add);
        }
        return true;
    }

    /**
     * Whether the burst seems caught in the middle of a save: a touched file that looks
     * half-written ({@link HalfWrittenFiles}), or a known file missing (renamed away, the new one
     * not yet in place).
     */
    private boolean anyHalfWritten() {
        if (touched.size() > MAX_FILES_CHECKED) {
            return false;
        }
        for (Path path : touched) {
            if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                if (HalfWrittenFiles.looksHalfWritten(path)) {
                    return true;
                }
            } else if (knownFiles.contains(path) && !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                return true;
            }
        }
        return false;
    }

    private void flush() {
        if (lostTrack) {
            // Events were dropped: compare a fresh walk with what we knew.
            touched.addAll(knownFiles);
            for (String root : roots) {
                Path path = projectDir.resolve(root);
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    tree.walkQuietly(path, touched::add);
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
}
