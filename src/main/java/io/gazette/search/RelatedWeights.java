package io.gazette.search;

import org.apache.lucene.util.BytesRef;

/**
 * The weight of a feature (a folded syllable pair, or a tag) in a document for
 * {@link RelatedArticles}: {@code (1 + log tf) · idf}, with an idf chosen so that one article
 * added, edited or deleted rarely moves any other article's weights, and then only those of the
 * few terms it holds whose weight moved ({@link RelatedUpdate} relies on it):
 * <ul>
 * <li>the archive's size enters as {@code N}, the power of two just above it, not as the exact
 *     count (with {@code log(n/df)} one new article moved every weight of every article);</li>
 * <li>{@code log df} is rounded down to a step of a quarter of {@code log 2}, so a term's weight
 *     moves only when its document frequency crosses one of the steps {@code 2^(k/4)} (about every
 *     fifth document it gains or loses at a df of 20; for a df of 2, 3 or 4 every one, but such
 *     a term is in few documents).</li>
 * </ul>
 * A feature one document alone holds relates nothing and has no weight. Features are named by a
 * 64-bit hash of their kind and bytes, the same in every build whatever else the archive holds
 * (equal weights are ordered by it).
 */
final class RelatedWeights {
    /** The step of {@code log df}: a quarter of log 2 (four steps per doubling). */
    static final double STEP = StrictMath.log(2) / 4;
    static final int TITLE_WEIGHT = 3;
    static final int TAG_WEIGHT = 5;
    /** No weight: the feature is in fewer than two documents. */
    static final int NO_BUCKET = -1;

    private RelatedWeights() {
    }

    /** {@code log N}: N is the power of two above n ({@code 2^(floor(log2 n) + 1)}, so n < N). */
    static int log2N(int n) {
        return 32 - Integer.numberOfLeadingZeros(Math.max(n, 1));
    }

    /** The step of a document frequency: {@code floor(log df / STEP)}, or {@link #NO_BUCKET} under 2. */
    static int bucket(int df) {
        return df < 2 ? NO_BUCKET : (int) Math.floor(StrictMath.log(df) / STEP);
    }

    /** The idf of a bucket in an archive whose N is {@code 2^log2N}; 0 for {@link #NO_BUCKET}. */
    static double idf(int log2N, int bucket) {
        return bucket == NO_BUCKET ? 0 : log2N * StrictMath.log(2) - bucket * STEP;
    }

    /** 1 + log(tf) for the usual small frequencies: the same doubles, without a log call each. */
    private static final double[] LOG_TF = new double[1024];

    static {
        for (int tf = 1; tf < LOG_TF.length; tf++) {
            LOG_TF[tf] = 1 + StrictMath.log(tf);
        }
    }

    static double tfIdf(int tf, double idf) {
        return idf <= 0 ? 0 : (tf < LOG_TF.length ? LOG_TF[tf] : 1 + StrictMath.log(tf)) * idf;
    }

    /** The feature id of a pair term (its bytes as in the {@code _p} fields). */
    static long pairId(BytesRef term) {
        return hash(0x70, term);
    }

    /** The feature id of a tag key (as in the {@code tag} field). */
    static long tagId(BytesRef key) {
        return hash(0x74, key);
    }

    /** FNV-1a over the kind and the bytes, then MurmurHash3's finalizer to spread the bits. */
    private static long hash(int kind, BytesRef bytes) {
        long h = 0xcbf29ce484222325L;
        h = (h ^ kind) * 0x100000001b3L;
        for (int i = bytes.offset; i < bytes.offset + bytes.length; i++) {
            h = (h ^ (bytes.bytes[i] & 0xff)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
