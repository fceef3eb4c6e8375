package io.gazette.render;

import io.pebbletemplates.pebble.cache.CacheKey;
import io.pebbletemplates.pebble.cache.PebbleCache;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * What Pebble's {@code {% cache key %}…{% endcache %}} tag keeps: the text of each block by its
 * key, for one generation of the site, within a budget of memory. The default theme's card
 * ({@code _card.peb}) is cached by its article's URL: an article is listed on six or seven pages
 * (home, its tags, its category, its year and month) and its card is the same on each, so it is
 * rendered once per build instead (a fifth of the render stage at 10,000 articles).
 *
 * <p>Pebble's own cache keeps every block for the engine's lifetime; here {@link #forget} empties
 * it after each generation, because a key names an article only within one site model (the
 * preview's next generation may show another title at the same URL), and so that its memory is
 * not held while search runs. Past the budget, blocks are rendered each time and not kept: the
 * cache then holds the cards of the pages rendered first, and the heap stays bounded at 100,000
 * articles.
 *
 * <p>Once a block did not fit, the cache is {@link #full}: {@link CacheTag} then renders the blocks
 * it does not hold in place, into the page, as if there were no cache, rather than on their own to
 * be kept (their own text, then its UTF-8, then spliced: three times the work of rendering in place
 * for nothing kept). At 100,000 articles the cards alone fill the budget.
 *
 * <p>A block is rendered outside any lock, so two threads may render the same block at once; both
 * give the same text, and the first one kept wins.
 */
final class GenerationTagCache implements PebbleCache<CacheKey, Object> {
    private final ConcurrentHashMap<CacheKey, Object> blocks = new ConcurrentHashMap<>();
    private final long budgetBytes;
    private final AtomicLong keptBytes = new AtomicLong();
    /** Set when a block did not fit, until {@link #forget}. */
    private volatile boolean full;

    /** @param budgetBytes the most bytes of blocks kept at once (UTF-8 as is, two a character of a string) */
    GenerationTagCache(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    /** A budget of a sixteenth of the heap: 64 MB of a 1 GiB heap, the cards of 70,000 articles. */
    static GenerationTagCache sizedForHeap() {
        return new GenerationTagCache(Runtime.getRuntime().maxMemory() / 16);
    }

    @Override
    public Object computeIfAbsent(CacheKey key, Function<? super CacheKey, ?> render) {
        Object kept = blocks.get(key);
        return kept != null ? kept : keep(key, render.apply(key));
    }

    /**
     * Keeps {@code value}, the block just rendered for {@code key}, if the budget allows; returns
     * the block to print: the one another thread kept first, else {@code value}.
     */
    Object keep(CacheKey key, Object value) {
        long size = value instanceof byte[] utf8 ? utf8.length
                : value instanceof CharSequence text ? 2L * text.length() : 16;
        if (keptBytes.addAndGet(size) <= budgetBytes) {
            Object earlier = blocks.putIfAbsent(key, value);
            if (earlier != null) {
                keptBytes.addAndGet(-size);
                return earlier;
            }
        } else {
            keptBytes.addAndGet(-size);
            full = true;
        }
        return value;
    }

    /** Whether a block did not fit in the budget since the last {@link #forget}: no other will be kept. */
    boolean full() {
        return full;
    }

    /** The block kept for {@code key}, or null. */
    Object kept(CacheKey key) {
        return blocks.get(key);
    }

    @Override
    public void invalidateAll() {
        forget();
    }

    /** Forgets every block, at the end of a generation. */
    void forget() {
        blocks.clear();
        keptBytes.set(0);
        full = false;
    }

    /** How many blocks are kept (for tests). */
    int size() {
        return blocks.size();
    }
}
