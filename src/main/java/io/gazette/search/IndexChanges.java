package io.gazette.search;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one sync of the Lucene index changed, for an export in proportion to the edit
 * ({@link StaticIndexUpdate}): the urls of the documents it wrote or deleted and, for those it
 * replaced or deleted, the static index keys of the version it dropped (made from the index
 * before the change: afterwards they are gone). Past {@link #LIMIT} documents it keeps nothing
 * and says so: the export is then a full one.
 */
public final class IndexChanges {
    /** Documents past which nothing is kept (a full export is as cheap, and memory stays small). */
    static final int LIMIT = 1_000;

    private final Map<String, Map<String, Integer>> oldKeys = new ConcurrentHashMap<>();
    private volatile boolean overflow;
    private final long commitBefore;

    /** @param commitBefore the index's commit before the sync (see {@link SearchIndexer#commitVersion}) */
    public IndexChanges(long commitBefore) {
        this.commitBefore = commitBefore;
    }

    /** The commit the index was at before these changes. */
    public long commitBefore() {
        return commitBefore;
    }

    /** Whether more documents changed than are kept. */
    public boolean overflowed() {
        return overflow;
    }

    /** How many documents changed (while not overflowed). */
    public int size() {
        return oldKeys.size();
    }

    /** Whether one more document should be looked up: false once past the limit. */
    boolean wanted() {
        return !overflow;
    }

    /** A document written or deleted, with its old version's keys (empty when it had none). */
    void changed(String url, Map<String, Integer> keysBefore) {
        if (overflow) {
            return;
        }
        oldKeys.put(url, keysBefore);
        if (oldKeys.size() > LIMIT) {
            overflow = true;
            oldKeys.clear();
        }
    }

    /** Every url changed. */
    Set<String> urls() {
        return oldKeys.keySet();
    }

    /** The keys of the version of {@code url} before the changes (empty: it was not in the index). */
    Map<String, Integer> keysBefore(String url) {
        return oldKeys.getOrDefault(url, Map.of());
    }
}
