package io.gazette.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * The site the preview server shows: an atomically swapped {@link SiteSnapshot}, changed only
 * through a {@link Transaction} ({@code begin → write/delete → commit}).
 *
 * <p>Content no snapshot refers to any more is dropped one commit after it was last used (the
 * grace period lets requests that picked up the previous snapshot finish reading), so storage
 * stays proportional to the site however many edits a session sees.
 *
 * <p>One job, though long: {@link Transaction} is an inner class because applying a commit and
 * sweeping unused content work on this class's lock, its one open transaction and its count of
 * each blob's uses; apart, those would have to be shared between two classes.
 */
public final class PreviewSite implements AutoCloseable {
    /** Marks a deletion in a transaction's change map (which, being concurrent, refuses nulls). */
    private static final BlobRef DELETED = new BlobRef("", -1);

    private final BlobStore store;
    private final LongSupplier clock;
    private final AtomicReference<SiteSnapshot> current;
    private final List<Consumer<Commit>> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private Transaction open; // guarded by lock
    private Set<String> sweepable = Set.of(); // guarded by lock
    /** Blob hash → how many paths of the current snapshot use it. */
    private final Map<String, Integer> blobUses = new HashMap<>(); // guarded by lock

    PreviewSite(BlobStore store, LongSupplier clock) {
        this.store = store;
        this.clock = clock;
        this.current = new AtomicReference<>(SiteSnapshot.empty(store));
    }

    /** Pages kept on the heap: tests and small sites. */
    public static PreviewSite inMemory() {
        return new PreviewSite(new MemoryBlobStore(), System::currentTimeMillis);
    }

    /**
     * Pages kept as content-addressed files under {@code cacheDir} (the project's
     * {@code .gazette/preview}); this run's files are removed on {@link #close()}.
     */
    public static PreviewSite onDisk(Path cacheDir) throws IOException {
        return new PreviewSite(DiskBlobStore.open(cacheDir), System::currentTimeMillis);
    }

    public SiteSnapshot current() {
        return current.get();
    }

    /** Starts the one transaction that may be open at a time, based on the current snapshot. */
    public Transaction begin() {
        synchronized (lock) {
            if (open != null) {
                throw new IllegalStateException("a preview transaction is already open");
            }
            open = new Transaction(current.get());
            return open;
        }
    }

    /** Replaces the whole site with the files of a directory (a full build's output). */
    public Commit replaceWithDirectory(Path dir) throws IOException {
        try (Transaction tx = begin()) {
            tx.clear();
            tx.writeDirectory(dir);
            return tx.commit();
        }
    }

