package io.gazette.serve;

/** Receives one debounced {@link ChangeSet} per burst of edits, on the watcher's thread. */
@FunctionalInterface
public interface ChangeListener {
    void onChanges(ChangeSet changes);
}
