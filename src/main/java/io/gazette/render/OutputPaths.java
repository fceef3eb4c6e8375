package io.gazette.render;

import io.gazette.content.UrlPaths;
import io.gazette.site.SinceLastBuild;
import io.gazette.site.SiteUrls;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Output file paths of pages and feeds, made once per URL and reused while the URL is in use. A
 * preview rebuild plans every file of the site and looks each up in the table of last
 * fingerprints; with the same string instances every time, that costs no hashing and no
 * character comparisons. URLs a build did not use are forgotten ({@link #dropUnused}), so the
 * cache does not grow with edits. One build at a time: not thread-safe.
 */
public final class OutputPaths {
    private final SiteUrls urls;
    private final SinceLastBuild since;
    private final Map<String, Slot> slots = new HashMap<>();
    /** How many URLs this build used so far. */
    private int live;

    private static final class Slot extends SinceLastBuild.Kept {
        String file;
        String feed;
        String[] pages = new String[0];
    }

    public OutputPaths(SiteUrls urls, SinceLastBuild since) {
        this.urls = urls;
        this.since = since;
    }

    /**
     * After a build's planning: drops the URLs it did not use, once they are more than the ones it
     * did (a sweep costs a pass over all of them).
     */
    public void dropUnused() {
        if (slots.size() > 2 * live + 1024) {
            since.dropUnused(slots, (url, slot) -> { });
        }
        live = 0;
    }

    /** The file that serves a site-relative URL: {@link UrlPaths#fileFor}. */
    public String file(String url) {
        Slot slot = slot(url);
        if (slot.file == null) {
            slot.file = UrlPaths.fileFor(url);
        }
        return slot.file;
    }

    /** The file of page {@code k} of a paginated list: its first page for 0, else numbered page {@code k}. */
    public String page(String listUrl, int k) {
        if (k <= 0) {
            return file(listUrl);
        }
        Slot slot = slot(listUrl);
        if (slot.pages.length < k) {
            slot.pages = Arrays.copyOf(slot.pages, Math.max(k, slot.pages.length * 2));
        }
        String path = slot.pages[k - 1];
        if (path == null) {
            path = UrlPaths.fileFor(urls.page(listUrl, k));
            slot.pages[k - 1] = path;
        }
        return path;
    }

    /** The feed of a list page. */
    public String feed(String listUrl) {
        Slot slot = slot(listUrl);
        if (slot.feed == null) {
            slot.feed = urls.feedOf(listUrl);
        }
        return slot.feed;
    }

    private Slot slot(String url) {
        Slot slot = slots.get(url);
        if (slot == null) {
            slot = new Slot();
            slots.put(url, slot);
        }
        if (since.markUsed(slot)) {
            live++;
        }
        return slot;
    }
}
