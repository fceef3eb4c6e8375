package io.gazette.serve;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The files of one snapshot (site path → entry), immutable. A commit that changes a few files of
 * a large site makes its snapshot in proportion to the change, not to the site: a new snapshot
 * shares the previous one's base map and carries its own small layer of changes on top, until the
 * layer grows past an eighth of the base and the two are merged again.
 */
final class SnapshotEntries {
    static final SnapshotEntries EMPTY = new SnapshotEntries(Map.of(), Map.of(), Set.of(), 0);

    private final Map<String, SiteEntry> base;
    /** Entries added on top of the base, or replacing its own. */
    private final Map<String, SiteEntry> layer;
    /** Paths of the base that are gone. */
    private final Set<String> gone;
    private final int size;

    private SnapshotEntries(Map<String, SiteEntry> base, Map<String, SiteEntry> layer, Set<String> gone, int size) {
        this.base = base;
        this.layer = layer;
        this.gone = gone;
        this.size = size;
    }

    static SnapshotEntries of(Map<String, SiteEntry> entries) {
        return new SnapshotEntries(Map.copyOf(entries), Map.of(), Set.of(), entries.size());
    }

    SiteEntry get(String path) {
        SiteEntry entry = layer.get(path);
        if (entry != null) {
            return entry;
        }
        return gone.contains(path) ? null : base.get(path);
    }

    int size() {
        return size;
    }

    void forEach(BiConsumer<String, SiteEntry> action) {
        base.forEach((path, entry) -> {
            if (!layer.containsKey(path) && !gone.contains(path)) {
                action.accept(path, entry);
            }
        });
        layer.forEach(action);
    }

    /** These entries with {@code updates} written and {@code removals} deleted. */
    SnapshotEntries with(Map<String, SiteEntry> updates, Set<String> removals) {
        if (layer.size() + gone.size() + updates.size() + removals.size() > base.size() / 8 + 64) {
            Map<String, SiteEntry> all = new HashMap<>(size * 2);
            forEach(all::put);
            all.putAll(updates);
            all.keySet().removeAll(removals);
            return of(all);
        }
        Map<String, SiteEntry> nextLayer = new HashMap<>(layer);
        Set<String> nextGone = new HashSet<>(gone);
        int nextSize = size;
        for (Map.Entry<String, SiteEntry> update : updates.entrySet()) {
            String path = update.getKey();
            if (get(path) == null) {
                nextSize++;
            }
            nextLayer.put(path, update.getValue());
            nextGone.remove(path);
        }
        for (String path : removals) {
            if (get(path) != null && !updates.containsKey(path)) {
                nextSize--;
            }
            nextLayer.remove(path);
            if (base.containsKey(path)) {
                nextGone.add(path);
            }
        }
        return new SnapshotEntries(base, Map.copyOf(nextLayer), Set.copyOf(nextGone), nextSize);
    }
}
