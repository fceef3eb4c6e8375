package io.gazette.search;

import io.gazette.threads.EachPart;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>Weights are {@link RelatedWeights}': chosen so that one edit moves few of them, and the
 * lists computed here, with each document's features and scores ({@link RelatedState}), can be
 * brought up to date after an edit by {@link RelatedUpdate} in proportion to it, to the same
 * doubles.
 *
 * <p>Memory is a few numbers a document, never the text: the terms are walked once in order (each
 * term's live postings give its document frequency, then offer its weight to each document's
 * bounded heap of strongest features); the strongest features are inverted ({@link FeatureLists}),
 * and each document is scored against those sharing one, with one score array per thread. Each
 * document's bounded heap is a {@link StrongestFeatures}.
 *
 * <p>One job although it is long: the walk over the terms (pairs and tags, in ranges on several
 * threads), the inversion and the scoring are the three steps of one computation and share its
 * numbering, weights and arrays; apart they would only hand those arrays to each other.
 */
public final class RelatedArticles {
    /** How many of a document's strongest features take part; the rest add noise and time. */
    static final int FEATURES_PER_DOC = 40;
    private static final int TITLE_WEIGHT = RelatedWeights.TITLE_WEIGHT;
    private static final int TAG_WEIGHT = RelatedWeights.TAG_WEIGHT;
    private static final List<String> PAIR_FIELDS = List.of(
            SearchFields.pairs("title"), SearchFields.pairs("summary"), SearchFields.pairs("body"));
    private static final int[] FIELD_WEIGHTS = {TITLE_WEIGHT, 1, 1};

    private final List<SearchDocument> docs;

    /** Related articles of {@code docs}, through an index in memory (tests, tools). */
    public RelatedArticles(List<SearchDocument> docs) {
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
        return computeState(reader, numbering, count, -1).toMap();
    }

    /**
     * The related lists of every document, with the features and scores an update after an
     * edit starts from ({@link RelatedUpdate}).
     *
     * @param indexVersion the version of the index commit {@code reader} shows, kept in the state
     */
    static RelatedState computeState(IndexReader reader, DocNumbering numbering, int count, long indexVersion)
            throws IOException {
        int n = numbering.size();
        int log2N = RelatedWeights.log2N(n);
        StrongestFeatures tops = new StrongestFeatures(n);
        FeatureFrequencies frequencies = offerFeatures(reader, numbering, tops, log2N);
        double[] norms = new double[n];
        IntStream.range(0, n).parallel().forEach(d -> {
            tops.sortStrongestFirst(d);
            norms[d] = RelatedState.norm(tops, d);
        });
        String[] urls = new String[n];
        String[] hashes = new String[n];
        for (int d = 0; d < n; d++) {
            urls[d] = numbering.url(d);
            hashes[d] = numbering.contentHash(d);
        }
        int[] lists = new int[n * count];
        double[] scores = new double[n * count];
        int[] listSizes = new int[n];
        FeatureLists featureLists = new FeatureLists(tops, n);
        if (count > 0 && n > 0) {
            RelatedState.scoreAll(tops, norms, n, count, lists, scores, listSizes, featureLists);
        }
        RelatedState state = new RelatedState(count, log2N, urls, hashes, tops, norms, lists, scores, listSizes,
                frequencies, indexVersion);
        state.inverted = featureLists;
        return state;
    }

    /**
     * Where the walk over the pair terms is cut, so that ranges of terms are walked by different
     * threads: the first letters of folded Vietnamese syllables, about as many terms each side.
     */
    private static final List<String> RANGE_STARTS = List.of("b", "c", "ch", "d", "g", "h", "k", "l", "m", "n",
            "ng", "nh", "p", "q", "s", "t", "th", "tr", "v", "x");

    /**
     * Walks the pair terms (title weighted) and then the tags, and offers each live document its
     * tf-idf weight ({@link RelatedWeights}) for each feature. Ranges of pair terms are walked in
     * parallel ({@link EachPart}), each offering into its thread's {@link StrongestFeatures};
     * features are named by a hash of their bytes, and a document's strongest features are the
     * same whichever thread offered them, so the result does not depend on the threads. Each
     * feature's document frequency (when at least 2) is recorded on the way, for updates.
     */
    private static FeatureFrequencies offerFeatures(IndexReader reader, DocNumbering numbering, StrongestFeatures tops,
            int log2N) throws IOException {
        int ranges = RANGE_STARTS.size() + 1;
        FeatureFrequencies.Recorder[] recorders = new FeatureFrequencies.Recorder[ranges + 1];
        java.util.concurrent.ConcurrentLinkedQueue<StrongestFeatures> spare = new java.util.concurrent.ConcurrentLinkedQueue<>();
        List<StrongestFeatures> all = java.util.Collections.synchronizedList(new ArrayList<>());
        spare.add(tops);
        all.add(tops);
        EachPart.run(ranges + 1, r -> {
            StrongestFeatures mine = spare.poll();
            if (mine == null) {
                mine = new StrongestFeatures(numbering.size());
                all.add(mine);
            }
            FeatureFrequencies.Recorder recorder = recorders[r] = new FeatureFrequencies.Recorder();
            try {
                if (r < ranges) {
                    BytesRefs bounds = new BytesRefs(r);
                    offerPairs(reader, numbering, mine, log2N, bounds.from, bounds.to, recorder);
                } else {
                    offerTags(reader, numbering, mine, log2N, recorder);
                }
            } finally {
                spare.add(mine);
            }
        });
        for (StrongestFeatures other : all) {
            if (other != tops) {
                tops.addAll(other);
            }
        }
        return FeatureFrequencies.of(recorders);
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

    private static void offerPairs(IndexReader reader, DocNumbering numbering, StrongestFeatures tops, int log2N,
            BytesRef from, BytesRef to, FeatureFrequencies.Recorder recorder) throws IOException {
        WeightedPostings weighted = new WeightedPostings();
        MergedTerms pairs = new MergedTerms(reader, PAIR_FIELDS, from, to);
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
            weighted.clear();
            for (int f = 0; f < PAIR_FIELDS.size(); f++) {
                if (pairs.in(f)) {
                    weighted.add(pairs.postings(f, PostingsEnum.FREQS), numbering, FIELD_WEIGHTS[f]);
                }
            }
            if (weighted.entries() < 2) {
                continue; // a feature one document has relates nothing
            }
            weighted.sort();
            int df = weighted.documents();
            if (df < 2) {
                continue;
            }
            double idf = RelatedWeights.idf(log2N, RelatedWeights.bucket(df));
            long id = RelatedWeights.pairId(pairs.term());
            recorder.add(id, df);
            weighted.forEachDocument((number, tf) -> tops.offer(number, id, RelatedWeights.tfIdf(tf, idf)));
        }
    }

    private static void offerTags(IndexReader reader, DocNumbering numbering, StrongestFeatures tops, int log2N,
            FeatureFrequencies.Recorder recorder) throws IOException {
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
            double weight = RelatedWeights.tfIdf(TAG_WEIGHT,
                    RelatedWeights.idf(log2N, RelatedWeights.bucket(df)));
            long id = RelatedWeights.tagId(tags.term());
            recorder.add(id, df);
            for (int i = 0; i < df; i++) {
                tops.offer(docs[i], id, weight);
            }
        }
    }
}
