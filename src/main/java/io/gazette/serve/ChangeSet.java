package io.gazette.serve;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Source files that changed, relative to the project directory ({@code content/2014/a.md},
 * {@code site.yml}), each in exactly one of the three sets. {@code full} asks for everything to be
 * rebuilt: the first build, or when the watcher lost track (event overflow). {@code catchUp} asks
 * for a generation with no file changed, which brings search up to date after the pages and
 * re-decides what is published at the current time (a scheduled article came due).
 */
public record ChangeSet(SortedSet<Path> added, SortedSet<Path> modified, SortedSet<Path> deleted, boolean full,
        boolean catchUp) {

    /** How the console names a catch-up generation ({@code bench/IncrementalBench} reads it). */
    public static final String CATCH_UP_NAME = "[search index]";

    public static final ChangeSet EMPTY = new ChangeSet(new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), false);

    public ChangeSet {
        added = Collections.unmodifiableSortedSet(new TreeSet<>(added));
        modified = Collections.unmodifiableSortedSet(new TreeSet<>(modified));
        deleted = Collections.unmodifiableSortedSet(new TreeSet<>(deleted));
    }

    public ChangeSet(SortedSet<Path> added, SortedSet<Path> modified, SortedSet<Path> deleted, boolean full) {
        this(added, modified, deleted, full, false);
    }

    public static ChangeSet everything() {
        return new ChangeSet(new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), true);
    }

    /** The follow-up a rebuilder queues for itself: search is behind the pages, or the clock moved. */
    public static ChangeSet catchUpOnly() {
        return new ChangeSet(new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), false, true);
    }

    public boolean isEmpty() {
        return !full && !catchUp && added.isEmpty() && modified.isEmpty() && deleted.isEmpty();
    }

    /** Every path mentioned, sorted. */
    public SortedSet<Path> all() {
        TreeSet<Path> all = new TreeSet<>(added);
        all.addAll(modified);
        all.addAll(deleted);
        return Collections.unmodifiableSortedSet(all);
    }

    public int size() {
        return added.size() + modified.size() + deleted.size();
    }

    /**
     * This change followed by {@code later}, as one: a file added then deleted is no change, one
     * deleted then added again is modified, one added then modified is still added.
     */
    public ChangeSet merge(ChangeSet later) {
        Map<Path, Kind> net = new HashMap<>();
        record(net, this);
        for (Path path : later.added) {
            net.merge(path, Kind.ADDED, (before, now) -> before == Kind.DELETED ? Kind.MODIFIED : before);
        }
        for (Path path : later.modified) {
            net.merge(path, Kind.MODIFIED, (before, now) -> before == Kind.ADDED ? Kind.ADDED : Kind.MODIFIED);
        }
        for (Path path : later.deleted) {
            net.merge(path, Kind.DELETED, (before, now) -> before == Kind.ADDED ? Kind.NONE : Kind.DELETED);
        }
        TreeSet<Path> added = new TreeSet<>();
        TreeSet<Path> modified = new TreeSet<>();
        TreeSet<Path> deleted = new TreeSet<>();
        net.forEach((path, kind) -> {
            switch (kind) {
                case ADDED -> added.add(path);
                case MODIFIED -> modified.add(path);
                case DELETED -> deleted.add(path);
                case NONE -> { }
            }
        });
        return new ChangeSet(added, modified, deleted, full || later.full, catchUp || later.catchUp);
    }

    private static void record(Map<Path, Kind> net, ChangeSet changes) {
        changes.added.forEach(path -> net.put(path, Kind.ADDED));
        changes.modified.forEach(path -> net.put(path, Kind.MODIFIED));
        changes.deleted.forEach(path -> net.put(path, Kind.DELETED));
    }

    private enum Kind { ADDED, MODIFIED, DELETED, NONE }

    @Override
    public String toString() {
        return (full ? "full rebuild; " : "") + "added " + added + ", modified " + modified + ", deleted " + deleted;
    }
}
