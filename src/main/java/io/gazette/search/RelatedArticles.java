package io.gazette.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Related articles by TF-IDF cosine similarity over folded syllable pairs (Vietnamese words are
 * mostly two syllables: "thi đua", "khen thưởng") and tags, computed from the documents themselves
 * rather than from Lucene scores, so the answer does not depend on index layout or deleted
 * documents. Deterministic: ties go to the newer article, then the smaller url; an article is never
 * related to itself.
 *
 * <p>Every step works on numbers in primitive arrays and runs over ranges of documents in
 * parallel; results do not depend on the number of threads (each sum is taken in one fixed order).
 * {@link #compute} only reads the corpus, so it may run on any thread, concurrently with others.
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

    /**
     * url → up to {@code count} related urls, most related first; every document has an entry,
     * in document order (newest first). The map and its lists are unmodifiable.
     */
    public Map<String, List<String>> compute(int count) {
        int n = corpus.size();
        if (n == 0) {
            return Map.of();
        }
        int rangeSize = Math.max(64, (n + 15) / 16);
        int ranges = (n + rangeSize - 1) / rangeSize;

        // 1. Each document's distinct pairs with their term frequency, numbered per range by first
        //    occurrence; the ranges' numbers are then merged in order into global feature ids,
        //    which gives the ids one thread walking all documents would give.
        int[][] features = new int[n][];
        int[][] frequencies = new int[n][];
        SearchCorpus.PairIds[] local = new SearchCorpus.PairIds[ranges];
        IntStream.range(0, ranges).parallel().forEach(r ->
                local[r] = pairFeatures(r * rangeSize, Math.min(n, (r + 1) * rangeSize), features, frequencies));
        SearchCorpus.PairIds global = new SearchCorpus.PairIds(local[0].size() * 2);
        int[][] globalOf = new int[ranges][];
        for (int r = 0; r < ranges; r++) {
            int[] map = new int[local[r].size()];
            for (int i = 0; i < map.length; i++) {
                map[i] = global.id(local[r].pairs[i]);
            }
            globalOf[r] = map;
        }
        // Tags: ids after every pair id, so the two never collide.
        int firstTag = global.size();
        Map<String, Integer> tagIds = new HashMap<>();
        int[][] tagFeatures = new int[n][];
        for (int d = 0; d < n; d++) {
            String[] keys = corpus.tagKeys[d];
            int[] ids = new int[keys.length];
            int k = 0;
            for (String key : keys) {
                if (!key.isEmpty()) {
                    int id = tagIds.computeIfAbsent(key, x -> firstTag + tagIds.size());
                    if (!contains(ids, k, id)) {
                        ids[k++] = id;
                    }
                }
            }
            tagFeatures[d] = Arrays.copyOf(ids, k);
        }
        int featureCount = firstTag + tagIds.size();
        IntStream.range(0, ranges).parallel().forEach(r -> {
            int[] map = globalOf[r];
            for (int d = r * rangeSize; d < Math.min(n, (r + 1) * rangeSize); d++) {
                int[] f = features[d];
                for (int i = 0; i < f.length; i++) {
                    f[i] = map[f[i]];
                }
            }
        });
        int[] df = new int[featureCount];
        for (int d = 0; d < n; d++) {
            for (int f : features[d]) {
                df[f]++;
            }
            for (int f : tagFeatures[d]) {
                df[f]++;
            }
        }
        double[] idf = new double[featureCount];
        for (int f = 0; f < featureCount; f++) {
            // A feature only one document has relates nothing.
            idf[f] = df[f] < 2 ? 0 : StrictMath.log((double) n / df[f]);
        }

        // 2. Each document's strongest features, unit length.
        int[][] topFeatures = new int[n][];
        double[][] topWeights = new double[n][];
        IntStream.range(0, ranges).parallel().forEach(r -> {
            TopFeatures top = new TopFeatures(FEATURES_PER_DOC);
            for (int d = r * rangeSize; d < Math.min(n, (r + 1) * rangeSize); d++) {
                top.clear();
                int[] f = features[d];
                int[] tf = frequencies[d];
                for (int i = 0; i < f.length; i++) {
                    top.offer(f[i], tfIdf(tf[i], idf[f[i]]));
                }
                for (int tag : tagFeatures[d]) {
                    top.offer(tag, tfIdf(TAG_WEIGHT, idf[tag]));
                }
                top.sort();
                double norm = 0;
                for (int k = 0; k < top.size; k++) {
                    norm += top.weight[k] * top.weight[k];
                }
                norm = StrictMath.sqrt(norm);
                topFeatures[d] = Arrays.copyOf(top.feature, top.size);
                double[] weights = new double[top.size];
                for (int k = 0; k < top.size; k++) {
                    weights[k] = top.weight[k] / norm;
                }
                topWeights[d] = weights;
            }
        });

        // 3. Inverted lists over the strongest features only: (doc, weight) per feature, by doc.
        int[] start = new int[featureCount + 1];
        for (int[] f : topFeatures) {
            for (int feature : f) {
                start[feature + 1]++;
            }
        }
        for (int f = 0; f < featureCount; f++) {
            start[f + 1] += start[f];
        }
        int[] fill = Arrays.copyOf(start, featureCount);
        int[] postingDoc = new int[start[featureCount]];
        double[] postingWeight = new double[start[featureCount]];
        for (int d = 0; d < n; d++) {
            for (int k = 0; k < topFeatures[d].length; k++) {
                int at = fill[topFeatures[d][k]]++;
                postingDoc[at] = d;
                postingWeight[at] = topWeights[d][k];
            }
        }

        // 4. Scores: every document against those sharing a strong feature; the best few.
        int[][] best = new int[n][];
        IntStream.range(0, ranges).parallel().forEach(r -> {
            double[] score = new double[n];
            int[] touched = new int[n];
            for (int d = r * rangeSize; d < Math.min(n, (r + 1) * rangeSize); d++) {
                int touchedCount = 0;
                for (int k = 0; k < topFeatures[d].length; k++) {
                    int f = topFeatures[d][k];
                    double w = topWeights[d][k];
                    for (int i = start[f]; i < start[f + 1]; i++) {
                        int other = postingDoc[i];
                        if (other == d) {
                            continue;
                        }
                        if (score[other] == 0) {
                            touched[touchedCount++] = other;
                        }
                        score[other] += w * postingWeight[i];
                    }
                }
                best[d] = best(touched, touchedCount, score, count);
                for (int i = 0; i < touchedCount; i++) {
                    score[touched[i]] = 0;
                }
            }
        });
        Map<String, List<String>> related = new LinkedHashMap<>();
        for (int d = 0; d < n; d++) {
            List<String> urls = new ArrayList<>(best[d].length);
            for (int other : best[d]) {
                urls.add(corpus.docs.get(other).url());
            }
            related.put(corpus.docs.get(d).url(), List.copyOf(urls));
        }
        return Collections.unmodifiableMap(related);
    }

    /**
     * Fills {@code features[d]} (local pair ids) and {@code frequencies[d]} for documents
     * {@code from..to} from title (weighted), summary and body; returns the range's pair ids.
     */
    private SearchCorpus.PairIds pairFeatures(int from, int to, int[][] features, int[][] frequencies) {
        int fieldTitle = SearchFields.TEXT_FIELDS.indexOf("title");
        int[] fieldsUsed = {fieldTitle, SearchFields.TEXT_FIELDS.indexOf("summary"), SearchFields.TEXT_FIELDS.indexOf("body")};
        SearchCorpus.PairIds ids = new SearchCorpus.PairIds(1 << 14);
        int[] tf = new int[1 << 14];
        int[] seen = new int[256];
        for (int d = from; d < to; d++) {
            int distinct = 0;
            int[][] fields = corpus.tokens[d];
            for (int f : fieldsUsed) {
                int weight = f == fieldTitle ? TITLE_WEIGHT : 1;
                int previous = -1;
                for (int exact : fields[f]) {
                    if (exact == SearchCorpus.VALUE_BREAK) {
                        previous = -1;
                        continue;
                    }
                    int folded = corpus.foldedOf[exact];
                    if (previous >= 0) {
                        int feature = ids.id(SearchCorpus.PairIds.key(previous, folded));
                        if (feature >= tf.length) {
                            tf = Arrays.copyOf(tf, Math.max(tf.length * 2, feature + 1));
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
            int[] docFeatures = Arrays.copyOf(seen, distinct);
            int[] docTf = new int[distinct];
            for (int i = 0; i < distinct; i++) {
                docTf[i] = tf[seen[i]];
                tf[seen[i]] = 0;
            }
            features[d] = docFeatures;
            frequencies[d] = docTf;
        }
        return ids;
    }

    /**
     * The strongest features of one document: heaviest first, ties to the smaller feature id, only
     * positive weights. A bounded min-heap, then the survivors sorted.
     */
    private static final class TopFeatures {
        final int limit;
        final int[] feature;
        final double[] weight;
        int size;

        TopFeatures(int limit) {
            this.limit = limit;
            feature = new int[limit];
            weight = new double[limit];
        }

        void clear() {
            size = 0;
        }

        /** a ranks below b: lighter, or as heavy with a larger feature id. */
        private boolean below(double wa, int fa, double wb, int fb) {
            return wa < wb || (wa == wb && fa > fb);
        }

        void offer(int f, double w) {
            if (!(w > 0)) {
                return;
            }
            if (size < limit) {
                int i = size++;
                while (i > 0) {
                    int parent = (i - 1) / 2;
                    if (!below(w, f, weight[parent], feature[parent])) {
                        break;
                    }
                    feature[i] = feature[parent];
                    weight[i] = weight[parent];
                    i = parent;
                }
                feature[i] = f;
                weight[i] = w;
            } else if (below(weight[0], feature[0], w, f)) {
                siftDown(f, w, size);
            }
        }

        /** Replaces the root (the weakest) with (f, w) and restores the heap over [0, n). */
        private void siftDown(int f, double w, int n) {
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= n) {
                    break;
                }
                if (child + 1 < n && below(weight[child + 1], feature[child + 1], weight[child], feature[child])) {
                    child++;
                }
                if (!below(weight[child], feature[child], w, f)) {
                    break;
                }
                feature[i] = feature[child];
                weight[i] = weight[child];
                i = child;
            }
            feature[i] = f;
            weight[i] = w;
        }

        /** Heap sort: strongest first. */
        void sort() {
            for (int end = size - 1; end > 0; end--) {
                int f = feature[0];
                double w = weight[0];
                int lastF = feature[end];
                double lastW = weight[end];
                feature[end] = f;
                weight[end] = w;
                siftDown(lastF, lastW, end);
            }
        }
    }

    private static boolean contains(int[] values, int count, int value) {
        for (int i = 0; i < count; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    /** The {@code count} best-scored documents; documents are in date-then-url order, so the smaller index wins ties. */
    private static int[] best(int[] touched, int touchedCount, double[] score, int count) {
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
        return Arrays.copyOf(top, size);
    }

    private static boolean better(int a, int b, double[] score) {
        return score[a] > score[b] || (score[a] == score[b] && a < b);
    }

    /** 1 + log(tf) for the usual small frequencies: the same doubles, without a log call each. */
    private static final double[] LOG_TF = new double[1024];

    static {
        for (int tf = 1; tf < LOG_TF.length; tf++) {
            LOG_TF[tf] = 1 + StrictMath.log(tf);
        }
    }

    private static double tfIdf(int tf, double idf) {
        return idf == 0 ? 0 : (tf < LOG_TF.length ? LOG_TF[tf] : 1 + StrictMath.log(tf)) * idf;
    }
}
