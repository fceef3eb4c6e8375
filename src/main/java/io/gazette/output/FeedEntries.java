package io.gazette.output;

import io.gazette.site.Article;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The summary entries of one generation's tag and category feeds, each written once: an article
 * is in the feed of each of its tags and of its category (13,542 entries of 6,521 articles at
 * 10,000 real articles), and its entry is the same text in each. The feeds to write are
 * {@link #plan planned} first, on one thread; while they are written, on any thread, the entry of
 * an article planned for more than one feed is kept from its first writing to its last use, then
 * dropped, so that none is held once the feeds are written. Past a budget of memory entries are
 * written each time, as without this.
 */
public final class FeedEntries {
    /** One article planned for more than one feed: its entry once written, and how many uses are left. */
    private static final class Slot {
        final AtomicInteger left;
        volatile char[] block;

        Slot(int uses) {
            left = new AtomicInteger(uses);
        }
    }

    private final Map<Article, Integer> uses = new IdentityHashMap<>();
    private volatile Map<Article, Slot> slots;
    private final long budgetChars;
    private final AtomicLong keptChars = new AtomicLong();

    /** @param budgetChars the most characters of entries kept at once */
    public FeedEntries(long budgetChars) {
        this.budgetChars = budgetChars;
    }

    /** Entries within a sixty-fourth of the heap: 16 MB of a 1 GiB heap. */
    public static FeedEntries sizedForHeap() {
        return new FeedEntries(Runtime.getRuntime().maxMemory() / 64 / 2);
    }

    /** Counts a feed about to be planned with {@code entries}; before the first {@link #block}. */
    public void plan(List<Article> entries) {
        for (Article article : entries) {
            uses.merge(article, 1, Integer::sum);
        }
    }

    /** The slot of {@code article} when it is in more than one planned feed, else null. */
    private Slot slot(Article article) {
        if (slots == null) {
            synchronized (this) {
                if (slots == null) {
                    Map<Article, Slot> made = new IdentityHashMap<>();
                    uses.forEach((a, n) -> {
                        if (n > 1) {
                            made.put(a, new Slot(n));
                        }
                    });
                    slots = made;
                }
            }
        }
        return slots.get(article);
    }

    /** The entry of {@code article} written before, if kept; counts this use of it. */
    char[] take(Article article) {
        Slot slot = slot(article);
        if (slot == null) {
            return null;
        }
        char[] block = slot.block;
        if (slot.left.decrementAndGet() <= 0 && block != null) {
            slot.block = null; // its last use: the memory is free again
            keptChars.addAndGet(-block.length);
        }
        return block;
    }

    /** Whether the entry of {@code article}, just {@link #take taken} and not found, is worth keeping. */
    boolean wanted(Article article) {
        Slot slot = slot(article);
        return slot != null && slot.left.get() > 0 && slot.block == null;
    }

    /** Keeps {@code block}, the entry of {@code article}, for its next uses if the budget allows. */
    void keep(Article article, char[] block) {
        Slot slot = slot(article);
        if (keptChars.addAndGet(block.length) > budgetChars) {
            keptChars.addAndGet(-block.length);
            return;
        }
        synchronized (slot) {
            if (slot.block == null && slot.left.get() > 0) {
                slot.block = block;
                return;
            }
        }
        keptChars.addAndGet(-block.length);
    }

    /** How many characters of entries are kept now (for tests). */
    long keptChars() {
        return keptChars.get();
    }
}
