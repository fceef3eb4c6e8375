package io.gazette.search;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Related articles by TF-IDF cosine similarity over folded syllable pairs (Vietnamese words are
 * mostly two syllables: "thi đua", "khen thưởng") and tags, read from the Lucene index (the pair
 * fields {@code title_p}, {@code summary_p}, {@code body_p} and the tag keys), not from Lucene
 * scores, so the answer does not depend on index layout or deleted documents. Deterministic: ties
 * go to the newer article, then the smaller url; an article is never related to itself.
 *
 * <p>Memory is a few numbers a document, never the text: the terms are walked once in order (each
 * term's live postings give its document frequency, then offer its weight to each document's
 * bounded heap of strongest features); the strongest features are inverted, and each document is
 * scored against those sharing one, with one score array per thread. Each document's bounded
 * heap is a {@link LegacyStrongestFeatures}.
 *
 * <p>One job although it is long: the walk over the terms (pairs and tags, in ranges on several
 * threads), the inversion and the scoring are the three steps of one computation and share its
 * numbering, weights and arrays; apart they would only hand those arrays to each other.
 */
public final class LegacyRelatedArticles {
    /** How many of a document's strongest features take part; the rest add noise and time. */
    static final int FEATURES_PER_DOC = 40;
    private static final int TITLE_WEIGHT = 3;
    private static final int TAG_WEIGHT = 5;
    private static final List<String> PAIR_FIELDS = List.of(
            SearchFields.pairs("title"), SearchFields.pairs("summary"), SearchFields.pairs("body"));
    private static final int[] FIELD_WEIGHTS = {TITLE_WEIGHT, 1, 1};

    private final List<SearchDocument> docs;

    /** Related articles of {@code docs}, through an index in memory (tests, tools). */
    public LegacyRelatedArticles(List<SearchDocument> docs) {
        this.docs = docs;
    }

