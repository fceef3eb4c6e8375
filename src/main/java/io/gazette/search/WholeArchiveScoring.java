package io.gazette.search;

import java.util.stream.IntStream;

/**
 * Every document's related list scored against all ({@link RelatedArticles}' last step), as
 * {@link RelatedState.Scorer#query} and {@link RelatedState#best} make each (the same products,
 * added in the same order: the same doubles and lists), over the feature lists' entries laid out
 * in the order the scoring walks them: each entry's document and its weight over that document's
 * norm (the factor the scorer multiplies by). Reading them in order, rather than each entry's
 * slot, then its weight and norm from arrays as long as the archive, is what keeps the scoring
 * of 100,000 articles (270 million entries walked) out of the memory's latency: 2.3–2.7 s → 1.5–1.9 s
 * (BENCHMARKS.md, "related: … (tenth session)").
 */
final class WholeArchiveScoring {
    private static final int F = RelatedArticles.FEATURES_PER_DOC;

    private final StrongestFeatures tops;
    private final double[] norms;
    private final int n;
    /** Entry j of the feature lists: its document, and its weight over that document's norm. */
    private final int[] doc;
    private final double[] value;
    /** By slot: the run of entries of the slot's feature. */
    private final int[] runStart;
    private final int[] runEnd;

    WholeArchiveScoring(StrongestFeatures tops, double[] norms, FeatureLists featureLists, int n) {
        this.tops = tops;
        this.norms = norms;
        this.n = n;
        runStart = new int[n * F];
        runEnd = new int[n * F];
        featureLists.runsBySlot(runStart, runEnd);
        doc = new int[featureLists.size()];
        value = new double[featureLists.size()];
        for (int j = 0; j < doc.length; j++) {
            int slot = featureLists.slotAt(j);
            doc[j] = slot / F;
            value[j] = tops.weight[slot] / norms[doc[j]];
        }
    }

    /** Every document's list of up to {@code count}, as {@link RelatedState#best} makes it. */
    void scoreAll(int count, int[] lists, double[] scores, int[] listSizes) {
        int ranges = Math.min(n, 64);
        IntStream.range(0, ranges).parallel().forEach(r -> {
            double[] score = new double[n];
            int[] touched = new int[n];
            for (int d = (int) ((long) r * n / ranges); d < (long) (r + 1) * n / ranges; d++) {
                int touchedCount = query(d, score, touched);
                int base = d * count;
                int size = 0;
                for (int t = 0; t < touchedCount; t++) {
                    int other = touched[t];
                    size = RelatedState.offer(lists, scores, base, size, count, other, score[other]);
                    score[other] = 0;
                }
                listSizes[d] = size;
            }
        });
    }

    /** {@link RelatedState.Scorer#query}: d's scores into {@code score} (all 0 before), the documents in {@code touched}; how many. */
    private int query(int d, double[] score, int[] touched) {
        int touchedCount = 0;
        double norm = norms[d];
        for (int i = 0; i < tops.size[d]; i++) {
            int slot = d * F + i;
            double w = tops.weight[slot] / norm;
            int end = runEnd[slot];
            for (int j = runStart[slot]; j < end; j++) {
                int other = doc[j];
                if (other == d) {
                    continue;
                }
                if (score[other] == 0) {
                    touched[touchedCount++] = other;
                }
                score[other] += w * value[j];
            }
        }
        return touchedCount;
    }
}
