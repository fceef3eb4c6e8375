package io.gazette.check;

/**
 * One URL found in a file of the site: as written, where (1-based line, 0 if unknown), what it is
 * for in the words of the report ("link", "image", "srcset candidate", ...) and how to judge it.
 */
record Link(String written, int line, Usage usage, String what) {

    enum Usage {
        /** Followed by a reader: the target must exist, and a #fragment should name an id in it. */
        NAVIGATION,
        /** Loaded by the browser (image, script, stylesheet, font): the file must exist. */
        RESOURCE,
        /** Read by machines off the site (feeds, og:image): must be absolute, and exist if ours. */
        ABSOLUTE,
        /** A sitemap entry: absolute, inside the site's base URL, and existing. */
        SITEMAP,
        /** A link inside a feed entry's HTML: readers resolve relative URLs unreliably. */
        FEED_CONTENT
    }
}
