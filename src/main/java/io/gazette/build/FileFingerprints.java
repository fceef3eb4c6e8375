package io.gazette.build;

import io.gazette.site.SinceLastBuild;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The fingerprint of every file the last successful generation produced, updated in place by the
 * next one: a generation {@link #record records} each file it plans (learning whether it must be
 * produced), {@link #removeVanished removes} those it did not plan, and then either
 * {@link #commit commits} or, when it failed, {@link #rollback rolls back} to the last successful
 * state. In place, because a preview rebuild of a large site plans tens of thousands of files
 * and changes a handful. One generation at a time; its methods are synchronized, since a build's
 * static index export records its files on a thread of its own while the pages are planned
 * ({@link SearchWork#startExport}).
 */
final class FileFingerprints {
    private static final class State extends SinceLastBuild.Kept {
        long fingerprint;

        State(long fingerprint) {
            this.fingerprint = fingerprint;
        }
    }

    /** What a failed generation must undo: a path and its state before, null when it was new. */
    private record Undo(String path, State before, long fingerprint) {
    }

    private final Map<String, State> states = new HashMap<>();
    private final List<Undo> undo = new ArrayList<>();
    /** Files of the last generation that this one may not make again. */
    private final List<String> released = new ArrayList<>();
    /** Paths recorded twice by this generation: two files claim one path. */
    private final java.util.Set<String> duplicates = new java.util.TreeSet<>();
    private final SinceLastBuild since;

    FileFingerprints(SinceLastBuild since) {
        this.since = since;
    }

    /** Starts recording the files of the build {@link SinceLastBuild#start started} last. */
    synchronized void start() {
        undo.clear();
        released.clear();
        duplicates.clear();
    }

    /**
     * Paths this generation recorded more than once, sorted. A sink sees a clash only when both
     * files are written; with the files of the last build in place, one of them may be unchanged.
     */
    synchronized List<String> duplicates() {
        return List.copyOf(duplicates);
    }

    /** A file the last generation made that this one may not make: deleted unless recorded again. */
    synchronized void release(String path) {
        released.add(path);
    }

    /** Records a planned file; true when it must be produced (new, or its fingerprint moved). */
    synchronized boolean record(String path, long fingerprint) {
        State state = states.get(path);
        if (state == null) {
            state = new State(fingerprint);
            since.markUsed(state);
            states.put(path, state);
            undo.add(new Undo(path, null, 0));
            return true;
        }
        if (!since.markUsed(state)) {
            duplicates.add(path);
        }
        if (state.fingerprint == fingerprint) {
            return false;
        }
        undo.add(new Undo(path, state, state.fingerprint));
        state.fingerprint = fingerprint;
        return true;
    }

    /**
     * Forgets the released files this generation did not record again, or, with {@code every},
     * every file it did not record except those {@code kept} (files it left as they were); returns
     * them sorted, to be deleted.
     */
    synchronized List<String> removeVanished(boolean every, Predicate<String> kept) {
        java.util.Set<String> vanished = new java.util.TreeSet<>();
        if (every) {
            for (Map.Entry<String, State> entry : states.entrySet()) {
                if (!since.usedNow(entry.getValue()) && !kept.test(entry.getKey())) {
                    vanished.add(entry.getKey());
                }
            }
        } else {
            for (String path : released) {
                State state = states.get(path);
                if (state != null && !since.usedNow(state)) {
                    vanished.add(path);
                }
            }
        }
        for (String path : vanished) {
            State state = states.remove(path);
            undo.add(new Undo(path, state, state.fingerprint));
        }
        return List.copyOf(vanished);
    }

    /**
     * Records a file of the last generation as made again with the same bytes (an export that
     * knows it did not change it); false when the last generation had no such file.
     */
    synchronized boolean keep(String path) {
        State state = states.get(path);
        if (state == null) {
            return false;
        }
        if (!since.markUsed(state)) {
            duplicates.add(path);
        }
        return true;
    }

    /** The fingerprint of a file of the last generation, or null when it had none at that path. */
    synchronized Long fingerprint(String path) {
        State state = states.get(path);
        return state == null ? null : state.fingerprint;
    }

    /** Back to the state after the last successful generation. */
    synchronized void rollback() {
        released.clear();
        for (int i = undo.size() - 1; i >= 0; i--) {
            Undo change = undo.get(i);
            if (change.before() == null) {
                states.remove(change.path());
            } else {
                change.before().fingerprint = change.fingerprint();
                states.put(change.path(), change.before());
            }
        }
        undo.clear();
    }

    synchronized void commit() {
        undo.clear();
        released.clear();
    }

    synchronized int size() {
        return states.size();
    }

    /**
     * Takes a file as made by the last successful generation of an earlier process (a saved
     * {@link BuildStateFile}): like any file of the last generation, it is produced again only
     * if its fingerprint moves, and deleted if it is not planned again. Before the first build.
     */
    synchronized void preload(String path, long fingerprint) {
        states.put(path, new State(fingerprint));
    }

    /** Every file of the last successful generation, path → fingerprint. */
    synchronized Map<String, Long> snapshot() {
        Map<String, Long> all = new HashMap<>(states.size() * 4 / 3 + 16);
        states.forEach((path, state) -> all.put(path, state.fingerprint));
        return all;
    }
}
