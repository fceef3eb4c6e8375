package io.gazette.search;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole archive's lists, scored over the laid-out entries, are those the scorer an update
 * uses makes document by document, to the bit (an update relies on the same doubles).
 */
class WholeArchiveScoringTest {
    private static final int F = RelatedArticles.FEATURES_PER_DOC;

    @Test
    void listsAndScoresAreTheScorersToTheBit() {
        Random random = new Random(11);
        for (int round = 0; round < 30; round++) {
            int n = 1 + random.nextInt(200);
            int count = 1 + random.nextInt(6);
            // Few distinct ids and weights, so that features are shared and scores tie.
            StrongestFeatures tops = new StrongestFeatures(n);
            for (int d = 0; d < n; d++) {
                int size = random.nextInt(F + 1);
                for (int k = 0; k < size * 3 && tops.size[d] < size; k++) {
                    tops.offer(d, 1 + random.nextInt(60), 0.5 + random.nextInt(4) * 0.75);
                }
                tops.sortStrongestFirst(d);
            }
            double[] norms = new double[n];
            for (int d = 0; d < n; d++) {
                norms[d] = RelatedState.norm(tops, d);
            }
            FeatureLists featureLists = new FeatureLists(tops, n);

            int[] lists = new int[n * count];
            double[] scores = new double[n * count];
            int[] sizes = new int[n];
            new WholeArchiveScoring(tops, norms, featureLists, n).scoreAll(count, lists, scores, sizes);

            int[] expectedLists = new int[n * count];
            double[] expectedScores = new double[n * count];
            int[] expectedSizes = new int[n];
            RelatedState.Scorer scorer = new RelatedState.Scorer(tops, norms, featureLists);
            for (int d = 0; d < n; d++) {
                scorer.query(d);
                RelatedState.best(scorer, d, count, expectedLists, expectedScores, expectedSizes);
            }
            assertThat(sizes).isEqualTo(expectedSizes);
            assertThat(lists).isEqualTo(expectedLists);
            for (int i = 0; i < scores.length; i++) {
                assertThat(Double.doubleToLongBits(scores[i])).isEqualTo(Double.doubleToLongBits(expectedScores[i]));
            }
        }
    }
}
