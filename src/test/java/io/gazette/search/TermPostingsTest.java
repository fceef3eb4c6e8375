package io.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A term's postings come out ordered by document with each document's fields merged, whether they
 * are sorted (few) or merged through a mask per number (a term in many documents): the exporter's
 * bytes depend on it, and the fixtures of the export tests are too small to reach the second way.
 */
class TermPostingsTest {
    @Test
    void sparseAndDenseTermsGiveTheDocumentsInOrderWithTheirMergedFields() {
        Random random = new Random(7);
        TermPostings postings = new TermPostings();
        // Reused from term to term, as the exporter does: dense, sparse, dense again (smaller).
        for (int[] shape : new int[][] {{100_000, 60_000}, {100_000, 300}, {5_000, 4_000}, {400, 10}, {50_000, 40_000}}) {
            int universe = shape[0];
            int count = shape[1];
            postings.clear();
            Map<Integer, Integer> expected = new TreeMap<>();
            for (int f = 0; f < 3; f++) {
                for (int i = 0; i < count; i++) {
                    int doc = random.nextInt(universe);
                    postings.add(doc, 1 << f);
                    expected.merge(doc, 1 << f, (a, b) -> a | b);
                }
            }
            postings.sort();
            assertThat(postings.size).as(Arrays.toString(shape)).isEqualTo(expected.size());
            int j = 0;
            for (Map.Entry<Integer, Integer> e : expected.entrySet()) {
                assertThat(postings.docs[j]).isEqualTo(e.getKey());
                assertThat(postings.masks[j] & 0xff).isEqualTo(e.getValue());
                j++;
            }
        }
    }

    @Test
    void aDocumentWithoutAFieldBitIsKept() {
        TermPostings postings = new TermPostings();
        for (int doc = 0; doc < 1_000; doc++) {
            postings.add(doc, doc == 500 ? 0 : 1);
        }
        postings.sort();
        assertThat(postings.size).isEqualTo(1_000);
        assertThat(postings.docs[500]).isEqualTo(500);
    }
}
