package io.gazette.search;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Feature lists find each feature's slots, also when two feature ids share their high bits. */
class FeatureListsTest {
    private static final int F = RelatedArticles.FEATURES_PER_DOC;

    @Test
    void featuresSharingTheirHighBitsHaveRunsOfTheirOwn() {
        // 3 documents: 120 slots, 7 slot bits; ids differing only in the low 7 bits share a group.
        long a = 0x7000_0000_0000_0100L;
        long b = 0x7000_0000_0000_0101L;
        long c = -0x7000_0000_0000_0000L; // a negative id sorts first
        StrongestFeatures tops = new StrongestFeatures(3);
        put(tops, 0, b, a, c);
        put(tops, 1, a);
        put(tops, 2, c, b);
        FeatureLists lists = new FeatureLists(tops, 3);
        assertThat(docsOf(lists, tops, a)).containsExactly(0, 1);
        assertThat(docsOf(lists, tops, b)).containsExactly(0, 2);
        assertThat(docsOf(lists, tops, c)).containsExactly(0, 2);
        assertThat(docsOf(lists, tops, 0x7000_0000_0000_0102L)).isEmpty();

        int[] start = new int[3 * F];
        int[] end = new int[3 * F];
        lists.runsBySlot(start, end);
        for (int d = 0; d < 3; d++) {
            for (int i = 0; i < tops.size[d]; i++) {
                int slot = d * F + i;
                assertThat(((long) start[slot] << 32) | end[slot]).isEqualTo(lists.run(tops.feature[slot]));
            }
        }
    }

    @Test
    void patchedListsAreTheListsMadeAfresh() {
        // Ids drawn from a small set with shared high bits, so that groups mix; some documents'
        // features replaced, some added at the end, in every other round some deleted (every
        // newer one then moves down), as an update leaves them.
        java.util.Random random = new java.util.Random(7);
        int renumbered = 0;
        for (int round = 0; round < 100; round++) {
            int oldN = 1 + random.nextInt(60);
            StrongestFeatures before = new StrongestFeatures(oldN);
            for (int d = 0; d < oldN; d++) {
                fill(before, d, random);
            }
            FeatureLists old = new FeatureLists(before, oldN);
            int[] newOf = new int[oldN];
            int kept = 0;
            for (int o = 0; o < oldN; o++) {
                newOf[o] = round % 2 == 1 && random.nextInt(8) == 0 ? -1 : kept++;
            }
            renumbered += kept < oldN ? 1 : 0;
            int n = kept + random.nextInt(4);
            int[] oldOf = new int[n];
            java.util.Arrays.fill(oldOf, -1);
            for (int o = 0; o < oldN; o++) {
                if (newOf[o] >= 0) {
                    oldOf[newOf[o]] = o;
                }
            }
            StrongestFeatures after = new StrongestFeatures(n);
            boolean[] same = new boolean[n];
            for (int d = 0; d < n; d++) {
                same[d] = oldOf[d] >= 0 && random.nextInt(4) != 0;
                if (same[d]) {
                    System.arraycopy(before.feature, oldOf[d] * F, after.feature, d * F, F);
                    System.arraycopy(before.weight, oldOf[d] * F, after.weight, d * F, F);
                    after.size[d] = before.size[oldOf[d]];
                } else {
                    fill(after, d, random);
                }
            }
            FeatureLists patched = FeatureLists.patched(old, after, n, newOf, d -> same[d]);
            FeatureLists fresh = new FeatureLists(after, n);
            if (patched == null) {
                // Only when the slot numbers need another bit.
                assertThat(64 - Long.numberOfLeadingZeros((long) n * F))
                        .isNotEqualTo(64 - Long.numberOfLeadingZeros((long) oldN * F));
                continue;
            }
            assertThat(patched.size()).isEqualTo(fresh.size());
            for (int j = 0; j < fresh.size(); j++) {
                assertThat(patched.slotAt(j)).as("round %d entry %d", round, j).isEqualTo(fresh.slotAt(j));
            }
        }
        assertThat(renumbered).as("rounds with a deletion").isGreaterThan(20);
        StrongestFeatures two = new StrongestFeatures(2);
        put(two, 0, 1L);
        put(two, 1, 2L);
        assertThat(FeatureLists.patched(new FeatureLists(two, 2), two, 2, new int[] {1, 0}, d -> true))
                .as("numbers that swap two documents").isNull();
    }

    private static void fill(StrongestFeatures tops, int d, java.util.Random random) {
        int size = random.nextInt(F + 1);
        java.util.Set<Long> ids = new java.util.LinkedHashSet<>();
        while (ids.size() < size) {
            long high = random.nextBoolean() ? 0x7000_0000_0000_0000L : -0x3000_0000_0000_0000L;
            ids.add(high + random.nextInt(5000) - 2500);
        }
        put(tops, d, ids.stream().mapToLong(Long::longValue).toArray());
    }

    private static void put(StrongestFeatures tops, int d, long... ids) {
        for (int i = 0; i < ids.length; i++) {
            tops.feature[d * F + i] = ids[i];
            tops.weight[d * F + i] = ids.length - i;
        }
        tops.size[d] = ids.length;
    }

    private static List<Integer> docsOf(FeatureLists lists, StrongestFeatures tops, long id) {
        long run = lists.run(id);
        List<Integer> docs = new ArrayList<>();
        for (int j = (int) (run >>> 32); j < (int) run; j++) {
            assertThat(tops.feature[lists.slotAt(j)]).isEqualTo(id);
            docs.add(lists.slotAt(j) / F);
        }
        return docs;
    }
}
