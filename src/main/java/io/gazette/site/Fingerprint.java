package io.gazette.site;

/**
 * A cheap 64-bit running hash (FNV-1a over text) of what a page or file shows, so that a preview rebuild can
 * tell which files an edit touches; not for security.
 */
public final class Fingerprint {
    private long hash = 0xcbf29ce484222325L;
    /** Texts up to this long are read through one array per thread (many fingerprints are made each build). */
    private static final int SMALL = 512;
    private static final ThreadLocal<char[]> CHARS = ThreadLocal.withInitial(() -> new char[SMALL]);

    public Fingerprint() {
    }

    private Fingerprint(long state) {
        this.hash = state;
    }

    /**
     * Goes on from a fingerprint's {@link #value()}: adding the rest to it gives what adding
     * everything to one fingerprint gives (a card hash is kept up to an article's tags, see {@link InputFacts}).
     */
    public static Fingerprint resume(long value) {
        return new Fingerprint(value);
    }

    public Fingerprint add(String value) {
        if (value == null) {
            return add(0L);
        }
        // Read through a char array: under C1 every String.charAt of a Vietnamese (UTF-16)
        // string is a call with its own checks, which were two thirds of an article's card hash.
        int n = value.length();
        char[] chars = n <= SMALL ? CHARS.get() : new char[n];
        value.getChars(0, n, chars, 0);
        long h = hash;
        for (int i = 0; i < n; i++) {
            h ^= chars[i];
            h *= 0x100000001b3L;
        }
        hash = h;
        return add(n);
    }

    /**
     * A date and time by what its text ({@code 2014-08-18T09:00+07:00[Asia/Ho_Chi_Minh]}) shows:
     * the instant, the offset and the zone, as numbers and the zone's own id. The text itself was
     * made for every article's card and sitemap entry in every site model: at 100,000 articles
     * three of them an article, ~200 MB of garbage per build.
     */
    public Fingerprint add(java.time.ZonedDateTime time) {
        if (time == null) {
            return add(0L);
        }
        return add(time.toEpochSecond()).add(time.getNano()).add(time.getOffset().getTotalSeconds())
                .add(time.getZone().getId());
    }

    /** One mixing step per value (MurmurHash3's finalizer), not one per byte: pages add many. */
    public Fingerprint add(long value) {
        long h = hash ^ value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        hash = h;
        return this;
    }

    /**
     * A front-matter value as YAML gives it (text, numbers, booleans, bytes, lists, sets, pairs, mappings, null), by
     * content: {@code String.valueOf} would print a {@code byte[]} as its identity hash, which changes on
     * every run and would make every page that shows the article look edited.
     */
    public Fingerprint addPlainData(Object value) {
        if (value instanceof byte[] bytes) {
            add('b').add(bytes.length);
            for (byte b : bytes) {
                add(b);
            }
        } else if (value instanceof java.util.Collection<?> items) { // lists, and !!set's ordered set
            add('L').add(items.size());
            items.forEach(this::addPlainData);
        } else if (value instanceof Object[] items) { // !!pairs gives arrays
            addPlainData(java.util.Arrays.asList(items));
        } else if (value instanceof java.util.Map<?, ?> map) {
            add('M').add(map.size());
            map.forEach((key, item) -> addPlainData(key).addPlainData(item));
        } else if (value == null) {
            add('n');
        } else {
            add(value.getClass().getSimpleName()).add(value.toString());
        }
        return this;
    }

    public long value() {
        return hash;
    }
}
