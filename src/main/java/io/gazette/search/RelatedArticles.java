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

    private final SearchCorpus corpus;

    public RelatedArticles(List<SearchDocument> docs) {
        this(SearchCorpus.of(docs));
    }

    public RelatedArticles(SearchCorpus corpus) {
        this.corpus = corpus;
    }

    /** url → up to {@code count} related urls, most related first; every document has an entry. */
    public Map<String, List<String>> compute(int count) {
        int n = corpus.size();
        int fieldTitle = SearchFields.TEXT_FIELDS.indexOf("title");
        int fieldSummary = SearchFields.TEXT_FIELDS.indexOf("summary");
        int fieldBody = SearchFields.TEXT_FIELDS.indexOf("body");
        SearchCorpus.PairIds featureIds = new SearchCorpus.PairIds();
        Map<String, Integer> tagIds = new HashMap<>();
        int[][] featureCounts = new int[n][]; // per doc: pairs (feature, tf)
        int[] df = new int[1024];
        int[] tf = new int[1024];
        int[] seen = new int[64];
        for (int d = 0; d < n; d++) {
            int distinct = 0;
            int[][] fields = corpus.tokens[d];
            for (int f : new int[]{fieldTitle, fieldSummary, fieldBody}) {
                int weight = f == fieldTitle ? TITLE_WEIGHT : 1;
                int previous = -1;
                for (int exact : fields[f]) {
                    if (exact == SearchCorpus.VALUE_BREAK) {
                        previous = -1;
                        continue;
                    }
                    int folded = corpus.foldedOf[exact];
                    if (previous >= 0) {
                        // Feature ids: pairs count up from 0, tags are added after all pairs below.
                        int feature = featureIds.id(SearchCorpus.PairIds.key(previous, folded));
                        if (feature >= tf.length) {
                            tf = Arrays.copyOf(tf, Math.max(tf.length * 2, feature + 1));
                            df = Arrays.copyOf(df, tf.length);
                        }
                        if (tf[feature] == 0) {
                            if (distinct == seen.length) {
                                seen = Arrays.copyOf(seen, seen.length * 2);
                            }
                            seen[distinct++] = feature;
                        }
                        tf[feature] += weight;
                    }
                    previous = folded;
                }
            }
            int[] pairs = new int[distinct * 2];
            for (int i = 0; i < distinct; i++) {
                pairs[2 * i] = seen[i];
                pairs[2 * i + 1] = tf[seen[i]];
                df[seen[i]]++;
                tf[seen[i]] = 0;
            }
            featureCounts[d] = pairs;
        }
        // Tags: ids after every pair id, so the two never collide.
        int firstTag = featureIds.size();
        int[][] tagFeatures = new int[n][];
        for (int d = 0; d < n; d++) {
            String[] tags = corpus.tagKeys[d];
            int[] ids = new int[tags.length];
            int k = 0;
            for (String key : tags) {
                if (!key.isEmpty()) {
                    int id = tagIds.computeIfAbsent(key, x -> firstTag + tagIds.size());
                    if (Arrays.stream(ids, 0, k).noneMatch(i -> i == id)) {
                        ids[k++] = id;
                    }
                }
            }
            tagFeatures[d] = Arrays.copyOf(ids, k);
        }
        int[] tagDf = new int[tagIds.size()];
        for (int[] ids : tagFeatures) {
            for (int id : ids) {
                tagDf[id - firstTag]++;
            }
        }

        // Each document's strongest features, unit length.
        int[][] topFeatures = new int[n][];
        double[][] topWeights = new double[n][];
        for (int d = 0; d < n; d++) {
            int[] pairs = featureCounts[d];
            int[] tagsOfDoc = tagFeatures[d];
            int m = pairs.length / 2 + tagsOfDoc.length;
            int[] feature = new int[m];
            double[] weight = new double[m];
            for (int k = 0; k < pairs.length / 2; k++) {
                feature[k] = pairs[2 * k];
                weight[k] = tfIdf(pairs[2 * k + 1], df[pairs[2 * k]], n);
            }
            for (int t = 0; t < tagsOfDoc.length; t++) {
                int k = pairs.length / 2 + t;
                feature[k] = tagsOfDoc[t];
                weight[k] = tfIdf(TAG_WEIGHT, tagDf[tagsOfDoc[t] - firstTag], n);
            }
            Integer[] order = new Integer[m];
            for (int k = 0; k < m; k++) {
                order[k] = k;
            }
            Arrays.sort(order, Comparator.<Integer>comparingDouble(k -> weight[k]).reversed()
                    .thenComparingInt(k -> feature[k]));
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
                topFeatures[d][k] = feature[order[k]];
                topWeights[d][k] = weight[order[k]] / norm;
            }
        }

        // Inverted lists over the strongest features only: (doc, weight) per feature.
        Map<Integer, int[]> postingDocs = new HashMap<>();
        Map<Integer, double[]> postingWeights = new HashMap<>();
        Map<Integer, Integer> postingSizes = new HashMap<>();
        for (int d = 0; d < n; d++) {
            for (int k = 0; k < topFeatures[d].length; k++) {
                int f = topFeatures[d][k];
                int size = postingSizes.getOrDefault(f, 0);
                int[] docsOf = postingDocs.get(f);
                if (docsOf == null || docsOf.length == size) {
                    docsOf = docsOf == null ? new int[4] : Arrays.copyOf(docsOf, size * 2);
                    postingDocs.put(f, docsOf);
                    postingWeights.put(f, postingWeights.get(f) == null ? new double[4] : Arrays.copyOf(postingWeights.get(f), size * 2));
                }
                docsOf[size] = d;
                postingWeights.get(f)[size] = topWeights[d][k];
                postingSizes.put(f, size + 1);
            }
        }

        Map<String, List<String>> related = new LinkedHashMap<>();
        double[] score = new double[n];
        int[] touched = new int[n];
        for (int d = 0; d < n; d++) {
            int touchedCount = 0;
            for (int k = 0; k < topFeatures[d].length; k++) {
                int f = topFeatures[d][k];
                int[] docsOf = postingDocs.get(f);
                double[] weightsOf = postingWeights.get(f);
                int size = postingSizes.get(f);
                double w = topWeights[d][k];
                for (int i = 0; i < size; i++) {
                    int other = docsOf[i];
                    if (other == d) {
                        continue;
                    }
                    if (score[other] == 0) {
                        touched[touchedCount++] = other;
                    }
                    score[other] += w * weightsOf[i];
                }
            }
            related.put(corpus.docs.get(d).url(), best(touched, touchedCount, score, count));
            for (int i = 0; i < touchedCount; i++) {
                score[touched[i]] = 0;
            }
        }
        return related;
    }

    /** The {@code count} best-scored documents; documents are in date-then-url order, so the smaller index wins ties. */
    private List<String> best(int[] touched, int touchedCount, double[] score, int count) {
        int[] top = new int[count];
        int size = 0;
        for (int i = 0; i < touchedCount; i++) {
            int doc = touched[i];
            int at = size;
            while (at > 0 && better(doc, top[at - 1], score)) {
                at--;
            }
            if (at >= count) {
                continue;
            }
            int end = Math.min(size, count - 1);
            System.arraycopy(top, at, top, at + 1, end - at);
            top[at] = doc;
            size = Math.min(size + 1, count);
        }
        List<String> urls = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            urls.add(corpus.docs.get(top[i]).url());
        }
        return List.copyOf(urls);
    }

    private static boolean better(int a, int b, double[] score) {
        return score[a] > score[b] || (score[a] == score[b] && a < b);
    }

    private static double tfIdf(int tf, int docFreq, int n) {
        // A feature only one document has relates nothing.
        return docFreq < 2 ? 0 : (1 + StrictMath.log(tf)) * StrictMath.log((double) n / docFreq);
    }
}
