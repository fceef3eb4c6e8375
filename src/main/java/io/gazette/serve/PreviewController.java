package io.gazette.serve;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.gazette.problems.BuildFailedException;
import io.gazette.problems.Problem;

/**
 * Runs the rebuild loop: watcher changes in, one rebuild at a time on its own thread, commit (which
 * swaps the snapshot and tells open tabs) or overlay, one console line per rebuild. Changes that
 * arrive during a rebuild are merged and handled together by the next one.
 *
 * <p>Edits come first. Follow-ups a rebuilder queues for itself ({@link FollowUpQueue}: search
 * after a saved page) wait until no edit is waiting and none has arrived, nor been published, for
 * {@code followUpQuiet}, so an editor saving every second or so has each save rendered at once
 * and search catches up when they pause, instead of every save queuing behind the last one's
 * search work. Follow-ups queued meanwhile are merged into one.
 */
public final class PreviewController implements ChangeListener, FollowUpQueue, AutoCloseable {
    /**
     * Counted from the later of the last save's arrival and its page's publication: an editor
     * saving every second saves again within it, so a follow-up does not start just before the
     * next save; short enough that search is current a moment after the editor pauses.
     */
    public static final Duration DEFAULT_FOLLOW_UP_QUIET = Duration.ofMillis(1000);

    private final PreviewSite site;
    private final LiveReload liveReload;
    private final Rebuilder rebuilder;
    private final PrintStream console;
    private final long followUpQuietNanos;
    private final Thread thread;
    private final Object lock = new Object();
    private ChangeSet pending; // guarded by lock; null when there is nothing to do
    private ChangeSet deferred; // guarded by lock; follow-ups waiting for a pause in the edits
    private long lastEditNanos; // guarded by lock; when the last edit arrived
    private ChangeSet carried; // guarded by lock; changes of a failed rebuild, tried again next time
    private boolean running; // guarded by lock
    private long rebuilds; // guarded by lock
    private boolean closed; // guarded by lock

    public PreviewController(PreviewSite site, LiveReload liveReload, Rebuilder rebuilder, PrintStream console) {
        this(site, liveReload, rebuilder, console, DEFAULT_FOLLOW_UP_QUIET);
    }

    public PreviewController(PreviewSite site, LiveReload liveReload, Rebuilder rebuilder, PrintStream console,
                             Duration followUpQuiet) {
        this.site = site;
        this.liveReload = liveReload;
        this.rebuilder = rebuilder;
        this.console = console;
        this.followUpQuietNanos = followUpQuiet.toNanos();
        this.lastEditNanos = System.nanoTime() - followUpQuietNanos;
        this.thread = new Thread(this::loop, "gazette-rebuild");
        this.thread.setDaemon(true);
    }

    public PreviewController start() {
        thread.start();
        return this;
    }

    @Override
    public void onChanges(ChangeSet changes) {
        synchronized (lock) {
            pending = pending == null ? changes : pending.merge(changes);
            lastEditNanos = System.nanoTime();
            lock.notifyAll();
        }
    }

    @Override
    public void later(ChangeSet changes) {
        synchronized (lock) {
            deferred = deferred == null ? changes : deferred.merge(changes);
            lock.notifyAll();
        }
    }

    public void rebuildEverything() {
        onChanges(ChangeSet.everything());
    }

    /**
     * Waits until no rebuild is running or waiting, follow-ups included; true if that happened
     * within the timeout.
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (running || pending != null || deferred != null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /** How many rebuilds have finished, successful or not. */
    public long rebuilds() {
        synchronized (lock) {
            return rebuilds;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        if (Thread.currentThread() != thread) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        while (true) {
            ChangeSet changes;
            boolean followUp;
            synchronized (lock) {
                while (!closed && pending == null) {
                    long wait = 0;
                    if (deferred != null) {
                        wait = lastEditNanos + followUpQuietNanos - System.nanoTime();
                        if (wait <= 0) {
                            break;
                        }
                    }
                    try {
                        if (deferred == null) {
                            lock.wait();
                        } else {
                            lock.wait(Math.max(1, wait / 1_000_000));
                        }
                    } catch (InterruptedException e) {
                        if (closed) {
                            return;
                        }
                    }
                }
                if (closed) {
                    return;
                }
                followUp = pending == null;
                if (followUp) {
                    changes = deferred; // the editor paused: the follow-ups' turn
                    deferred = null;
                } else {
                    changes = pending;
                    pending = null;
                }
                if (carried != null) {
                    changes = carried.merge(changes);
                }
                running = true;
            }
            boolean succeeded = false;
            try {
                succeeded = rebuildOnce(changes);
            } finally {
                synchronized (lock) {
                    carried = succeeded ? null : changes;
                    if (!followUp) {
                        // The pause is counted from when the editor could see the page: a slow
                        // rebuild must not make the next save wait for a follow-up instead.
                        lastEditNanos = System.nanoTime();
                    }
                    running = false;
                    rebuilds++;
                    lock.notifyAll();
                }
            }
        }
    }

    private boolean rebuildOnce(ChangeSet changes) {
        long start = System.nanoTime();
        RebuildResult result;
        Commit commit = null;
        int publishedFirst = 0;
        try (PreviewSite.Transaction tx = site.begin()) {
            result = run(changes, tx);
            if (result.succeeded()) {
                commit = tx.commit();
                publishedFirst = tx.publishedFirst().size();
            }
        } catch (RuntimeException e) {
            result = internalError(e); // the commit itself failed: nothing was published
        }
        String took = formatMillis(Duration.ofNanos(System.nanoTime() - start));
        if (result.succeeded()) {
            int pages = commit.changedPaths().size() + publishedFirst;
            console.println("rebuilt " + pages + (pages == 1 ? " page" : " pages") + " in " + took
                    + describe(changes));
            result.problems().forEach(problem -> console.println(problem.format()));
            liveReload.clearProblems();
            return true;
        }
        List<Problem> problems = result.problems();
        console.println("build failed in " + took + describe(changes) + "; still serving the last good build:");
        problems.forEach(problem -> console.println(problem.format()));
        liveReload.showProblems(problems.stream().map(Problem::format).toList());
        return false;
    }

    private RebuildResult run(ChangeSet changes, PreviewSite.Transaction tx) {
        try {
            RebuildResult result = rebuilder.rebuild(changes, tx);
            if (result == null) {
                throw new IllegalStateException("the rebuilder returned no result");
            }
            return result;
        } catch (BuildFailedException e) {
            return RebuildResult.failed(e.problems());
        } catch (Exception | StackOverflowError e) {
            return internalError(e);
        }
    }

    private RebuildResult internalError(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        console.print(trace);
        return RebuildResult.failed(List.of(Problem.error(null, 0, "internal error: " + e,
                "this is a bug in Gazette; the stack trace is in the console")));
    }

    private static String describe(ChangeSet changes) {
        if (changes.full()) {
            return "";
        }
        if (changes.size() == 0 && changes.catchUp()) {
            return " (" + ChangeSet.CATCH_UP_NAME + ")";
        }
        if (changes.size() == 1) {
            return " (" + changes.all().first().toString().replace('\\', '/') + ")";
        }
        return " (" + changes.size() + " files changed)";
    }

    private static String formatMillis(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 10_000) {
            return millis + " ms";
        }
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
