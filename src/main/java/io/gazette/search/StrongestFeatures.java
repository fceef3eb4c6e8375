package io.gazette.search;

/**
 * Each document's strongest features for {@link RelatedArticles}: slots
 * {@code d*FEATURES_PER_DOC ..}, a bounded min-heap (heaviest kept, ties to the smaller feature
 * id) while features are offered, then sorted strongest first.
 */
final class StrongestFeatures {
    private static final int FEATURES_PER_DOC = RelatedArticles.FEATURES_PER_DOC;

    final long[] feature;
    final double[] weight;
    final int[] size;
    /**
     * The weight of d's weakest kept feature (its heap's root) once d keeps
     * {@code FEATURES_PER_DOC}, written by {@link #offer} whenever that root changes and read only
     * while the heap is full. Most offers are below it: checking them here, in an array of one
     * number a document (a term's holders come in order, so mostly near each other), rather than at
     * the heap's root in {@link #weight}, a cache line a document 320 bytes apart, keeps most
     * offers out of the memory's latency at 100,000 articles (BENCHMARKS.md, "related: … (tenth
     * session)").
     */
    private final double[] floor;

    StrongestFeatures(int n) {
        feature = new long[n * FEATURES_PER_DOC];
        weight = new double[n * FEATURES_PER_DOC];
        size = new int[n];
        floor = new double[n];
    }

    /** a ranks below b: lighter, or as heavy with a larger feature id. */
    static boolean below(double wa, long fa, double wb, long fb) {
        return wa < wb || (wa == wb && fa > fb);
    }

    void offer(int d, long f, double w) {
        if (!(w > 0)) {
            return;
        }
        int kept = size[d];
        if (kept == FEATURES_PER_DOC && w < floor[d]) {
            return; // lighter than the weakest kept (as heavy goes on: the ids decide)
        }
        int base = d * FEATURES_PER_DOC;
        if (kept < FEATURES_PER_DOC) {
            int i = size[d]++;
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (!below(w, f, weight[base + parent], feature[base + parent])) {
                    break;
                }
                feature[base + i] = feature[base + parent];
                weight[base + i] = weight[base + parent];
                i = parent;
            }
            feature[base + i] = f;
            weight[base + i] = w;
            floor[d] = weight[base];
        } else if (below(weight[base], feature[base], w, f)) {
            siftDown(base, f, w, kept);
            floor[d] = weight[base];
        }
    }

    /** Replaces the root (the weakest) with (f, w) and restores the heap over [0, n). */
    private void siftDown(int base, long f, double w, int n) {
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= n) {
                break;
            }
            if (child + 1 < n && below(weight[base + child + 1], feature[base + child + 1],
                    weight[base + child], feature[base + child])) {
                child++;
            }
            if (!below(weight[base + child], feature[base + child], w, f)) {
                break;
            }
            feature[base + i] = feature[base + child];
            weight[base + i] = weight[base + child];
            i = child;
        }
        feature[base + i] = f;
        weight[base + i] = w;
    }

    /** Heap sort: the kept features of {@code d} strongest first (equal weights: smaller id first). */
    void sortStrongestFirst(int d) {
        int base = d * FEATURES_PER_DOC;
        for (int end = size[d] - 1; end > 0; end--) {
            long f = feature[base];
            double w = weight[base];
            long lastF = feature[base + end];
            double lastW = weight[base + end];
            feature[base + end] = f;
            weight[base + end] = w;
            siftDown(base, lastF, lastW, end);
        }
    }

    /** Offers every kept feature of {@code other}: the strongest of both remain. */
    void addAll(StrongestFeatures other) {
        for (int d = 0; d < size.length; d++) {
            int base = d * FEATURES_PER_DOC;
            for (int k = 0; k < other.size[d]; k++) {
                offer(d, other.feature[base + k], other.weight[base + k]);
            }
        }
    }

    int slotOf(int d, long f) {
        int base = d * FEATURES_PER_DOC;
        for (int k = 0; k < size[d]; k++) {
            if (feature[base + k] == f) {
                return base + k;
            }
        }
        throw new IllegalStateException("feature " + f + " not kept for " + d);
    }
}
