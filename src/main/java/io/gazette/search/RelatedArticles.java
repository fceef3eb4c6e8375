package io.gazette.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Related articles by TF-IDF cosine similarity over folded syllable pairs (Vietnamese words are
 * mostly two syllables: "thi đua", "khen thưởng") and tags, computed from the documents themselves
 * rather than from Lucene scores, so the answer does not depend on index layout or deleted
 * documents. Deterministic: ties go to the newer article, then the smaller url; an article is never
 * related to itself.
 */
public final class RelatedArticles {
    /** How many of a document's strongest features take part; the rest add noise and time. */
    private static final int FEATURES_PER_DOC = 40;
    private static final int TITLE_WEIGHT = 3;
    private static final int TAG_WEIGHT = 5;

    private final List<SearchDocument> docs;

    public RelatedArticles(List<SearchDocument> docs) {
        SearchIndexer.requireUniqueUrls(docs);
        List<SearchDocument> sorted = new ArrayList<>(docs);
        sorted.sort(SearchFields.ORDER);
        this.docs = List.copyOf(sorted);
    }

    /** url → up to {@code count} related urls, most related first; every document has an entry. */
    public Map<String, List<String>> compute(int count) {
        int n = docs.size();
        Map<String, Integer> featureIds = new HashMap<>();
        List<int[]> featureCounts = new ArrayList<>(n); // per doc: pairs (feature, tf)
        int[] df = new int[16];
        for (SearchDocument doc : docs) {
            Map<Integer, Integer> tf = new HashMap<>();
            addPairs(tf, featureIds, SearchFields.values(doc, "title"), TITLE_WEIGHT);
            addPairs(tf, featureIds, SearchFields.values(doc, "summary"), 1);
            addPairs(tf, featureIds, SearchFields.values(doc, "body"), 1);
            for (String tag : SearchFields.values(doc, "tags")) {
                String key = VietnameseTokens.tagKey(tag);
                if (!key.isEmpty()) {
                    tf.merge(featureIds.computeIfAbsent("#" + key, k -> featureIds.size()), TAG_WEIGHT, Integer::sum);
                }
            }
            int[] pairs = new int[tf.size() * 2];
            int i = 0;
            for (Map.Entry<Integer, Integer> e : tf.entrySet()) {
                pairs[i++] = e.getKey();
                pairs[i++] = e.getValue();
                if (e.getKey() >= df.length) {
                    df = Arrays.copyOf(df, Math.max(df.length * 2, e.getKey() + 1));
                }
                df[e.getKey()]++;
            }
            featureCounts.add(pairs);
        }

        // Each document's strongest features, unit length.
        int[][] topFeatures = new int[n][];
        double[][] topWeights = new double[n][];
        for (int d = 0; d < n; d++) {
            int[] pairs = featureCounts.get(d);
            int m = pairs.length / 2;
            Integer[] order = new Integer[m];
            double[] weight = new double[m];
            for (int k = 0; k < m; k++) {
                order[k] = k;
                int feature = pairs[2 * k];
                int docFreq = df[feature];
                // A feature only one document has relates nothing.
                weight[k] = docFreq < 2 ? 0 : (1 + StrictMath.log(pairs[2 * k + 1])) * StrictMath.log((double) n / docFreq);
            }
            Arrays.sort(order, Comparator.<Integer>comparingDouble(k -> weight[k]).reversed()
                    .thenComparingInt(k -> pairs[2 * k]));
            int keep = 0;
            while (keep < Math.min(FEATURES_PER_DOC, m) && weight[order[keep]] > 0) {
                keep++;
            }
            double norm = 0;
            for (int k = 0; k < keep; k++) {
                norm += weight[order[k]] * weight[order[k]];
            }
            norm = StrictMath.sqrt(norm);
            topFeatures[d] = new int[keep];
            topWeights[d] = new double[keep];
            for (int k = 0; k < keep; k++) {
                topFeatures[d][k] = pairs[2 * order[k]];
                topWeights[d][k] = weight[order[k]] / norm;
            }
        }

        // Inverted lists over the strongest features only.
        Map<Integer, List<int[]>> postings = new HashMap<>();
        for (int d = 0; d < n; d++) {
            for (int k = 0; k < topFeatures[d].length; k++) {
                postings.computeIfAbsent(topFeatures[d][k], f -> new ArrayList<>()).add(new int[]{d, k});
            }
        }

        Map<String, List<String>> related = new LinkedHashMap<>();
        double[] score = new double[n];
        int[] touched = new int[n];
        for (int d = 0; d < n; d++) {
            int touchedCount = 0;
            for (int k = 0; k < topFeatures[d].length; k++) {
                for (int[] posting : postings.get(topFeatures[d][k])) {
                    int other = posting[0];
                    if (other == d) {
                        continue;
                    }
                    if (score[other] == 0) {
                        touched[touchedCount++] = other;
                    }
                    score[other] += topWeights[d][k] * topWeights[other][posting[1]];
                }
            }
            Integer[] candidates = new Integer[touchedCount];
            for (int i = 0; i < touchedCount; i++) {
                candidates[i] = touched[i];
            }
            // Documents are in date-then-url order, so the smaller index is the tie winner.
            Arrays.sort(candidates, Comparator.<Integer>comparingDouble(o -> score[o]).reversed()
                    .thenComparingInt(o -> o));
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < candidates.length && urls.size() < count; i++) {
                urls.add(docs.get(candidates[i]).url());
            }
            for (int i = 0; i < touchedCount; i++) {
                score[touched[i]] = 0;
            }
            related.put(docs.get(d).url(), List.copyOf(urls));
        }
        return related;
    }

    private static void addPairs(Map<Integer, Integer> tf, Map<String, Integer> ids, List<String> values, int weight) {
        for (String value : values) {
            List<Syllable> syllables = VietnameseTokens.scan(value);
            for (int i = 1; i < syllables.size(); i++) {
                String pair = syllables.get(i - 1).folded() + " " + syllables.get(i).folded();
                tf.merge(ids.computeIfAbsent(pair, k -> ids.size()), weight, Integer::sum);
            }
        }
    }
}
