package io.gazette.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class ChangeSetTest {
    private static final Path A = Path.of("content/a.md");
    private static final Path B = Path.of("content/b.md");
    private static final Path C = Path.of("content/c.md");

    @Test
    void mergesASequenceOfChangesIntoTheirNetEffect() {
        ChangeSet first = changes(Set.of(A), Set.of(B), Set.of(C));
        ChangeSet later = changes(Set.of(C), Set.of(A), Set.of(B));
        ChangeSet merged = first.merge(later);
        assertThat(merged.added()).containsExactly(A);    // added, then modified: still new
        assertThat(merged.modified()).containsExactly(C); // deleted, then added back
        assertThat(merged.deleted()).containsExactly(B);  // modified, then deleted
    }

    @Test
    void addedThenDeletedIsNoChange() {
        ChangeSet merged = changes(Set.of(A), Set.of(), Set.of()).merge(changes(Set.of(), Set.of(), Set.of(A)));
        assertThat(merged.isEmpty()).isTrue();
    }

    @Test
    void aCatchUpIsAChangeOfItsOwnAndSurvivesMerges() {
        assertThat(ChangeSet.catchUpOnly().isEmpty()).isFalse();
        assertThat(ChangeSet.catchUpOnly().all()).isEmpty();
        ChangeSet merged = ChangeSet.catchUpOnly().merge(changes(Set.of(A), Set.of(), Set.of()));
        assertThat(merged.catchUp()).isTrue();
        assertThat(merged.all()).containsExactly(A);
        assertThat(changes(Set.of(A), Set.of(), Set.of()).merge(changes(Set.of(), Set.of(), Set.of(A))).catchUp())
                .isFalse();
    }

    @Test
    void aFullRebuildStaysFull() {
        ChangeSet merged = ChangeSet.everything().merge(changes(Set.of(A), Set.of(), Set.of()));
        assertThat(merged.full()).isTrue();
        assertThat(merged.added()).containsExactly(A);
        assertThat(ChangeSet.EMPTY.isEmpty()).isTrue();
        assertThat(ChangeSet.everything().isEmpty()).isFalse();
    }

    private static ChangeSet changes(Set<Path> added, Set<Path> modified, Set<Path> deleted) {
        return new ChangeSet(new TreeSet<>(added), new TreeSet<>(modified), new TreeSet<>(deleted), false);
    }
}
