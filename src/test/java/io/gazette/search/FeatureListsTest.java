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