    /** url → up to {@code count} related urls of {@link #RelatedArticles(List) the documents}. */
    public Map<String, List<String>> compute(int count) {
        try (DirectoryReader reader = SearchIndexer.inMemory(docs)) {
            return compute(reader, DocNumbering.of(reader), count);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * url → up to {@code count} related urls, most related first; every live document of the
     * index has an entry, newest first. The map and its lists are unmodifiable.
     */
    public static Map<String, List<String>> compute(IndexReader reader, DocNumbering numbering, int count)
            throws IOException {
        int n = numbering.size();
        if (n == 0) {
            return Map.of();
        }
        LegacyStrongestFeatures tops = new LegacyStrongestFeatures(n);
        offerFeatures(reader, numbering, tops);

        // Each document's strongest features, strongest first, unit length.
        IntStream.range(0, n).parallel().forEach(tops::sortAndNormalize);

        // Inverted lists over the strongest features only: (doc, weight) per feature, by doc.
        int total = 0;
        for (int d = 0; d < n; d++) {
            total += tops.size[d];
        }
        long[] byFeature = new long[total];
        int k = 0;
        for (int d = 0; d < n; d++) {
            for (int i = 0; i < tops.size[d]; i++) {
                byFeature[k++] = ((long) tops.feature[d * FEATURES_PER_DOC + i] << 32) | d;
            }
        }
        Arrays.parallelSort(byFeature);
        int[] postingDoc = new int[total];
        double[] postingWeight = new double[total];
        // For each (doc, i): where its feature's list starts and ends.
        int[] listStart = new int[n * FEATURES_PER_DOC];
        int[] listEnd = new int[n * FEATURES_PER_DOC];
        for (int start = 0; start < total; ) {
            int feature = (int) (byFeature[start] >>> 32);
            int end = start;
            while (end < total && (int) (byFeature[end] >>> 32) == feature) {
                end++;
            }
            for (int j = start; j < end; j++) {
                int d = (int) byFeature[j];
                int slot = tops.slotOf(d, feature);
                postingDoc[j] = d;
                postingWeight[j] = tops.weight[slot];
                listStart[slot] = start;
                listEnd[slot] = end;
            }
            start = end;
        }

        // Scores: every document against those sharing a strong feature; the best few.
        int[][] best = new int[n][];
        int ranges = Math.min(n, 64);
        IntStream.range(0, ranges).parallel().forEach(r -> {
            double[] score = new double[n];
            int[] touched = new int[n];
            for (int d = (int) ((long) r * n / ranges); d < (long) (r + 1) * n / ranges; d++) {
                int touchedCount = 0;
                for (int i = 0; i < tops.size[d]; i++) {
                    int slot = d * FEATURES_PER_DOC + i;
                    double w = tops.weight[slot];
                    for (int j = listStart[slot]; j < listEnd[slot]; j++) {
                        int other = postingDoc[j];
                        if (other == d) {
                            continue;
                        }
                        if (score[other] == 0) {
                            touched[touchedCount++] = other;
                        }
                        score[other] += w * postingWeight[j];
                    }
                }
                best[d] = best(touched, touchedCount, score, count);
                for (int i = 0; i < touchedCount; i++) {
                    score[touched[i]] = 0;
                }
            }
        });
        Map<String, List<String>> related = new LinkedHashMap<>();
        for (int d = n - 1; d >= 0; d--) {
            List<String> urls = new ArrayList<>(best[d].length);
            for (int other : best[d]) {
                urls.add(numbering.url(other));
            }
            related.put(numbering.url(d), List.copyOf(urls));
        }
        return Collections.unmodifiableMap(related);
    }

    /**
     * Where the walk over the pair terms is cut, so that ranges of terms are walked by different
     * threads: the first letters of folded Vietnamese syllables, about as many terms each side.
     */
    private static final List<String> RANGE_STARTS = List.of("b", "c", "ch", "d", "g", "h", "k", "l", "m", "n",
            "ng", "nh", "p", "q", "s", "t", "th", "tr", "v", "x");
    /** Feature ids of range r are {@code r << RANGE_SHIFT | i}: ordered as the terms are. */
    private static final int RANGE_SHIFT = 26;

    /**
     * Walks the pair terms (title weighted) and then the tags, numbering features in that order,
     * and offers each live document its tf-idf weight for each feature. Ranges of pair terms are
     * walked in parallel, each offering into its thread's {@link LegacyStrongestFeatures}; feature ids keep the
     * order of a walk in one piece (range number first), and a document's strongest features are
     * the same whichever thread offered them, so the result does not depend on the threads.
     */
    private static void offerFeatures(IndexReader reader, DocNumbering numbering, LegacyStrongestFeatures tops) throws IOException {
        int ranges = RANGE_STARTS.size() + 1;
        java.util.concurrent.ConcurrentLinkedQueue<LegacyStrongestFeatures> spare = new java.util.concurrent.ConcurrentLinkedQueue<>();
        List<LegacyStrongestFeatures> all = java.util.Collections.synchronizedList(new ArrayList<>());
        spare.add(tops);
        all.add(tops);
        try {
            IntStream.rangeClosed(0, ranges).parallel().forEach(r -> {
                LegacyStrongestFeatures mine = spare.poll();
                if (mine == null) {
                    mine = new LegacyStrongestFeatures(numbering.size());
                    all.add(mine);
                }
                try {
                    int base = r << RANGE_SHIFT;
                    if (r < ranges) {
                        BytesRefs bounds = new BytesRefs(r);
                        offerPairs(reader, numbering, mine, base, bounds.from, bounds.to);
                    } else {
                        offerTags(reader, numbering, mine, base);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    spare.add(mine);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (LegacyStrongestFeatures other : all) {
            if (other != tops) {
                tops.addAll(other);
            }
        }
    }

    /** The terms of range r: [from, to), null meaning no bound. */
    private static final class BytesRefs {
        final BytesRef from;
        final BytesRef to;

        BytesRefs(int r) {
            from = r == 0 ? null : new BytesRef(RANGE_STARTS.get(r - 1));
            to = r == RANGE_STARTS.size() ? null : new BytesRef(RANGE_STARTS.get(r));
        }
    }

    private static void offerPairs(IndexReader reader, DocNumbering numbering, LegacyStrongestFeatures tops, int base, BytesRef from,
            BytesRef to) throws IOException {
        int n = numbering.size();
        int feature = 0;
        long[] packed = new long[64];
        MergedTerms pairs = new MergedTerms(reader, PAIR_FIELDS, from, to);
        PostingsEnum postings = null;
        while (pairs.next()) {
            // Most pairs occur in one document: skip them without reading postings (the count
            // includes deleted documents, so it can only say too much, never too little).
            int upper = 0;
            for (int f = 0; f < PAIR_FIELDS.size() && upper < 2; f++) {
                if (pairs.in(f)) {
                    upper += pairs.docFreq(f);
                }
            }
            if (upper < 2) {
                continue;
            }
            int added = 0;
            for (int f = 0; f < PAIR_FIELDS.size(); f++) {
                if (!pairs.in(f)) {
                    continue;
                }
                postings = pairs.postings(f, PostingsEnum.FREQS);
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    int number = numbering.number(doc);
                    if (number >= 0) {
                        if (added == packed.length) {
                            packed = Arrays.copyOf(packed, added * 2);
                        }
                        packed[added++] = ((long) number << 32) | ((long) FIELD_WEIGHTS[f] * postings.freq());
                    }
                }
            }
            if (added < 2) {
                continue; // a feature one document has relates nothing
            }
            Arrays.sort(packed, 0, added);
            int df = 0;
            for (int i = 0; i < added; i++) {
                if (i == 0 || (packed[i] >>> 32) != (packed[i - 1] >>> 32)) {
                    df++;
                }
            }
            if (df < 2) {
                continue;
            }
            double idf = StrictMath.log((double) n / df);
            int id = base | checkedId(feature++);
            for (int i = 0; i < added; ) {
                int number = (int) (packed[i] >>> 32);
                int tf = 0;
                while (i < added && (int) (packed[i] >>> 32) == number) {
                    tf += (int) packed[i];
                    i++;
                }
                tops.offer(number, id, tfIdf(tf, idf));
            }
        }
    }

    private static void offerTags(IndexReader reader, DocNumbering numbering, LegacyStrongestFeatures tops, int base) throws IOException {
        int n = numbering.size();
        int feature = 0;
        PostingsEnum postings = null;
        MergedTerms tags = new MergedTerms(reader, List.of(SearchFields.TAG_KEY), null, null);
        int[] docs = new int[64];
        while (tags.next()) {
            postings = tags.postings(0, PostingsEnum.NONE);
            int df = 0;
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                int number = numbering.number(doc);
                if (number >= 0) {
                    if (df == docs.length) {
                        docs = Arrays.copyOf(docs, df * 2);
                    }
                    docs[df++] = number;
                }
            }
            if (df < 2) {
                continue;
            }
            double weight = tfIdf(TAG_WEIGHT, StrictMath.log((double) n / df));
            int id = base | checkedId(feature++);
            for (int i = 0; i < df; i++) {
                tops.offer(docs[i], id, weight);
            }
        }
    }

    private static int checkedId(int local) {
        if (local >= 1 << RANGE_SHIFT) {
            throw new IllegalStateException("more than " + (1 << RANGE_SHIFT) + " related features in one range of terms");
        }
        return local;
    }

    /** The {@code count} best-scored documents; ties go to the newer (higher number). */
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
        return score[a] > score[b] || (score[a] == score[b] && a > b);
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
