package io.gazette.serve;

import java.util.SortedSet;

/**
 * What a committed transaction did: the snapshot before and after and the site paths whose
 * content really changed (added, removed or different bytes; rewriting a page with the same bytes
 * is not a change). When nothing changed, {@code snapshot == previous}.
 */
public record Commit(SiteSnapshot previous, SiteSnapshot snapshot, SortedSet<String> changedPaths) {

    public boolean changed() {
        return !changedPaths.isEmpty();
    }
}
