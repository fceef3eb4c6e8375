package io.gazette.search;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Brings a {@link RelatedState} of one version of the index up to date with the next version, in
 * proportion to what changed, with the same lists as {@link RelatedArticles#computeState} over
 * the new version (the same features, weights and doubles, see {@link RelatedState}):
 * <ol>
 * <li>The articles added, changed or gone: their terms (old versions from the old index, new ones
 * from the new) are the only terms whose document frequency moved, by the changed articles holding
 * one less the gone ones: the kept frequencies ({@link FeatureFrequencies}) give the new ones; the
 * terms whose weight step moved ({@link RelatedWeights#bucket}) are walked in the new index.</li>
 * <li>Each other article holding such a term: its kept features take their new weights, then a
 * feature it did not keep that now beats the weakest kept one enters. Every other feature it holds
 * is below its old weakest kept one; only when the weakest kept now falls below that may one of
 * them belong, and then the article's features are made again from its text ({@link DocTerms})
 * and the new frequencies, like the changed articles', without looking its terms up in the index.</li>
 * <li>Lists: an article whose features changed is scored again against all; every other
 * article's list keeps its entries whose features did not change (the same scores), and each
 * article whose features changed is offered to the lists of the articles sharing one of its
 * features (its score against them, added in their order, against their weakest kept). A list
 * that lost an entry that way is scored again only when no bound proves it (an article it did
 * not list might now belong: see {@link #listStands}); after a deletion at 10,000 articles about
 * three lists in four that named a reweighed article are proven.</li>
 * </ol>
 * Not worth it (so null, with the reason, and the caller computes everything): the size of the
 * archive crossed a power of two (every weight moved), a state of other documents, or more than
 * an eighth of the archive changed.
 */
final class RelatedUpdate {
    private static final int F = RelatedArticles.FEATURES_PER_DOC;
    private static final List<String> PAIR_FIELDS = List.of(
            SearchFields.pairs("title"), SearchFields.pairs("summary"), SearchFields.pairs("body"));
    private static final int[] FIELD_WEIGHTS = {RelatedWeights.TITLE_WEIGHT, 1, 1};
    /** Past this many changed articles (or n/200), everything is computed again: see {@link #update}. */
    static final int MAX_CHANGED = 256;

    /** What an update did: how many articles changed or went, how much it computed again. */
    record Stats(int changed, int gone, int candidateTerms, int movedTerms, int lookedUp, int derived,
            int featuresChanged, int rescored, int proven, String millis) {
        @Override
        public String toString() {
            return changed + " changed, " + gone + " gone, " + movedTerms + " of " + candidateTerms
                    + " terms moved a step (" + lookedUp + " looked up in the index), " + derived
                    + " articles' features made again, " + featuresChanged + " changed features, " + rescored
                    + " lists scored again, " + proven + " that lost an entry kept by the bound (ms: " + millis + ")";
        }
    }

    /**
     * The updated state and what it took, or why everything must be computed ({@code state} null);
     * {@code changedLists} are the urls whose list of urls is not the same as before (new and gone
     * articles included).
     */
    record Outcome(RelatedState state, Stats stats, String fullReason, Set<String> changedLists) {
    }

    private RelatedUpdate() {
    }

    /**
     * Updates {@code old}, the lists of the index version {@code oldReader} shows, to those of
     * {@code newReader}'s. {@code oldNumbering} numbers the old version, to check that the lists
     * are of its documents; null when that is known already (the state has the commit's id,
     * {@link RelatedState#commitId}): then the few gone articles are found by their urls.
     */
    static Outcome update(RelatedState old, IndexReader oldReader, DocNumbering oldNumbering, IndexReader newReader,
            DocNumbering newNumbering, int count, long newVersion) throws IOException {
        long started = System.nanoTime();
        int n = newNumbering.size();
        int log2N = RelatedWeights.log2N(n);
        if (old.count != count) {
            return full("the number of related articles changed");
        }
        if (old.log2N != log2N) {
            return full("the archive crossed " + (1 << Math.min(old.log2N, log2N)) + " articles (every weight moves)");
        }
        if (old.frequencies == null) {
            return full("the related-articles state has no document frequencies");
        }
        if (oldNumbering != null && !matches(old, oldNumbering)) {
            return full("the related-articles state is not of the index it was kept with");
        }
        if (oldNumbering == null && old.commitId != null && Arrays.equals(old.commitId, RelatedState.commitId(newReader))) {
            // The index is still the very commit the lists are of (a build that changed nothing): they
            // stand as they are, without matching every url (at 100,000 articles a map of them all).
            return new Outcome(old.withIndexVersion(newVersion), new Stats(0, 0, 0, 0, 0, 0, 0, 0, 0, ""), null, Set.of());
        }
        Map<String, Integer> newByUrl = new HashMap<>(n * 2);
        for (int d = 0; d < n; d++) {
            newByUrl.put(newNumbering.url(d), d);
        }
        int oldN = old.size();
        int[] newOf = new int[oldN];
        int[] oldOf = new int[n];
        Arrays.fill(oldOf, -1);
        List<Integer> gone = new ArrayList<>();
        for (int o = 0; o < oldN; o++) {
            Integer d = newByUrl.get(old.urls[o]);
            if (d != null && newNumbering.contentHash(d).equals(old.hashes[o])) {
                newOf[o] = d;
                oldOf[d] = o;
            } else {
                newOf[o] = -1;
                gone.add(o);
            }
        }
        List<Integer> changed = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            if (oldOf[d] < 0) {
                changed.add(d);
            }
        }
        // Measured again at 10,000 with the kept frequencies (BENCHMARKS.md, "related: … (tenth
        // session)"): an update of 50, 100 and 200 edited articles took 349, 285 and 550 ms of
        // related articles, computing everything 780–987 ms in the same builds (~550–650 ms cold),
        // so the break-even is near 250 changed articles, no longer ~50 (each cost ~15 ms when
        // its features were looked up in the index). Past n/200 (500 at 100,000) as before: an
        // update's lists grow longer with the archive, and so does what each changed one costs.
        // The caller then compares the lists ({@link #changedLists}), so the pages still see only
        // the lists that changed.
        if (changed.size() > Math.max(MAX_CHANGED, n / 200) || changed.size() + gone.size() > Math.max(64, n / 8)) {
            return full((changed.size() + gone.size()) + " articles changed");
        }
        if (changed.isEmpty() && gone.isEmpty()) {
            return new Outcome(old.withIndexVersion(newVersion), new Stats(0, 0, 0, 0, 0, 0, 0, 0, 0, ""), null, Set.of());
        }

        StringBuilder millis = new StringBuilder();
        long lap = lap(started, millis, "match ");
        // 1. The terms whose document frequency may have moved, and those whose step did.
        StoredFields oldStored = oldReader.storedFields();
        StoredFields newStored = newReader.storedFields();
        // A term's document frequency moves by (changed articles holding it) − (gone ones holding
        // it): the others hold the same terms in both versions. An edit keeps most of an article's
        // terms (its old version is among the gone), so most terms net to 0 and are not looked up:
        // a lookup walks the term's postings where a segment has deletions, in proportion to the archive.
        SyllableTokens.Counter counter = DocTerms.newCounter(); // every document this update reads
        // In the index's term order: the terms looked up and walked below are sought in that order, and
        // each seek takes up the term dictionary where the last one left it (the blocks and prefix they
        // share) instead of starting from its root in every segment and field. The update does not depend
        // on the order: each term moves its own weight, and features offered are weighed all together.
        Map<BytesRef, Integer> pairDelta = new java.util.TreeMap<>();
        Map<BytesRef, Integer> tagDelta = new java.util.TreeMap<>();
        for (int o : gone) {
            DocTerms terms = DocTerms.read(oldStored, oldNumbering != null ? oldNumbering.luceneDoc(o)
                    : luceneDoc(oldReader, old.urls[o]), counter);
            terms.pairs().keySet().forEach(t -> pairDelta.merge(t, -1, Integer::sum));
            terms.tags().forEach(t -> tagDelta.merge(t, -1, Integer::sum));
        }
        Map<Integer, DocTerms> changedTerms = new HashMap<>();
        for (int d : changed) {
            DocTerms terms = DocTerms.read(newStored, newNumbering.luceneDoc(d), counter);
            changedTerms.put(d, terms);
            terms.pairs().keySet().forEach(t -> pairDelta.merge(t, 1, Integer::sum));
            terms.tags().forEach(t -> tagDelta.merge(t, 1, Integer::sum));
        }
        // The new frequency of such a term is the kept one plus that difference; only a term the
        // kept ones do not list (held by at most one document) and that a changed article gained
        // is looked up in the index.
        IndexFrequencies newDf = new IndexFrequencies(newReader, newNumbering);
        Map<Long, Integer> changedFrequencies = new HashMap<>();
        List<BytesRef> movedPairs = new ArrayList<>();
        List<BytesRef> movedTags = new ArrayList<>();
        int candidates = 0;
        int lookedUp = 0;
        for (int kind = 0; kind < 2; kind++) {
            boolean pairs = kind == 0;
            for (Map.Entry<BytesRef, Integer> entry : (pairs ? pairDelta : tagDelta).entrySet()) {
                int delta = entry.getValue();
                if (delta == 0) {
                    continue;
                }
                candidates++;
                BytesRef term = entry.getKey();
                long id = pairs ? RelatedWeights.pairId(term) : RelatedWeights.tagId(term);
                int before = old.frequencies.df(id);
                int after;
                if (before >= 2) {
                    after = before + delta;
                } else if (delta < 0) {
                    after = 0;
                } else {
                    after = pairs ? newDf.pair(term) : newDf.tag(term);
                    lookedUp++;
                }
                after = after < 2 ? 0 : after;
                if (after != before) {
                    changedFrequencies.put(id, after);
                }
                if (RelatedWeights.bucket(before) != RelatedWeights.bucket(after)) {
                    (pairs ? movedPairs : movedTags).add(term);
                }
            }
        }
        FeatureFrequencies frequencies = old.frequencies.with(changedFrequencies);

        lap = lap(lap, millis, "terms ");
        // 2. Features: kept ones carried over, adjusted for the moved terms, or made again.
        StrongestFeatures tops = new StrongestFeatures(n);
        double[] norms = new double[n];
        for (int d = 0; d < n; d++) {
            int o = oldOf[d];
            if (o >= 0) {
                tops.size[d] = old.tops.size[o];
                System.arraycopy(old.tops.feature, o * F, tops.feature, d * F, F);
                System.arraycopy(old.tops.weight, o * F, tops.weight, d * F, F);
                norms[d] = old.norms[o];
            }
        }
        BitSet derive = new BitSet(n);
        changed.forEach(derive::set);
        BitSet adjusted = new BitSet(n);
        Offers offers = new Offers();
        for (BytesRef term : movedPairs) {
            long id = RelatedWeights.pairId(term);
            double idf = RelatedWeights.idf(log2N, RelatedWeights.bucket(frequencies.df(id)));
            newDf.pairFrequencies(term).forEachDocument(
                    (d, tf) -> reweigh(tops, d, id, RelatedWeights.tfIdf(tf, idf), oldOf, adjusted, offers));
        }
        for (BytesRef key : movedTags) {
            long id = RelatedWeights.tagId(key);
            double weight = RelatedWeights.tfIdf(RelatedWeights.TAG_WEIGHT,
                    RelatedWeights.idf(log2N, RelatedWeights.bucket(frequencies.df(id))));
            for (int d : newDf.tagDocs(key)) {
                reweigh(tops, d, id, weight, oldOf, adjusted, offers);
            }
        }
        // Features an article did not keep that got heavier, offered once every kept one has its
        // new weight: the weakest kept only rises from here, so one that does not get in now never would.
        for (int i = 0; i < offers.size; i++) {
            offer(tops, offers.docs[i], offers.ids[i], offers.weights[i], adjusted);
        }
        // Every feature an article did not keep and whose weight did not move is below its old
        // weakest kept one: when the weakest kept now is still above that, nothing else can get in.
        for (int d = adjusted.nextSetBit(0); d >= 0; d = adjusted.nextSetBit(d + 1)) {
            int o = oldOf[d];
            if (old.tops.size[o] == F && (tops.size[d] < F || StrongestFeatures.below(tops.weight[d * F + F - 1],
                    tops.feature[d * F + F - 1], old.tops.weight[o * F + F - 1], old.tops.feature[o * F + F - 1]))) {
                derive.set(d);
            }
        }
        lap = lap(lap, millis, "reweighed ");
        for (int d = derive.nextSetBit(0); d >= 0; d = derive.nextSetBit(d + 1)) {
            DocTerms terms = changedTerms.get(d);
            if (terms == null) {
                terms = DocTerms.read(newStored, newNumbering.luceneDoc(d), counter);
            }
            strongest(tops, d, terms, frequencies, log2N);
        }
        BitSet featuresChanged = (BitSet) adjusted.clone();
        featuresChanged.or(derive);
        for (int d = featuresChanged.nextSetBit(0); d >= 0; d = featuresChanged.nextSetBit(d + 1)) {
            norms[d] = RelatedState.norm(tops, d);
        }

        lap = lap(lap, millis, "derived ");
        // 3. Lists.
        int[] lists = new int[n * count];
        double[] scores = new double[n * count];
        int[] listSizes = new int[n];
        BitSet rescore = (BitSet) featuresChanged.clone();
        BitSet offered = new BitSet(n);
        // An article whose features did not change scores every other such article as before (the
        // same doubles); its list keeps those entries, drops the gone articles and those whose
        // features changed (offered again below with their new scores), and is proven or scored
        // again once the offers are in (see listStands).
        BitSet dropped = new BitSet(n);
        for (int d = 0; d < n; d++) {
            int o = oldOf[d];
            if (o < 0 || rescore.get(d)) {
                continue;
            }
            int size = old.listSizes[o];
            int kept = 0;
            for (int k = 0; k < size; k++) {
                int x = newOf[old.lists[o * count + k]];
                if (x < 0 || featuresChanged.get(x)) {
                    continue;
                }
                lists[d * count + kept] = x;
                scores[d * count + kept] = old.scores[o * count + k];
                kept++;
            }
            listSizes[d] = kept;
            if (kept < size) {
                dropped.set(d);
            }
        }
        // A saved article keeps its number and so do all the others (a new one, the newest, takes
        // the next); a deletion moves every newer one down one, keeping their order: either way
        // every article whose features did not change keeps its entries, under its number now
        // (sorting them all again took 60–145 ms of a deletion's build at 10,000 articles).
        BitSet moved = featuresChanged;
        FeatureLists patched = FeatureLists.patched(old.inverted, tops, n, newOf, d -> oldOf[d] >= 0 && !moved.get(d));
        FeatureLists featureLists = patched != null ? patched : new FeatureLists(tops, n);
        lap = lap(lap, millis, "inverted ");
        RelatedState.Scorer scorer = new RelatedState.Scorer(tops, norms, featureLists);
        RelatedState.PairScores pairScores = new RelatedState.PairScores(tops, norms);
        for (int x = featuresChanged.nextSetBit(0); x >= 0; x = featuresChanged.nextSetBit(x + 1)) {
            scorer.query(x);
            pairScores.of(x);
            for (int t = 0; t < scorer.touchedCount; t++) {
                int d = scorer.touched[t];
                if (!rescore.get(d)) {
                    double score = pairScores.score(d);
                    listSizes[d] = RelatedState.offer(lists, scores, d * count, listSizes[d], count, x, score);
                    offered.set(d);
                }
            }
        }
        int proven = 0;
        for (int d = dropped.nextSetBit(0); d >= 0; d = dropped.nextSetBit(d + 1)) {
            if (listStands(old, oldOf[d], lists, scores, listSizes[d], d * count, featuresChanged)) {
                proven++;
            } else {
                rescore.set(d);
            }
        }
        offered.or(dropped);
        int[] again = rescore.stream().toArray();
        int threads = Math.max(1, Math.min(again.length / 16, Runtime.getRuntime().availableProcessors()));
        IntStream.range(0, threads).parallel().forEach(r -> {
            RelatedState.Scorer mine = r == 0 ? scorer : new RelatedState.Scorer(tops, norms, featureLists);
            for (int i = r; i < again.length; i += threads) {
                mine.query(again[i]);
                RelatedState.best(mine, again[i], count, lists, scores, listSizes);
            }
        });
        lap = lap(lap, millis, "scoring ");
        String[] urls = new String[n];
        String[] hashes = new String[n];
        for (int d = 0; d < n; d++) {
            urls[d] = newNumbering.url(d);
            hashes[d] = newNumbering.contentHash(d);
        }
        RelatedState state = new RelatedState(count, log2N, urls, hashes, tops, norms, lists, scores, listSizes,
                frequencies, newVersion);
        state.inverted = featureLists;
        Set<String> changedLists = new java.util.HashSet<>();
        for (int o : gone) {
            if (!newByUrl.containsKey(old.urls[o])) {
                changedLists.add(old.urls[o]);
            }
        }
        offered.or(rescore);
        for (int d = offered.nextSetBit(0); d >= 0; d = offered.nextSetBit(d + 1)) {
            if (!sameUrls(old, oldOf[d], state, d)) {
                changedLists.add(urls[d]);
            }
        }
        return new Outcome(state, new Stats(changed.size(), gone.size(), candidates,
                movedPairs.size() + movedTags.size(), lookedUp, derive.cardinality(), featuresChanged.cardinality(),
                rescore.cardinality(), proven, millis.append("rest ").append((System.nanoTime() - lap) / 1_000_000).toString()), null,
                changedLists);
    }

    /**
     * The urls whose list in {@code now} does not name the same urls as in {@code old} (new and
     * gone articles included): what an update reports, for lists computed in full.
     */
    static Set<String> changedLists(RelatedState old, RelatedState now) {
        Map<String, Integer> oldByUrl = new HashMap<>(old.size() * 2);
        for (int o = 0; o < old.size(); o++) {
            oldByUrl.put(old.urls[o], o);
        }
        Set<String> changed = new java.util.HashSet<>();
        for (int d = 0; d < now.size(); d++) {
            Integer o = oldByUrl.remove(now.urls[d]);
            if (o != null && !old.hashes[o].equals(now.hashes[d])) {
                o = null; // an edited article counts as new, as in an update
            }
            if (!sameUrls(old, o == null ? -1 : o, now, d)) {
                changed.add(now.urls[d]);
            }
        }
        changed.addAll(oldByUrl.keySet());
        return changed;
    }

    /**
     * Whether the list of an article whose features did not change, kept as {@code o}'s list without
     * the entries that are gone or whose features changed and with every article whose features
     * changed offered at its new score ({@code size} entries at {@code base}), is its new list. An
     * article outside the old list whose features did not change scores as before: with the old
     * list full, it ranks below the old list's last entry; with room left, it shares no feature
     * (every article that does was listed). So it cannot enter when the list is full again and its
     * last entry ranks above every such article: one kept from the old list (above it before, with
     * the same score; numbers keep their order), or one whose new score beats the old last score.
     * Otherwise the list is scored again (an article ranked below the old last one may belong).
     */
    private static boolean listStands(RelatedState old, int o, int[] lists, double[] scores, int size, int base,
            BitSet featuresChanged) {
        int count = old.count;
        if (old.listSizes[o] < count) {
            return true;
        }
        if (size < count) {
            return false;
        }
        int last = lists[base + count - 1];
        return !featuresChanged.get(last) || scores[base + count - 1] > old.scores[o * count + count - 1];
    }

    /** Whether old list o and new list d name the same urls in the same order (o −1: no old list). */
    private static boolean sameUrls(RelatedState old, int o, RelatedState now, int d) {
        if (o < 0 || old.listSizes[o] != now.listSizes[d]) {
            return false;
        }
        for (int k = 0; k < now.listSizes[d]; k++) {
            if (!old.urls[old.lists[o * old.count + k]].equals(now.urls[now.lists[d * now.count + k]])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Article d's strongest features from its terms and the frequencies of the new version. A
     * term's weight is at most its weight at a document frequency of 2, so the terms are taken by
     * that bound (then by id, as ties are) and the walk stops once the weakest kept outranks the
     * next bound.
     */
    private static void strongest(StrongestFeatures tops, int d, DocTerms terms, FeatureFrequencies df, int log2N) {
        double most = RelatedWeights.idf(log2N, RelatedWeights.bucket(2));
        int size = terms.pairs().size() + terms.tags().size();
        int[] tfs = new int[size];
        long[] ids = new long[size];
        double[] bounds = new double[size];
        Integer[] order = new Integer[size];
        int i = 0;
        for (Map.Entry<BytesRef, Integer> pair : terms.pairs().entrySet()) {
            tfs[i] = pair.getValue();
            ids[i] = RelatedWeights.pairId(pair.getKey());
            i++;
        }
        for (BytesRef key : terms.tags()) {
            tfs[i] = RelatedWeights.TAG_WEIGHT;
            ids[i] = RelatedWeights.tagId(key);
            i++;
        }
        for (int k = 0; k < size; k++) {
            bounds[k] = RelatedWeights.tfIdf(tfs[k], most);
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> bounds[a] != bounds[b] ? Double.compare(bounds[b], bounds[a]) : Long.compare(ids[a], ids[b]));
        int base = d * F;
        tops.size[d] = 0;
        for (int k : order) {
            if (tops.size[d] == F && !StrongestFeatures.below(tops.weight[base], tops.feature[base], bounds[k], ids[k])) {
                break; // the heap's root is its weakest
            }
            int frequency = df.df(ids[k]);
            tops.offer(d, ids[k], RelatedWeights.tfIdf(tfs[k], RelatedWeights.idf(log2N, RelatedWeights.bucket(frequency))));
        }
        tops.sortStrongestFirst(d);
    }

    /** Appends the ms since {@code since} (a nanoTime) to {@code out}; the time now. */
    private static long lap(long since, StringBuilder out, String what) {
        long now = System.nanoTime();
        out.append(what).append((now - since) / 1_000_000).append(' ');
        return now;
    }

    private static Outcome full(String reason) {
        return new Outcome(null, null, reason, null);
    }

    /** The live document of {@code url} in {@code reader} (the url field is a term of its own). */
    private static int luceneDoc(IndexReader reader, String url) throws IOException {
        BytesRef term = new BytesRef(url);
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(SearchFields.URL);
            if (terms == null) {
                continue;
            }
            TermsEnum each = terms.iterator();
            if (!each.seekExact(term)) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            PostingsEnum postings = each.postings(null, PostingsEnum.NONE);
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (live == null || live.get(doc)) {
                    return leaf.docBase + doc;
                }
            }
        }
        throw new IOException("the index the related articles were kept with has no " + url);
    }

    /** Whether the state is of the documents {@code numbering} numbers (the same urls and contents, in order). */
    private static boolean matches(RelatedState state, DocNumbering numbering) {
        if (state.size() != numbering.size()) {
            return false;
        }
        for (int d = 0; d < state.size(); d++) {
            if (!state.urls[d].equals(numbering.url(d)) || !state.hashes[d].equals(numbering.contentHash(d))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Article d holds a term whose weight moved to {@code weight}: a kept feature takes its new
     * weight (and leaves with none); one not kept is offered later (see {@link #offer}).
     */
    private static void reweigh(StrongestFeatures tops, int d, long id, double weight, int[] oldOf, BitSet adjusted,
            Offers offers) {
        if (oldOf[d] < 0) {
            return; // a changed article: made again from its text
        }
        int base = d * F;
        int size = tops.size[d];
        for (int k = 0; k < size; k++) {
            if (tops.feature[base + k] == id) {
                double before = tops.weight[base + k];
                if (weight == before) {
                    return;
                }
                if (weight > 0) {
                    tops.weight[base + k] = weight;
                    if (weight > before) {
                        moveUp(tops, base, k);
                    } else {
                        moveDown(tops, base, k, size);
                    }
                } else {
                    System.arraycopy(tops.feature, base + k + 1, tops.feature, base + k, size - k - 1);
                    System.arraycopy(tops.weight, base + k + 1, tops.weight, base + k, size - k - 1);
                    tops.size[d] = size - 1;
                }
                adjusted.set(d);
                return;
            }
        }
        if (weight > 0) {
            offers.add(d, id, weight);
        }
    }

    /** A feature article d did not keep, now of {@code weight}: it gets in if it beats the weakest kept. */
    private static void offer(StrongestFeatures tops, int d, long id, double weight, BitSet adjusted) {
        int base = d * F;
        int size = tops.size[d];
        if (size < F) {
            tops.feature[base + size] = id;
            tops.weight[base + size] = weight;
            tops.size[d] = size + 1;
            moveUp(tops, base, size);
            adjusted.set(d);
        } else if (StrongestFeatures.below(tops.weight[base + F - 1], tops.feature[base + F - 1], weight, id)) {
            tops.feature[base + F - 1] = id;
            tops.weight[base + F - 1] = weight;
            moveUp(tops, base, F - 1);
            adjusted.set(d);
        }
    }

    /** Moves entry k towards the end while the one after it outranks it. */
    private static void moveDown(StrongestFeatures tops, int base, int k, int size) {
        while (k + 1 < size && StrongestFeatures.below(tops.weight[base + k], tops.feature[base + k],
                tops.weight[base + k + 1], tops.feature[base + k + 1])) {
            long f = tops.feature[base + k];
            double w = tops.weight[base + k];
            tops.feature[base + k] = tops.feature[base + k + 1];
            tops.weight[base + k] = tops.weight[base + k + 1];
            tops.feature[base + k + 1] = f;
            tops.weight[base + k + 1] = w;
            k++;
        }
    }

    /** Features offered to articles that did not keep them: (article, id, weight). */
    private static final class Offers {
        int[] docs = new int[64];
        long[] ids = new long[64];
        double[] weights = new double[64];
        int size;

        void add(int d, long id, double weight) {
            if (size == docs.length) {
                docs = Arrays.copyOf(docs, size * 2);
                ids = Arrays.copyOf(ids, size * 2);
                weights = Arrays.copyOf(weights, size * 2);
            }
            docs[size] = d;
            ids[size] = id;
            weights[size] = weight;
            size++;
        }
    }

    /** Moves entry k towards the front while it outranks the one before it (the rest stays sorted). */
    private static void moveUp(StrongestFeatures tops, int base, int k) {
        while (k > 0 && StrongestFeatures.below(tops.weight[base + k - 1], tops.feature[base + k - 1],
                tops.weight[base + k], tops.feature[base + k])) {
            long f = tops.feature[base + k];
            double w = tops.weight[base + k];
            tops.feature[base + k] = tops.feature[base + k - 1];
            tops.weight[base + k] = tops.weight[base + k - 1];
            tops.feature[base + k - 1] = f;
            tops.weight[base + k - 1] = w;
            k--;
        }
    }

    /**
     * Live document frequencies of pair terms (over the three pair fields) and tags looked up in
     * one index, as {@link RelatedArticles} counts them, remembered for the terms asked again,
     * and the documents holding a term. Each segment is asked on its own: where it has no
     * deletions and one field holds the term, its count is the term's document frequency there,
     * with no postings read. Costly (every segment and field sought): only for the terms that
     * {@link FeatureFrequencies} cannot answer.
     */
    private static final class IndexFrequencies {
        private final DocNumbering numbering;
        private final TermsEnum[] pairEnums;
        private final TermsEnum tagEnum;
        private final PostingsEnum[] reuse = new PostingsEnum[PAIR_FIELDS.size() + 1];
        /** Per segment: its base, live documents (null: none deleted) and one enum per pair field. */
        private final int[] bases;
        private final Bits[] live;
        private final TermsEnum[][] leafEnums;
        private final PostingsEnum[][] leafReuse;
        private final Map<BytesRef, Integer> pairDf = new HashMap<>();
        private final Map<BytesRef, Integer> tagDf = new HashMap<>();
        private final int[] stamp;
        private int generation;
        private final WeightedPostings weighted = new WeightedPostings();

        IndexFrequencies(IndexReader reader, DocNumbering numbering) throws IOException {
            this.numbering = numbering;
            this.stamp = new int[Math.max(1, reader.maxDoc())];
            this.pairEnums = new TermsEnum[PAIR_FIELDS.size()];
            for (int f = 0; f < PAIR_FIELDS.size(); f++) {
                Terms terms = MultiTerms.getTerms(reader, PAIR_FIELDS.get(f));
                pairEnums[f] = terms == null ? null : terms.iterator();
            }
            Terms tags = MultiTerms.getTerms(reader, SearchFields.TAG_KEY);
            this.tagEnum = tags == null ? null : tags.iterator();
            List<LeafReaderContext> leaves = reader.leaves();
            bases = new int[leaves.size()];
            live = new Bits[leaves.size()];
            leafEnums = new TermsEnum[leaves.size()][PAIR_FIELDS.size()];
            leafReuse = new PostingsEnum[leaves.size()][PAIR_FIELDS.size()];
            for (int l = 0; l < leaves.size(); l++) {
                LeafReader leaf = leaves.get(l).reader();
                bases[l] = leaves.get(l).docBase;
                live[l] = leaf.getLiveDocs();
                for (int f = 0; f < PAIR_FIELDS.size(); f++) {
                    Terms terms = leaf.terms(PAIR_FIELDS.get(f));
                    leafEnums[l][f] = terms == null ? null : terms.iterator();
                }
            }
        }

        int pair(BytesRef term) throws IOException {
            Integer known = pairDf.get(term);
            if (known != null) {
                return known;
            }
            generation++;
            int df = 0;
            for (int l = 0; l < bases.length; l++) {
                int holders = 0;
                for (int f = 0; f < PAIR_FIELDS.size(); f++) {
                    TermsEnum terms = leafEnums[l][f];
                    if (terms != null && terms.seekExact(term)) {
                        holders |= 1 << f;
                    }
                }
                if (holders == 0) {
                    continue;
                }
                if (Integer.bitCount(holders) == 1 && live[l] == null) {
                    df += leafEnums[l][Integer.numberOfTrailingZeros(holders)].docFreq();
                    continue;
                }
                for (int f = 0; f < PAIR_FIELDS.size(); f++) {
                    if ((holders & (1 << f)) == 0) {
                        continue;
                    }
                    TermsEnum terms = leafEnums[l][f];
                    PostingsEnum postings = leafReuse[l][f] = terms.postings(leafReuse[l][f], PostingsEnum.NONE);
                    for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                        int global = bases[l] + doc;
                        if ((live[l] == null || live[l].get(doc)) && stamp[global] != generation) {
                            stamp[global] = generation;
                            df++;
                        }
                    }
                }
            }
            pairDf.put(term, df);
            return df;
        }

        /**
         * The live documents holding {@code term}, each once, with their weighted frequencies
         * (valid until the next call).
         */
        WeightedPostings pairFrequencies(BytesRef term) throws IOException {
            weighted.clear();
            for (int f = 0; f < pairEnums.length; f++) {
                if (pairEnums[f] != null && pairEnums[f].seekExact(term)) {
                    weighted.add(reuse[f] = pairEnums[f].postings(reuse[f], PostingsEnum.FREQS), numbering, FIELD_WEIGHTS[f]);
                }
            }
            weighted.sort();
            return weighted;
        }

        int tag(BytesRef key) throws IOException {
            Integer known = tagDf.get(key);
            if (known == null) {
                known = tagDocs(key).length;
                tagDf.put(key, known);
            }
            return known;
        }

        /** The live documents holding tag {@code key}, by number. */
        int[] tagDocs(BytesRef key) throws IOException {
            if (tagEnum == null || !tagEnum.seekExact(key)) {
                return new int[0];
            }
            PostingsEnum postings = reuse[PAIR_FIELDS.size()] = tagEnum.postings(reuse[PAIR_FIELDS.size()], PostingsEnum.NONE);
            int[] docs = new int[16];
            int size = 0;
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                int number = numbering.number(doc);
                if (number >= 0) {
                    if (size == docs.length) {
                        docs = Arrays.copyOf(docs, size * 2);
                    }
                    docs[size++] = number;
                }
            }
            return Arrays.copyOf(docs, size);
        }
    }
}
