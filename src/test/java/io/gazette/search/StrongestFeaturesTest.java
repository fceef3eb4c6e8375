package io.gazette.search;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A document keeps its strongest features (heaviest first, equal weights: smaller id first)
 * whatever the order they are offered in, also when many weigh the same as the weakest kept
 * (the offers the kept floor turns away without looking at the heap).
 */
class StrongestFeaturesTest {
    private static final int F = RelatedArticles.FEATURES_PER_DOC;

    @Test
    void keepsTheStrongestWhateverTheOrder() {
        Random random = new Random(5);
        for (int round = 0; round < 200; round++) {
            int offered = random.nextInt(3 * F);
            List<long[]> features = new ArrayList<>(); // {id, weight index}
            for (int k = 0; k < offered; k++) {
                features.add(new long[] {random.nextInt(1000) * 7919L + k, random.nextInt(5)});
            }
            List<long[]> expected = new ArrayList<>(features);
            expected.sort(Comparator.<long[]>comparingDouble(f -> -weight(f)).thenComparingLong(f -> f[0]));
            expected = expected.subList(0, Math.min(F, expected.size()));

            StrongestFeatures tops = new StrongestFeatures(3);
            for (int pass = 0; pass < 3; pass++) {
                Collections.shuffle(features, random);
                for (long[] f : features) {
                    tops.offer(pass, f[0], weight(f));
                }
                tops.sortStrongestFirst(pass);
                assertThat(tops.size[pass]).isEqualTo(expected.size());
                for (int k = 0; k < expected.size(); k++) {
                    assertThat(tops.feature[pass * F + k]).isEqualTo(expected.get(k)[0]);
                    assertThat(tops.weight[pass * F + k]).isEqualTo(weight(expected.get(k)));
                }
            }
        }
    }

    private static double weight(long[] f) {
        return 0.25 + f[1] * 0.5;
    }
}