    /**
     * Called after every commit that changed something, in commit order, on the committing
     * thread; listeners must be quick.
     */
    public void onCommit(Consumer<Commit> listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeCommitListener(Consumer<Commit> listener) {
        listeners.remove(listener);
    }

    /** How many distinct blobs are stored: proof that old content is dropped. */
    public int storedBlobs() {
        return store.count();
    }

    @Override
    public void close() {
        store.close();
    }

    /**
     * Changes to the site, invisible to requests until {@link #commit()}. Writes and deletes may
     * come from several threads; {@link #clear()} belongs before them. Closing an uncommitted
     * transaction aborts it.
     */
    public final class Transaction implements PageSink, AutoCloseable {
        /** The snapshot the changes apply to: the one it began from, or the one {@link #publishFirst} made. */
        private SiteSnapshot base; // guarded by lock once open
        private final Map<String, BlobRef> changes = new ConcurrentHashMap<>();
        /** Paths {@link #publishFirst} published, and the blobs it left unused (swept after the commit). */
        private final Set<String> publishedFirst = new TreeSet<>(); // guarded by lock
        private final Set<String> firstOrphans = new HashSet<>(); // guarded by lock
        private final Set<String> written = ConcurrentHashMap.newKeySet();
        private volatile boolean cleared;
        private volatile boolean finished;

        private Transaction(SiteSnapshot base) {
            this.base = base;
        }

        /** The snapshot this transaction started from: what the site holds before it. */
        public SiteSnapshot base() {
            synchronized (lock) {
                return base;
            }
        }

        /**
         * Publishes what was written so far at {@code sitePaths} now, ahead of the rest of the
         * transaction: the preview shows a saved article's page while the lists that name it are
         * still being rendered. The rest is published by {@link #commit()}; if the transaction is
         * aborted, what was published first stays (the next rebuild makes it again). A cleared
         * (full) transaction publishes everything at once: this does nothing then.
         *
         * @return what was published (nothing when none of the paths was written)
         */
        public Commit publishFirst(java.util.Collection<String> sitePaths) {
            synchronized (lock) {
                checkOpen();
                if (cleared) {
                    return new Commit(base, base, java.util.Collections.emptySortedSet());
                }
                Map<String, BlobRef> first = new HashMap<>();
                for (String path : sitePaths) {
                    String key = SitePaths.normalize(path);
                    BlobRef blob = changes.remove(key);
                    if (blob != null) {
                        first.put(key, blob);
                    }
                }
                Commit commit = applyToBase(first);
                if (commit.changed()) {
                    firstOrphans.addAll(countUses(commit));
                    publishedFirst.addAll(commit.changedPaths());
                    base = commit.snapshot();
                    current.set(base);
                    for (Consumer<Commit> listener : listeners) {
                        listener.accept(commit);
                    }
                }
                return commit;
            }
        }

        /** The paths {@link #publishFirst} published (not counted again by {@link #commit()}). */
        public Set<String> publishedFirst() {
            synchronized (lock) {
                return Set.copyOf(publishedFirst);
            }
        }

        /**
         * Starts from an empty site instead of the base: for full rebuilds, after which whatever
         * was not written again is gone. Only the paths whose bytes differ count as changed.
         */
        public void clear() {
            checkOpen();
            changes.clear();
            cleared = true;
        }

        @Override
        public void write(String sitePath, byte[] bytes) {
            checkOpen();
            String key = SitePaths.normalize(sitePath);
            try {
                record(key, store.put(bytes));
            } catch (IOException e) {
                throw new UncheckedIOException("could not store " + key, e);
            }
        }

        @Override
        public void writeFile(String sitePath, Path source) {
            checkOpen();
            String key = SitePaths.normalize(sitePath);
            try {
                record(key, store.putFile(source));
            } catch (IOException e) {
                throw new UncheckedIOException("could not store " + key + " from " + source, e);
            }
        }

        @Override
        public void delete(String sitePath) {
            checkOpen();
            changes.put(SitePaths.normalize(sitePath), DELETED);
        }

        /**
         * Writes every regular file under {@code dir} at its relative path. Symbolic links whose
         * target lies outside {@code dir} are skipped, so a link cannot publish a file from
         * elsewhere on the disk; neither are linked directories followed.
         *
         * @return how many files were written
         */
        public int writeDirectory(Path dir) throws IOException {
            checkOpen();
            Path realRoot = dir.toRealPath();
            int count = 0;
            List<Path> files;
            try (Stream<Path> walk = Files.walk(dir)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                if (!file.toRealPath().startsWith(realRoot)) {
                    continue;
                }
                String relative = dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                if (SitePaths.parse(relative).isEmpty()) {
                    continue;
                }
                writeFile(relative, file);
                count++;
            }
            return count;
        }

        /** Publishes the changes as the new current snapshot in one atomic swap. */
        public Commit commit() {
            synchronized (lock) {
                checkOpen();
                finished = true;
                open = null;
                Commit commit = apply();
                sweep(commit);
                if (commit.changed()) {
                    current.set(commit.snapshot());
                    for (Consumer<Commit> listener : listeners) {
                        listener.accept(commit);
                    }
                }
                return commit;
            }
        }

        /** Drops the changes; the site stays as it was. */
        public void abort() {
            synchronized (lock) {
                if (finished) {
                    return;
                }
                finished = true;
                open = null;
                Set<String> more = new HashSet<>(sweepable);
                more.addAll(written);
                more.addAll(firstOrphans);
                sweepable = more;
            }
        }

        @Override
        public void close() {
            abort();
        }

        private void record(String key, BlobRef blob) {
            written.add(blob.sha256());
            changes.put(key, blob);
        }

        private Commit apply() {
            return cleared ? applyToEmpty() : applyToBase(changes);
        }

        /** A full rebuild: the site is exactly what was written; worth a look at every path. */
        private Commit applyToEmpty() {
            Map<String, SiteEntry> next = new HashMap<>();
            long now = clock.getAsLong();
            for (Map.Entry<String, BlobRef> change : changes.entrySet()) {
                String key = change.getKey();
                BlobRef blob = change.getValue();
                if (blob == DELETED) {
                    continue;
                }
                SiteEntry before = base.entries().get(key);
                boolean same = before != null && before.blob().equals(blob);
                next.put(key, same ? before : new SiteEntry(blob, now));
            }
            TreeSet<String> changed = new TreeSet<>();
            next.forEach((key, entry) -> {
                SiteEntry before = base.entries().get(key);
                if (before == null || !before.blob().equals(entry.blob())) {
                    changed.add(key);
                }
            });
            base.entries().forEach((key, entry) -> {
                if (!next.containsKey(key)) {
                    changed.add(key);
                }
            });
            if (changed.isEmpty()) {
                return new Commit(base, base, java.util.Collections.unmodifiableSortedSet(changed));
            }
            SiteSnapshot snapshot = new SiteSnapshot(base.generation() + 1, next, store);
            return new Commit(base, snapshot, java.util.Collections.unmodifiableSortedSet(changed));
        }

        /** Changes on top of the base: only the paths written or deleted can differ from it. */
        private Commit applyToBase(Map<String, BlobRef> changes) {
            Map<String, SiteEntry> updates = new HashMap<>();
            Set<String> removals = new HashSet<>();
            TreeSet<String> changed = new TreeSet<>();
            long now = clock.getAsLong();
            for (Map.Entry<String, BlobRef> change : changes.entrySet()) {
                String key = change.getKey();
                BlobRef blob = change.getValue();
                SiteEntry before = base.entries().get(key);
                if (blob == DELETED) {
                    if (before != null) {
                        removals.add(key);
                        changed.add(key);
                    }
                } else if (before == null || !before.blob().equals(blob)) {
                    updates.put(key, new SiteEntry(blob, now));
                    changed.add(key);
                }
            }
            if (changed.isEmpty()) {
                return new Commit(base, base, java.util.Collections.unmodifiableSortedSet(changed));
            }
            SiteSnapshot snapshot = new SiteSnapshot(base.generation() + 1, base.entries().with(updates, removals),
                    store);
            return new Commit(base, snapshot, java.util.Collections.unmodifiableSortedSet(changed));
        }

        /**
         * Deletes the blobs the commit before left unused and that are still unused, and marks
         * those this commit leaves unused (no longer in the site, or written and not used) for the
         * next: a request that picked up the previous snapshot can still read them meanwhile.
         */
        private void sweep(Commit commit) {
            Set<String> orphans = new HashSet<>();
            if (cleared) {
                blobUses.clear();
                commit.snapshot().entries().forEach((key, entry) -> blobUses.merge(entry.blob().sha256(), 1, Integer::sum));
                base.entries().forEach((key, entry) -> orphans.add(entry.blob().sha256()));
            } else {
                orphans.addAll(countUses(commit));
            }
            orphans.addAll(firstOrphans);
            List<String> doomed = new ArrayList<>();
            for (String hash : sweepable) {
                if (!blobUses.containsKey(hash)) {
                    doomed.add(hash);
                }
            }
            store.delete(doomed);
            orphans.addAll(written);
            orphans.removeIf(blobUses::containsKey);
            sweepable = orphans;
        }

        /**
         * Counts the uses of the blobs a commit on top of the base (not cleared) put in and took
         * out; returns those it left unused.
         */
        private Set<String> countUses(Commit commit) {
            Set<String> orphans = new HashSet<>();
            for (String key : commit.changedPaths()) {
                SiteEntry before = commit.previous().entries().get(key);
                SiteEntry after = commit.snapshot().entries().get(key);
                if (after != null) {
                    blobUses.merge(after.blob().sha256(), 1, Integer::sum);
                }
                if (before != null && blobUses.merge(before.blob().sha256(), -1, Integer::sum) == 0) {
                    blobUses.remove(before.blob().sha256());
                    orphans.add(before.blob().sha256());
                }
            }
            return orphans;
        }

        private void checkOpen() {
            if (finished) {
                throw new IllegalStateException("the preview transaction is already finished");
            }
        }
    }
}
