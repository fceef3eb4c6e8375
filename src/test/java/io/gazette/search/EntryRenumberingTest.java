package io.gazette.search;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class EntryRenumberingTest {
    private static final int FIELDS = SearchFields.TEXT_FIELDS.size();

    /**
     * Made set by set from the old bytes, an entry is the one a full export encodes from the
     * postings now (sorted and merged by document): for every kind, sparse, dense and
     * complemented sets, documents taken out, renumbered and put in, and universes that grow,
     * shrink or stay.
     */
    @Test
    void anEntryMadeFromItsOldSetsIsTheOneEncodedFromItsPostings() {
        Random random = new Random(20261201);
        int unchanged = 0;
        int split = 0;
        for (int round = 0; round < 4000; round++) {
            int oldUniverse = 1 + random.nextInt(round % 3 == 0 ? 40 : 400);
            // Old documents kept (in order) or taken out; numbers now leave holes for the new ones.
            int[] newOf = new int[oldUniverse];
            int next = 0;
            boolean identity = random.nextInt(4) == 0;
            List<Integer> fresh = new ArrayList<>();
            for (int o = 0; o < oldUniverse; o++) {
                if (random.nextInt(12) == 0) {
                    // Taken out: gone, or changed in place (its number now among the new ones).
                    newOf[o] = -1;
                    if (identity || random.nextBoolean()) {
                        fresh.add(identity ? o : next++);
                    }
                    continue;
                }
                while (!identity && random.nextInt(15) == 0) {
                    fresh.add(next++);
                }
                newOf[o] = identity ? o : next++;
            }
            int universe = Math.max(next, identity ? oldUniverse : 0);
            while (random.nextInt(3) == 0) {
                fresh.add(universe++);
            }
            if (universe == 0) {
                continue;
            }
            DocKeys.Kind kind = DocKeys.Kind.values()[random.nextInt(DocKeys.Kind.values().length)];
            boolean fieldSets = kind == DocKeys.Kind.SYLLABLE || kind == DocKeys.Kind.PAIR || kind == DocKeys.Kind.PREFIX;
            // The old entry, from random postings: each field sparse, dense or nearly everywhere.
            TermPostings old = new TermPostings();
            for (int f = 0; f < (fieldSets ? FIELDS : 1); f++) {
                double density = switch (random.nextInt(4)) {
                    case 0 -> 0;
                    case 1 -> 0.02;
                    case 2 -> 0.4;
                    default -> 0.97;
                };
                for (int o = 0; o < oldUniverse; o++) {
                    if (random.nextDouble() < density) {
                        old.add(o, fieldSets ? 1 << f : 1);
                    }
                }
            }
            old.sort();
            if (old.size == 0) {
                continue;
            }
            byte[] oldBody = encode(kind, old, oldUniverse, Integer.MAX_VALUE);
            // The documents put in: some of the fresh numbers, and some of the old ones' taken out.
            List<int[]> additions = new ArrayList<>();
            for (int number : fresh) {
                if (random.nextBoolean()) {
                    additions.add(new int[] {number, fieldSets ? 1 + random.nextInt((1 << FIELDS) - 1) : 1});
                }
            }
            TermPostings now = postingsAfter(old, newOf, additions, fieldSets);
            int splitBytes = random.nextBoolean() ? Integer.MAX_VALUE : 8 + random.nextInt(64);
            EntryRenumbering sets = new EntryRenumbering(newOf, splitBytes);
            assertThat(EntryRenumbering.applies(kind, oldBody)).isTrue();
            byte[] made = sets.body(kind, oldBody, additions.isEmpty() ? null : additions);
            String where = "round " + round + ", " + kind;
            if (now.size == 0) {
                assertThat(made).as(where).isEmpty();
                continue;
            }
            byte[] expected = encode(kind, now, universe, splitBytes);
            if (expected == null) {
                assertThat(made).as(where + ": split now").isNull();
                split++;
                continue;
            }
            assertThat(made).as(where).isEqualTo(expected);
            if (made == oldBody) {
                unchanged++;
            }
        }
        assertThat(unchanged).as("entries kept as they were").isGreaterThan(100);
        assertThat(split).as("entries split now").isGreaterThan(50);
    }

    /**
     * The edits that renumber a few documents of a large archive (a title edit moves its article
     * among those of its day; a deletion shifts the newer ones down by one): entries holding none
     * of the moved documents are given back without decoding, and every entry, given back or
     * made, is the one a full export encodes.
     */
    @Test
    void entriesHoldingNoMovedDocumentAreKeptUnreadAndStayExact() {
        Random random = new Random(20261202);
        int keptUnread = 0;
        int rounds = 0;
        for (int round = 0; round < 3000; round++) {
            int oldUniverse = 50 + random.nextInt(400);
            int[] newOf = new int[oldUniverse];
            for (int o = 0; o < oldUniverse; o++) {
                newOf[o] = o;
            }
            int universe = oldUniverse;
            List<int[]> additions = new ArrayList<>();
            int from = random.nextInt(oldUniverse);
            boolean fieldSets;
            DocKeys.Kind kind = DocKeys.Kind.values()[random.nextInt(DocKeys.Kind.values().length)];
            fieldSets = kind == DocKeys.Kind.SYLLABLE || kind == DocKeys.Kind.PAIR || kind == DocKeys.Kind.PREFIX;
            if (random.nextBoolean()) {
                // A title edit: document `from` changes and moves to `to`, those between shift by one.
                int to = Math.min(oldUniverse - 1, from + random.nextInt(30));
                newOf[from] = -1;
                for (int o = from + 1; o <= to; o++) {
                    newOf[o] = o - 1;
                }
                if (random.nextBoolean()) {
                    additions.add(new int[] {to, fieldSets ? 1 + random.nextInt((1 << FIELDS) - 1) : 1});
                }
            } else {
                // A deletion: document `from` is gone, every later one shifts down.
                newOf[from] = -1;
                for (int o = from + 1; o < oldUniverse; o++) {
                    newOf[o] = o - 1;
                }
                universe = oldUniverse - 1;
            }
            TermPostings old = new TermPostings();
            for (int f = 0; f < (fieldSets ? FIELDS : 1); f++) {
                double density = switch (random.nextInt(5)) {
                    case 0 -> 0;
                    case 1, 2 -> 0.01;
                    case 3 -> 0.3;
                    default -> 0.97;
                };
                for (int o = 0; o < oldUniverse; o++) {
                    // Sparse entries often end before the moved documents, as most do in an archive.
                    int reach = density < 0.05 && random.nextBoolean() ? Math.max(1, from) : oldUniverse;
                    if (o < reach && random.nextDouble() < density) {
                        old.add(o, fieldSets ? 1 << f : 1);
                    }
                }
            }
            old.sort();
            if (old.size == 0) {
                continue;
            }
            byte[] oldBody = encode(kind, old, oldUniverse, Integer.MAX_VALUE);
            TermPostings now = postingsAfter(old, newOf, additions, fieldSets);
            int splitBytes = random.nextInt(4) == 0 ? 8 + random.nextInt(64) : Integer.MAX_VALUE;
            EntryRenumbering sets = new EntryRenumbering(newOf, splitBytes);
            byte[] made = sets.body(kind, oldBody, additions.isEmpty() ? null : additions);
            keptUnread += sets.keptUnread;
            rounds++;
            String where = "round " + round + ", " + kind;
            if (now.size == 0) {
                assertThat(made).as(where).isEmpty();
                continue;
            }
            byte[] expected = encode(kind, now, universe, splitBytes);
            if (expected == null) {
                assertThat(made).as(where + ": split now").isNull();
                continue;
            }
            assertThat(made).as(where).isEqualTo(expected);
        }
        assertThat(keptUnread).as("entries kept unread of " + rounds).isGreaterThan(rounds / 20);
    }

    /** A full export's body of {@code postings} (sorted), or null when it splits it. */
    private static byte[] encode(DocKeys.Kind kind, TermPostings postings, int universe, int splitBytes) {
        DocSets.Sink body = new DocSets.Sink(64);
        int[] scratch = new int[Math.max(16, universe)];
        switch (kind) {
            case SYLLABLE, PREFIX -> {
                DocSets.Sink[] detail = {new DocSets.Sink(64), new DocSets.Sink(64)};
                if (ShardEntries.encodeSplittable(postings, splitBytes, body, detail, scratch)) {
                    return null;
                }
            }
            case PAIR -> postings.writeFieldSets(body, FIELDS, scratch);
            default -> DocSets.write(body, postings.docs, 0, postings.size);
        }
        return body.toByteArray();
    }

    @Test
    void onlyAnOrderKeepingRenumberingIsTaken() {
        assertThat(EntryRenumbering.increasing(new int[] {0, -1, 1, 3, -1, 4})).isTrue();
        assertThat(EntryRenumbering.increasing(new int[] {0, 2, 1})).isFalse();
        assertThat(EntryRenumbering.increasing(new int[] {1, 1})).isFalse();
    }

    /**
     * The postings after the renumbering as StaticIndexUpdate gathers them for a full encoding:
     * the old ones that stay, under their new numbers, and the additions.
     */
    private static TermPostings postingsAfter(TermPostings old, int[] newOf, List<int[]> additions, boolean fieldSets) {
        TermPostings now = new TermPostings();
        for (int j = 0; j < old.size; j++) {
            if (newOf[old.docs[j]] >= 0) {
                now.add(newOf[old.docs[j]], fieldSets ? old.masks[j] : 1);
            }
        }
        for (int[] add : additions) {
            now.add(add[0], add[1]);
        }
        now.sort();
        return now;
    }
}
